import { archiveStandard, hasStandardVersion, serviceOfVersion, theStandard } from '../standard/current';
import type { Service, Standard } from '../standard/schema';
import { isLoketError, LoketError, notFound } from '../errors';
import { SEAT_CONTENTION } from '../ports';
import type {
  CalendarStore,
  CaseRepository,
  ExternalKey,
  IdSource,
  KlinikSeats,
  RawBody,
  StaffDirectory,
  StandardArchive,
  TimeSource,
} from '../ports';
import { handOver } from '../workflow/handover';
import { bookableMonths, type KlinikSession, sessionsFor, scheduleName } from '../klinik/schedule';
import { WorkingCalendar } from '../sla/calendar';
import { wibDate } from '../sla/wib';
import { newOutboxEntry, type OutboxEntry, type OutgoingMail } from '../mail/outbox';
import type { Actor } from '../workflow/engine';
import { workflowFor } from '../workflow/definitions';
import { REVISION, SHARED_EVENTS } from '../workflow/build';
import { APPLICANT_ROLE, STAFF_ID } from '../catalog/roles';
import {
  applyTransition,
  assignCase,
  checkStep,
  type AttachmentOutcome,
  type CaseChange,
  attachDocument,
  type AttachDocumentInput,
  checkRequirement,
  openCase,
  recomputeDeadlines,
  recordAttachment,
  resubmitAnswers,
  type NewCase,
} from './commands';
import { alreadyRecorded, type CaseRecord } from './model';
import { makeTrackingNumber } from './tracking';
import { recordLaporCopied } from '../lapor/commands';
import { SURVEY_DAYS } from '../survey/questions';
import { randomCode } from '../util/random-code';
import { extendKipDeadline } from '../letters/refusal';

interface CaseServiceDeps {
  repo: CaseRepository;
  calendars: CalendarStore;
  time: TimeSource;
  ids: IdSource;
  /** Who may take a case over when it reaches a step, and who may be assigned one. */
  staff: StaffDirectory;
  /** Where a `klinik_seat` step takes its seat. */
  klinik: KlinikSeats;
  /** Earlier versions of the standard, for cases opened under them. */
  standards: StandardArchive;
  /** Told once per process if the running document reuses a stored version's number with other content. */
  onStandardConflict?: (version: string) => void;
  /** The emails a change owes (receipt, revision request…); queued in the same transaction as the change. */
  mailsFor?: (change: CaseChange) => OutgoingMail[] | Promise<OutgoingMail[]>;
  /** Runs after a change is stored, with the outbox entries it queued (e.g. to send them right away). */
  afterChange?: (change: CaseChange, mails: OutboxEntry[]) => Promise<void>;
}

type OpenCaseInput = Omit<NewCase, 'service' | 'workflow' | 'calendar' | 'id' | 'trackingNumber' | 'now'> & {
  serviceId: string;
  externalKey?: ExternalKey;
  /** The submission's raw bytes, stored in the same transaction as the case (only if it opens one). */
  raw?: RawBody;
};

interface OpenCaseResult {
  record: CaseRecord;
  /** False when the external key was seen before and the existing case is returned. */
  created: boolean;
}

const serviceOrThrow = (id: string, version?: string): Service => {
  const s = serviceOfVersion(id, version);
  if (!s) throw notFound(`Layanan "${id}"`);
  return s;
};

