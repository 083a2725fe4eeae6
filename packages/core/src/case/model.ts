import * as z from 'zod';
import type { Clock } from '../sla/deadline';
import type { LaporLink } from '../lapor/complaint';
import type { KipDeadlines, Refusal } from '../letters/refusal';

export const Channel = z.enum(['google_form', 'walk_in', 'letter', 'sp4n_lapor', 'internal']);
export type Channel = z.infer<typeof Channel>;

/** Per requirement: `ok` (checked by an officer), `pending` (present, not yet checked), `missing`, `invalid`. */
export type CheckStatus = 'ok' | 'pending' | 'missing' | 'invalid';
export interface CheckItem {
  status: CheckStatus;
  issues: string[];
  checkedBy?: string;
}

export interface Attachment {
  fieldId: string;
  /** Id at the source (a Google Drive file id). */
  sourceId: string;
  fileName: string;
  mimeType: string;
  status: 'pending' | 'stored' | 'failed' | 'rejected';
  s3Key?: string;
  sha256?: string;
  size?: number;
  attempts: number;
  /** When a failed copy is tried again; absent once stored, rejected or given up. */
  nextAttemptAt?: number;
  lastError?: string;
  /**
   * Where the file came from: Google Drive (absent), an SP4N-LAPOR! attachment URL, or an officer's
   * scan of a paper document (`desk`, stored when attached: nothing to copy).
   */
  origin?: 'sp4n_lapor' | 'desk';
}

/**
 * Whether a file is one the case's answers point at now: a resubmission or a new scan replaces the
 * answer, and the file it replaced stays in the record as an earlier version.
 */
export const isCurrentFile = (a: Pick<Attachment, 'fieldId' | 'sourceId'>, answers: Record<string, string[]>) =>
  (answers[a.fieldId] ?? []).includes(a.sourceId);

/** Where a stored document lies in the private bucket: content-addressed under its case and field. */
export const documentKey = (caseId: string, fieldId: string, sha256: string) => `cases/${caseId}/${fieldId}/${sha256}`;

/** What can name a case (ULIDs, and test ids): anything else is not looked up at all. */
export const CASE_ID = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * Whether a submission made at `submittedAt` is already on the case (a repeat, or older than the edit
 * recorded). Compared as instants: Forms' createTime has milliseconds, lastSubmittedTime microseconds.
 */
export const alreadyRecorded = (c: Pick<CaseRecord, 'source' | 'clock'>, submittedAt: number) =>
  submittedAt <= (c.source?.submittedAt ?? c.clock.receivedAt);

export const attachmentDue = (a: Attachment) =>
  a.status === 'pending' || (a.status === 'failed' && a.nextAttemptAt !== undefined);

/**
 * A request moving through its service's procedure. Personal data lives only in `applicant` and
 * `answers`; both are masked by default wherever a case is shown.
 */
export interface CaseRecord {
  id: string;
  trackingNumber: string;
  serviceId: string;
  /**
   * The version of the office's standard the case was opened under: its procedure, labels and clock
   * stay that version's when the standard changes (absent on cases from before versions: the current).
   */
  standardVersion?: string;
  state: string;
  /** Optimistic lock: every write checks and increments it. */
  version: number;
  channel: Channel;
  /** The outside id that makes intake idempotent (form responseId, LAPOR complaint id). */
  source?: {
    kind: 'google_form' | 'sp4n_lapor';
    externalId: string;
    submittedAt?: number;
    /** Where the applicant edits their form response (Google's "Edit jawaban" link): mailed to them only. */
    editUrl?: string;
  };
  applicant: { name: string; email?: string; phone?: string };
  answers: Record<string, string[]>;
  /** Form answers whose question matched no field (a renamed question): kept for the officer, masked when shown. */
  unmatchedAnswers?: { title: string; values: string[] }[];
  /** Problems of the submission outside the requirements (contact address, unmatched answers). */
  intakeIssues?: string[];
  checklist: Record<string, CheckItem>;
  attachments: Attachment[];
  assigneeId?: string;
  clock: Clock;
  /** When the service's promise was fulfilled or ended (the SLA clock stopped). */
  closedAt?: number;
  /** The officer whose step closed it: the report credits the finish to them. */
  closedBy?: string;
  createdAt: number;
  updatedAt: number;
  /** The letter of the service's product: owed once the step that issues it is taken, then its number and register id. */
  letterOwed?: boolean;
  letterNumber?: string;
  letterId?: string;
  /** When the case's letter was signed and so issued (until then it waits for its paraf and signature). */
  letterIssuedAt?: number;
  /** When the case's letter was revoked: from then on it is handed out only from the register. */
  letterRevokedAt?: number;
  /** Public information requests: the legal deadlines of UU 14/2008 beside the standard's own. */
  kip?: KipDeadlines;
  /** A refused information request: the Pasal 17 ground and the consequence test, for the refusal letter. */
  refusal?: Refusal;
  /** Confidential or anonymous reporter: identity never leaves the staff console. */
  confidential?: boolean;
  /** A complaint from SP4N-LAPOR!: its id, status there, follow-ups seen and answers owed. */
  lapor?: LaporLink;
  /**
   * The satisfaction survey of a finished request: one answer per case through `/survei/<id>.<token>`
   * (mailed, or a QR code shown at the desk). The token only invites a survey answer, so it is kept as is.
   */
  survey?: { token: string; until: number };
  /** SLA thresholds already alerted (each at most once). */
  alerted?: Threshold[];
}

type CaseEventType =
  | 'created'
  | 'transition'
  | 'checklist_updated'
  | 'assigned'
  | 'resubmitted'
  | 'deadline_recomputed'
  | 'attachment_stored'
  | 'attachment_failed'
  | 'attachment_retry'
  | 'sla_alert'
  | 'lapor_status'
  | 'lapor_followup_in'
  | 'lapor_posted'
  | 'lapor_post_failed'
  | 'lapor_copied'
  | 'deadline_extended'
  | 'letter_prepared'
  | 'letter_issued'
  | 'letter_revoked';

/** One line of the append-only audit trail. `seq` equals the case version the event produced. */
export interface CaseEvent {
  caseId: string;
  seq: number;
  at: number;
  actorId: string;
  type: CaseEventType;
  event?: string;
  from?: string;
  to?: string;
  note?: string;
  attachments?: string[];
  data?: Record<string, unknown>;
}

export type Threshold = 'at_risk' | 'breach';

/**
 * The next SLA threshold a sweep must look at, or undefined when there is none (closed, paused, or
 * both alerts sent). The storage adapter keys its sparse "due" index on this, so a sweep reads only
 * the cases whose threshold has come.
 */
export const nextThreshold = (c: CaseRecord): { kind: Threshold; at: number } | undefined => {
  if (c.closedAt !== undefined) return undefined;
  const done = c.alerted ?? [];
  if (!done.includes('at_risk') && !done.includes('breach') && c.clock.atRiskAt !== undefined)
    return { kind: 'at_risk', at: c.clock.atRiskAt };
  if (!done.includes('breach') && c.clock.dueAt !== undefined) return { kind: 'breach', at: c.clock.dueAt };
  return undefined;
};
