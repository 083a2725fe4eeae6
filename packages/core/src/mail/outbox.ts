/**
 * Email leaves the desk through an outbox: every message is stored (with a deterministic id, so the
 * same notice can never be queued twice) before any attempt to send it, then sent, retried with
 * backoff, and finally marked sent or failed. Nothing is lost when the mail server is down.
 */
type MailKind =
  | 'receipt'
  | 'case_update'
  | 'sla_alert'
  | 'daily_digest'
  | 'weekly_report'
  | 'delivery_failure'
  | 'form_mapping'
  | 'sign_in'
  | 'assignment'
  | 'letter_awaiting'
  | 'lapor_followup'
  | 'lapor_reject';

/**
 * A message for SP4N-LAPOR! instead of a mailbox. It shares the outbox with mail: the same id-based
 * idempotency, claim, retry with backoff and failure report; only the last step (the courier) differs.
 */
export type LaporAction =
  | { type: 'followup'; complaintId: string; content: string; isSecret: boolean }
  /** "Bukan wewenang": forwarded to the agency that is (`institutionId`, LAPOR!'s own id), with the reason. */
  | { type: 'reject'; complaintId: string; institutionId?: string; reason: string };

export interface OutgoingMail {
  /** Idempotency key: `receipt-<case>`, `alert-<case>-<threshold>-<staff>`, `digest-<staff>-<date>`… */
  id: string;
  kind: MailKind;
  to: string[];
  subject: string;
  text: string;
  caseId?: string;
  /** Present for a LAPOR! message (then `to` is empty). */
  lapor?: LaporAction;
  /**
   * Present for a sign-in link request: `to` is the address someone typed, and the link is made only
   * when the message is delivered, if that address is an active officer's. The request is queued the
   * same way for every address, so the answer to the form tells nobody who works here, and the link
   * itself (a secret) is never stored.
   */
  signIn?: { next: string };
}

type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEntry extends OutgoingMail {
  status: OutboxStatus;
  attempts: number;
  createdAt: number;
  /** When the next attempt is due (also the lease end of an attempt in progress). */
  nextAttemptAt: number;
  sentAt?: number;
  failedAt?: number;
  lastError?: string;
}

/** Thrown by a mailer. `permanent`: retrying cannot help (address rejected, sender not verified). */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const newOutboxEntry = (mail: OutgoingMail, now: number): OutboxEntry => ({
  ...mail,
  status: 'pending',
  attempts: 0,
  createdAt: now,
  nextAttemptAt: now,
});

export interface OutboxStore {
  /** Queues messages whose id is new; returns the ids actually queued (a repeat is skipped, not an error). */
  enqueue(mails: OutgoingMail[], now: number): Promise<string[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Pending messages whose next attempt is due, oldest first. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /**
   * Takes one attempt: succeeds only for the caller that saw `attempts` unchanged, so two dispatchers
   * never send the same message at once. The lease makes a crashed attempt retryable later.
   */
  claim(entry: OutboxEntry, now: number, leaseUntil: number): Promise<OutboxEntry | undefined>;
  markSent(id: string, now: number): Promise<void>;
  /** Deletes a message that needed no sending (a sign-in request for an address that is no officer's). */
  discard(id: string): Promise<void>;
  reschedule(id: string, nextAttemptAt: number, error: string): Promise<void>;
  markFailed(id: string, now: number, error: string): Promise<void>;
  /** Puts a failed message back in the queue (after the cause was fixed); false if it was not failed. */
  requeue(id: string, now: number): Promise<boolean>;
  /** Messages given up on, newest first (for the administrators' report). */
  listFailed(limit: number): Promise<OutboxEntry[]>;
}