/** Application service for cases: loads, decides with the pure commands, stores version-checked. */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  /** The running standard, stored once per process (and per document) before a case is opened under it. */
  private readonly recorded = new WeakMap<Standard, Promise<void>>();
  private recordStandard() {
    const standard = theStandard();
    let done = this.recorded.get(standard);
    if (!done) {
      done = this.deps.standards.record(standard).then((r) => {
        if (r.changedWithoutNewVersion) this.deps.onStandardConflict?.(standard.version);
      });
      // A failed write is tried again by the next case, not remembered.
      done.catch(() => this.recorded.delete(standard));
      this.recorded.set(standard, done);
    }
    return done;
  }

  /**
   * Makes the version of the standard a case was opened under available (loaded from the archive
   * once per process), so its procedure, labels and clock are that version's.
   */
  async loadVersionOf(c: Pick<CaseRecord, 'standardVersion'>): Promise<void> {
    const v = c.standardVersion;
    if (!v || hasStandardVersion(v)) return;
    const stored = await this.deps.standards.get(v);
    if (stored) archiveStandard(stored);
  }

  async calendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.deps.calendars.load());
  }

  /**
   * Opens a case exactly once per external key: concurrent repeats of the same form response all
   * return the one case that won the transaction.
   */
  async open(input: OpenCaseInput): Promise<OpenCaseResult> {
    const service = serviceOrThrow(input.serviceId);
    await this.recordStandard();
    // No look-up first: a new submission is the common case, and the transaction's condition on the
    // external key answers a repeat (below) as surely as a read would, one round trip cheaper.
    const calendar = await this.calendar();
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.deps.time.now();
      const change = openCase({
        ...input,
        service,
        workflow: workflowFor(service),
        calendar,
        now,
        source:
          input.source ??
          (input.externalKey && {
            kind: input.externalKey.kind,
            externalId: input.externalKey.id,
            submittedAt: input.receivedAt,
          }),
        id: this.deps.ids.caseId(input.externalKey),
        trackingNumber: makeTrackingNumber(service.code, wibDate(input.receivedAt), this.deps.ids.randomBytes(6)),
      });
      try {
        const mails = await this.owedMails(change);
        await this.deps.repo.create(change, input.externalKey, mails, input.raw);
        await this.deps.afterChange?.(change, mails);
        return { record: change.record, created: true };
      } catch (e) {
        if (e instanceof LoketError && e.code === 'duplicate' && e.detail) {
          return { record: (await this.deps.repo.get(e.detail))!, created: false };
        }
        // A tracking number collision (1 in 2^30 a month) is retried with a fresh one.
        if (e instanceof LoketError && e.code === 'conflict') continue;
        throw e;
      }
    }
    throw new LoketError('unavailable', 'Nomor registrasi tidak dapat dibuat, silakan coba lagi.');
  }

  async get(id: string): Promise<CaseRecord> {
    const c = await this.deps.repo.get(id);
    if (!c) throw notFound('Berkas');
    await this.loadVersionOf(c);
    return c;
  }

  /** Loads, applies a command and saves it with the version it read (or the one the caller saw). */
  private async mutate(
    id: string,
    expectedVersion: number | undefined,
    decide: (c: CaseRecord, s: Service) => CaseChange | Promise<CaseChange>,
  ) {
    const c = await this.get(id);
    if (expectedVersion !== undefined && expectedVersion !== c.version) {
      throw new LoketError(
        'conflict',
        'Berkas telah diubah oleh petugas lain. Muat ulang lalu coba lagi.',
        [],
        `expected version ${expectedVersion}, stored ${c.version}`,
      );
    }
    return this.commit(await decide(c, serviceOrThrow(c.serviceId, c.standardVersion)));
  }

  /** The applicant's notices and any emails the command itself carries, as outbox entries. */
  private async owedMails(change: CaseChange): Promise<OutboxEntry[]> {
    return [...((await this.deps.mailsFor?.(change)) ?? []), ...(change.mails ?? [])].map((m) =>
      newOutboxEntry(m, change.record.updatedAt),
    );
  }

  /**
   * A request just finished is invited to the satisfaction survey (once: the token is kept on the case).
   * LAPOR! complaints are not: the national system surveys its own reporters.
   */
  private withSurvey(change: CaseChange): CaseChange {
    const r = change.record;
    if (r.closedAt === undefined || r.survey || r.channel === 'sp4n_lapor') return change;
    const token = randomCode(this.deps.ids.randomBytes(20));
    return {
      ...change,
      opensSurvey: true,
      record: { ...r, survey: { token, until: r.closedAt + SURVEY_DAYS * 86_400_000 } },
    };
  }

  /** Saves a change (version-checked) with the emails it owes in one transaction, then runs `afterChange`. */
  private async commit(given: CaseChange): Promise<CaseChange> {
    const change = this.withSurvey(given);
    const mails = await this.owedMails(change);
    await this.deps.repo.save(change, mails);
    await this.deps.afterChange?.(change, mails);
    return change;
  }

  async act(
    id: string,
    input: {
      event: string;
      actor: Actor;
      note?: string;
      expectedVersion?: number;
      attachments?: string[];
      data?: Record<string, string>;
    },
  ) {
    const calendar = await this.calendar();
    const staff = await this.deps.staff.list();
    const take = () =>
      this.mutate(id, input.expectedVersion, async (c, s) => {
        const seat = await this.seatFor(c, s, input);
        const change = applyTransition(c, s, workflowFor(s), calendar, { ...input, seat, now: this.deps.time.now() });
        // The case goes to the next step's officer (docs/RULES.md §1, "Who works a step").
        change.record.assigneeId = handOver(workflowFor(s), change.record.state, c.assigneeId, staff);
        return change;
      });
    // Bookings racing for one session cancel each other's transaction: nothing was written, so try again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await take();
      } catch (e) {
        if (!(isLoketError(e) && e.code === 'conflict' && e.detail === SEAT_CONTENTION) || attempt >= 5) throw e;
      }
    }
  }

  /**
   * The session a `klinik_seat` step books: it must be bookable for this case (not started, on a topic
   * it asked for, a seat left), else the step is refused (422) naming `sessionId`. The seat itself is
   * taken in the step's transaction (`SideWrite` `klinik_seat`), never over capacity; any door, one rule.
   */
  private async seatFor(
    c: CaseRecord,
    s: Service,
    input: { event: string; actor: Actor; note?: string; data?: Record<string, string> },
  ): Promise<KlinikSession | undefined> {
    // The step itself first (state, role, note, guard): a session is looked up only for a step that may be taken.
    const def = checkStep(c, s, workflowFor(s), input).transition;
    if (def.requires !== 'klinik_seat') return undefined;
    const refuse = (message: string) =>
      new LoketError('invalid_transition', message, [{ field: 'sessionId', message }]);
    const sessionId = input.data?.sessionId?.trim();
    if (!sessionId) throw refuse(`Pilih sesi ${scheduleName()}.`);
    const now = this.deps.time.now();
    const months = await Promise.all(bookableMonths(now).map((m) => this.deps.klinik.month(m)));
    const session = months.flat().find((x) => x.id === sessionId);
    if (!session || !sessionsFor(c, [session], now).length)
      throw refuse('Sesi itu tidak ada, sudah lewat, penuh, atau bukan topik yang diminta; pilih sesi lain.');
    return session;
  }

  /** Public information: the answer deadline extended once by 7 working days, with the written reason. */
  async extendKipDeadline(id: string, input: { reason: string; actor: Actor; expectedVersion?: number }) {
    const calendar = await this.calendar();
    return this.mutate(id, input.expectedVersion, (c, s) =>
      extendKipDeadline(c, workflowFor(s), calendar, { ...input, now: this.deps.time.now() }),
    );
  }

  /** Manual LAPOR! channel: an officer copied one of the desk's answers into LAPOR! by hand. */
  async recordLaporCopied(id: string, input: { copyId: string; actor: Actor }) {
    return this.mutate(id, undefined, (c) => recordLaporCopied(c, { ...input, now: this.deps.time.now() }));
  }

  async checkRequirement(
    id: string,
    input: { requirementId: string; status: 'ok' | 'invalid'; note?: string; actor: Actor; expectedVersion?: number },
  ) {
    return this.mutate(id, input.expectedVersion, (c, s) =>
      checkRequirement(c, s, workflowFor(s), { ...input, now: this.deps.time.now() }),
    );
  }

  /** An officer's scan of a paper document, already stored at its `documentKey`, becomes the field's answer. */
  async attachDocument(id: string, input: AttachDocumentInput & { expectedVersion?: number }) {
    return this.mutate(id, input.expectedVersion, (c, s) =>
      attachDocument(c, s, workflowFor(s), { ...input, now: this.deps.time.now() }),
    );
  }

  /** Disposisi to an active officer of the directory who works the case's step; any door, the same checks. */
  async assign(id: string, input: { assigneeId: string; actor: Actor; expectedVersion?: number }) {
    // An id no officer can have (empty, too long) is refused by the staff-id rule before any lookup.
    const assignee = STAFF_ID.test(input.assigneeId) ? await this.deps.staff.get(input.assigneeId) : undefined;
    if (!assignee?.active)
      throw new LoketError('validation', 'Pilih petugas yang aktif.', [
        { field: 'assigneeId', message: 'Pilih petugas yang aktif.' },
      ]);
    return this.mutate(id, input.expectedVersion, (c, s) =>
      assignCase(c, workflowFor(s), { ...input, assignee, now: this.deps.time.now() }),
    );
  }

  /**
   * The applicant's edited submission, applied in submission order: inside the version-checked write it
   * is applied only if it is newer than what the case holds (an older or repeated edit is a no-op,
   * undefined), retried on a concurrent change. A case waiting for the applicant's revision then moves
   * back to the officers, also retried, so a racing edit never answers 409.
   */
  async resubmit(
    id: string,
    input: Omit<Parameters<typeof resubmitAnswers>[2], 'now'>,
  ): Promise<CaseRecord | undefined> {
    const applied = await this.applySystemChange(id, (c) => {
      if (alreadyRecorded(c, input.submittedAt)) return undefined;
      return resubmitAnswers(c, serviceOrThrow(c.serviceId, c.standardVersion), {
        ...input,
        now: this.deps.time.now(),
      });
    });
    if (!applied) return undefined;
    const calendar = await this.calendar();
    const back = await this.applySystemChange(id, (c) => {
      if (c.state !== REVISION) return undefined;
      const service = serviceOrThrow(c.serviceId, c.standardVersion);
      return applyTransition(c, service, workflowFor(service), calendar, {
        event: SHARED_EVENTS.resubmit,
        actor: { id: APPLICANT_ROLE, roles: [APPLICANT_ROLE] },
        note: 'Perbaikan dikirim melalui formulir.',
        now: this.deps.time.now(),
      });
    });
    return (back ?? applied).record;
  }

  /** Records one copy attempt of an applicant's file; a concurrent change is reloaded and retried. */
  async recordAttachment(id: string, input: { fieldId: string; sourceId: string; outcome: AttachmentOutcome }) {
    return this.applySystemChange(id, (c) =>
      recordAttachment(c, serviceOrThrow(c.serviceId, c.standardVersion), { ...input, now: this.deps.time.now() }),
    );
  }

  /**
   * Applies a system decision (alert, file copy, recomputed deadline) to the latest version, reloading
   * on a version conflict, so no officer's write is lost and two racing runs cannot both apply it.
   * `decide` sees the current case and may decline by returning undefined.
   */
  async applySystemChange(
    id: string,
    decide: (c: CaseRecord) => CaseChange | undefined,
    loaded?: CaseRecord,
  ): Promise<CaseChange | undefined> {
    if (loaded) await this.loadVersionOf(loaded);
    for (let attempt = 0; attempt < 5; attempt++) {
      const change = decide(attempt === 0 && loaded ? loaded : await this.get(id));
      if (!change) return undefined;
      try {
        return await this.commit(change);
      } catch (e) {
        if (!(e instanceof LoketError && e.code === 'conflict')) throw e;
      }
    }
    throw new LoketError('conflict', 'Berkas sedang diubah terus-menerus; coba lagi.');
  }

  /** One case's deadlines follow `calendar` (after an edit); false when nothing moved. */
  async recomputeDeadlines(open: CaseRecord, calendar: WorkingCalendar): Promise<boolean> {
    const change = await this.applySystemChange(
      open.id,
      (c) => recomputeDeadlines(c, serviceOrThrow(c.serviceId, c.standardVersion), calendar, this.deps.time.now()),
      open,
    );
    return change !== undefined;
  }

  events(id: string) {
    return this.deps.repo.events(id);
  }
}
