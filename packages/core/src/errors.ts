/** Machine codes of every failure the domain can report. The edge maps them to HTTP. */
export type ErrorCode =
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'forbidden'
  | 'unauthorized'
  | 'validation'
  | 'duplicate'
  | 'payload_too_large'
  /** It existed and was withdrawn (a revoked letter): it will not come back. */
  | 'gone'
  | 'rate_limited'
  | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `answers.2.values`. */
  field: string;
  /** Indonesian message for the person who sent it. */
  message: string;
}

/**
 * The one error type of the domain. `message` is Indonesian (it is shown to citizens and officers);
 * `detail` is English context for engineers and is never shown publicly.
 */
export class LoketError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LoketError';
  }
}

export const notFound = (what: string) => new LoketError('not_found', `${what} tidak ditemukan.`);

export const isLoketError = (e: unknown): e is LoketError => e instanceof LoketError;
