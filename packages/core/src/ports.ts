import type { KlinikSession } from './klinik/schedule';
import type { CaseChange } from './case/commands';
import type { CaseEvent, CaseRecord } from './case/model';
import type { OutboxEntry } from './mail/outbox';
import type { CalendarData } from './sla/calendar';

/** Time is passed in, never read ad hoc, so every deadline rule can be tested with a controlled clock. */
export interface TimeSource {
  now(): number;
}

export interface IdSource {
  /**
   * The id of a new case. One that comes from outside (a form response, a LAPOR! complaint) is named by
   * its external key, so every delivery of it names the same case and the store's own key condition
   * keeps it to one; any other gets a fresh, sortable id.
   */
  caseId(externalKey?: ExternalKey): string;
  /** Cryptographically random bytes (tracking numbers). */
  randomBytes(n: number): Uint8Array;
}

/**
 * A submission's bytes as received, kept for two years under a content-addressed key (docs/RULES.md §3).
 * Written with the case it opens, in the same transaction, when small enough.
 */
export interface RawBody {
  key: string;
  body: string;
  receivedAt: number;
}

/** An outside id that may exist at most once (a form responseId, a LAPOR complaint id). */
export interface ExternalKey {
  kind: 'google_form' | 'sp4n_lapor';
  id: string;
}

/** One look at an applicant's document: who, when, which file. Kept apart from the case (no version bump). */
export interface DocumentAccess {
  caseId: string;
  at: number;
  staffId: string;
  fieldId: string;
  sha256: string;
}

/**
 * Case storage. Every write is atomic with its audit event and checks the version it read: a stale
 * write fails with `conflict` and changes nothing.
 */
export interface CaseRepository {
  /** Creates a case, its first event, its tracking number and its external key in one transaction.
   * Throws `duplicate` (with the existing case id in `detail`) when the external key exists, and
   * `conflict` when the tracking number was taken. `mails` are queued in the outbox in the same transaction. */
  create(change: CaseChange, externalKey?: ExternalKey, mails?: OutboxEntry[], raw?: RawBody): Promise<void>;
  /** Writes `change.record` (and queues `mails`) only if the stored version is `change.record.version - 1`. */
  save(change: CaseChange, mails?: OutboxEntry[]): Promise<void>;
  get(id: string): Promise<CaseRecord | undefined>;
  getByTrackingNumber(trackingNumber: string): Promise<CaseRecord | undefined>;
  /** The case a form response or complaint became, if any. */
  getByExternalKey(key: ExternalKey): Promise<CaseRecord | undefined>;
  events(id: string): Promise<CaseEvent[]>;
  /** Open cases whose next SLA threshold is at or before `at`, soonest first. */
  listDue(at: number, limit: number): Promise<CaseRecord[]>;
  /** Appends to the case's document access log. */
  logDocumentAccess(entry: DocumentAccess): Promise<void>;
  documentAccessLog(caseId: string): Promise<DocumentAccess[]>;
  /** Ids of cases with a Drive file whose copy attempt is due at or before `at`. */
  listAttachmentsDue(at: number, limit: number): Promise<string[]>;
  listLettersDue(at: number, limit: number): Promise<string[]>;
  /** Every open case. */
  listOpen(): Promise<CaseRecord[]>;
  /** One page of open cases in creation order, from an opaque cursor (for resumable work over all of them). */
  listOpenPage(cursor: string | undefined, limit: number): Promise<{ cases: CaseRecord[]; next?: string }>;
  countOpen(): Promise<number>;
  listByServiceMonth(serviceId: string, month: string): Promise<CaseRecord[]>;
  listByAssignee(staffId: string): Promise<CaseRecord[]>;
}

export interface CalendarStore {
  load(): Promise<CalendarData>;
  /** The calendar with its version: every saved edit increments it (the shipped default is version 0). */
  loadVersioned(): Promise<{ data: CalendarData; version: number }>;
  /** Saves only over `expectedVersion` (else `conflict`, nothing written); returns the new version. */
  save(data: CalendarData, expectedVersion: number): Promise<number>;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  roles: string[];
  /** Whom breaches escalate to. */
  superiorId?: string;
  active: boolean;
}

export interface StaffDirectory {
  list(): Promise<StaffMember[]>;
  get(id: string): Promise<StaffMember | undefined>;
  put(member: StaffMember): Promise<void>;
}

/** The Klinik KUKM's sessions, one partition per month; a seat is taken atomically, never over capacity. */
export interface KlinikSeats {
  month(month: string): Promise<KlinikSession[]>;
  /** 'full' when the session has no seat left or is gone; a repeat for the same case is 'booked'. */
  book(s: Pick<KlinikSession, 'date' | 'time' | 'id'>, caseId: string): Promise<'booked' | 'full'>;
  unbook(s: Pick<KlinikSession, 'date' | 'time' | 'id'>, caseId: string): Promise<void>;
}
