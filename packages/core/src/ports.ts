import type { Standard } from './standard/schema';
import type { KlinikSession } from './klinik/schedule';
import { LoketError } from './errors';
import type { CaseChange } from './case/commands';
import type { CaseEvent, CaseRecord } from './case/model';
import type { OutboxEntry } from './mail/outbox';
import type { CalendarData } from './sla/calendar';
import type { FormMapping } from './intake/google-form';
import type { LetterRecord, LetterSettings } from './letters/model';
import type { LetterContent } from './letters/content';
import type { SigningChannel } from './letters/signing';
import type { UmkmEntry } from './registry/umkm';
import type { SurveyAnswers } from './survey/ikm';

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
/**
 * How `CaseRepository.save` reports a `klinik_seat` write it could not make: the session is full (the
 * step is refused, 422 naming `sessionId`), or another booking of the same session raced this one
 * (`conflict` with this detail; nothing was written, the command tries again).
 */
export const SEAT_CONTENTION = 'seat_contention';
export const sessionFull = () =>
  new LoketError('invalid_transition', 'Sesi itu sudah penuh; pilih sesi lain.', [
    { field: 'sessionId', message: 'Sesi itu sudah penuh; pilih sesi lain.' },
  ]);

export interface CaseRepository {
  /** Creates a case, its first event, its tracking number and its external key in one transaction.
   * Throws `duplicate` (with the existing case id in `detail`) when the external key exists, and
   * `conflict` when the tracking number was taken. `mails` are queued in the outbox in the same transaction. */
  create(change: CaseChange, externalKey?: ExternalKey, mails?: OutboxEntry[], raw?: RawBody): Promise<void>;
  /** A raw body kept with the case it opened (the others are in the bucket under the same key). */
  getRaw(key: string): Promise<string | undefined>;
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
  /** Stores the default calendar unless one exists (an admin's edits are never overwritten). */
  seed(): Promise<boolean>;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  roles: string[];
  /** Whom breaches escalate to. */
  superiorId?: string;
  active: boolean;
  /** Sessions signed in before this instant no longer admit the officer (set on deactivation). */
  sessionsEndedAt?: number;
}

export interface StaffDirectory {
  list(): Promise<StaffMember[]>;
  get(id: string): Promise<StaffMember | undefined>;
  put(member: StaffMember): Promise<void>;
}

/**
 * Every version of the office's standard the desk has run, so a case keeps the procedure it was opened
 * under (docs/STANDARD.md, "Versions"). Written once per version; never changed.
 */
export interface StandardArchive {
  /** Stores this version if it is not stored yet; says whether a different document holds the same version. */
  record(standard: Standard): Promise<{ changedWithoutNewVersion: boolean }>;
  get(version: string): Promise<Standard | undefined>;
}

/** The Klinik KUKM's sessions, one partition per month (a seat is taken by the scheduling step's own write, `SideWrite`). */
export interface KlinikSeats {
  put(s: KlinikSession): Promise<void>;
  month(month: string): Promise<KlinikSession[]>;
}

/**
 * A case's claim on issuing its letter: whoever holds it draws the number and writes it here before
 * anything else, so a retry after a crash continues with the same number.
 */
export interface LetterClaim {
  caseId: string;
  letterId: string;
  token: string;
  issuedAt: number;
  claimedAt: number;
  seq?: number;
  number?: string;
  classification?: string;
  year?: number;
  done?: boolean;
}

/** A letter as stored: the register line, plus the hashes of the applicant's download links. */
export type StoredLetter = LetterRecord & { downloads?: { hash: string; until: number }[] };

