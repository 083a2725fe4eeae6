/** A failed LAPOR! call. `transient`: worth trying again (5xx, 408/429, timeout, unreadable body). */
export class LaporApiError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A post LAPOR! answered with 2xx but a body that does not say whether it took it: retried after a check. */
export class LaporUnconfirmed extends LaporApiError {}