/** The letter register, its settings, its counters and each case's claim on its letter. */
export interface LetterStore {
  settings(): Promise<{ data: LetterSettings; version: number }>;
  saveSettings(data: LetterSettings, expectedVersion: number): Promise<number>;
  /** The next number of a counter (atomic; a number is never given twice). */
  nextSeq(counter: string): Promise<number>;
  claimOf(caseId: string): Promise<LetterClaim | undefined>;
  /** The claim now on the case: this one if there was none, else the one already there. */
  claim(claim: LetterClaim): Promise<LetterClaim>;
  takeOver(caseId: string, fromToken: string, toToken: string, now: number): Promise<boolean>;
  setNumber(
    caseId: string,
    token: string,
    n: { seq: number; number: string; classification: string; year: number },
  ): Promise<boolean>;
  markDone(caseId: string): Promise<void>;
  put(letter: StoredLetter): Promise<void>;
  /** Replaces a register line if it is still at `expectedVersion`; false when someone changed it first. */
  update(letter: LetterRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<StoredLetter | undefined>;
  addDownload(id: string, download: { hash: string; until: number }): Promise<void>;
  listYear(year: number): Promise<StoredLetter[]>;
  revoke(id: string, r: { by: string; reason: string; at: number }): Promise<boolean>;
  /**
   * A signing whose case may not have heard of it yet: marked before the register line turns
   * `berlaku`, cleared once the case records the issue. Markers due by `at` are what a crash left.
   */
  markIssuing(letterId: string, caseId: string, dueAt: number): Promise<void>;
  clearIssuing(letterId: string): Promise<void>;
  listIssuingDue(at: number, limit: number): Promise<{ letterId: string; caseId: string }[]>;
}

/** What a signing channel needs to sign one letter. */
export interface SignLetterInput {
  content: LetterContent;
  letterId: string;
  signedAt: number;
  /** Typed by the signatory for this signing only (BSrE); never stored, logged or mailed. */
  passphrase: string;
  /** The signatory's NIK as registered with BSrE (letter settings); the desk certificate needs none. */
  signerNik?: string;
}

/**
 * A way to sign letters: the office's BSrE gateway, or the desk certificate. It renders the letter as
 * it will be issued and returns the signed PDF; a refusal (wrong passphrase, expired certificate) is a
 * LoketError the signatory can act on, an unreachable service `unavailable`.
 */
export interface LetterSigner {
  readonly channel: SigningChannel;
  /** The signatory types a passphrase at signing (BSrE); the desk certificate asks none. */
  readonly asksPassphrase: boolean;
  sign(input: SignLetterInput): Promise<Uint8Array>;
}

/** One satisfaction survey answer: of a case (at most one), or of a walk-in visitor by service. */
export interface SurveyResponse {
  caseId: string;
  serviceId: string;
  answers: SurveyAnswers;
  suggestion?: string;
  at: number;
}

export interface SurveyStore {
  /** False when this case was already answered. */
  put(r: SurveyResponse): Promise<boolean>;
  answered(caseId: string): Promise<boolean>;
  month(month: string): Promise<SurveyResponse[]>;
}

export interface UmkmRegistry {
  list(): Promise<UmkmEntry[]>;
}

/** Which Google Form feeds which service, edited by an administrator. */
export interface FormMappingStore {
  list(): Promise<FormMapping[]>;
  put(mapping: FormMapping): Promise<void>;
  remove(formId: string): Promise<void>;
}

/** Named instants that only move forward (how far a reconciliation or a sweep has read). */
export interface MarkStore {
  get(name: string): Promise<number | undefined>;
  /** False when the mark is already at or past `at`. */
  advance(name: string, at: number): Promise<boolean>;
}

/** How far the deadline recomputation after a calendar edit has got (it resumes across runs). */
export interface RecomputeProgress {
  calendarVersion: number;
  cursor?: string;
  done: boolean;
}

export interface RecomputeProgressStore {
  get(): Promise<RecomputeProgress>;
  put(p: RecomputeProgress): Promise<void>;
}

/** The private bucket: archive a raw body, store a document, a short-lived link to one, a health check. */
export interface DocumentStore {
  put(key: string, body: string | Uint8Array, contentType: string, metadata?: Record<string, string>): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Deletes an object (nothing happens when there is none). */
  remove(key: string): Promise<void>;
  /** A presigned GET that works `seconds` long, with the type and file name the browser should use. */
  linkTo(key: string, opts: { seconds: number; contentType: string; fileName: string }): Promise<string>;
  /** Throws when the bucket cannot be reached (health). */
  check(): Promise<void>;
}

/** Short-lived, single-use records (sign-in links, a Google sign-in in progress): `take` uses one once. */
export interface TicketStore {
  /** Stores a ticket unless one with this id is still fresh at `now`: false then, and nothing written. */
  put(kind: string, id: string, data: Record<string, unknown>, expiresAtMs: number, now: number): Promise<boolean>;
  /** The ticket's data while it is fresh, left in place. */
  peek<T>(kind: string, id: string, now: number): Promise<T | undefined>;
  /** Deletes and returns the ticket; undefined when absent or expired. */
  take<T>(kind: string, id: string, now: number): Promise<T | undefined>;
}

/** An officer's browser session, stored under the hash of its cookie value. */
export interface StoredSession {
  staffId: string;
  createdAt: number;
  lastSeenAt: number;
  /** How the officer signed in: `google`, `link` or `dev`. */
  method: string;
}

export interface SessionStore {
  /** How long a session lives without use. */
  readonly idleMs: number;
  create(hash: string, session: StoredSession): Promise<void>;
  /** The live session (its idle time renewed), or undefined. */
  use(hash: string, now: number): Promise<StoredSession | undefined>;
  revoke(hash: string): Promise<void>;
}
