import { dutyRoles } from '../catalog/roles';
import type { Field, Service } from '../standard/schema';
import { documentLimit, DOCUMENT_FORMATS, formatNames, megabytes, scanTypes } from '../standard/formats';
import { LoketError } from '../errors';
import { fieldProblem } from '../intake/validate-field';
import type { WorkingCalendar } from '../sla/calendar';
import { applyCalendar, clockOnComplete, isPaused, pauseClock, resumeClock, startClock } from '../sla/deadline';
import {
  type Actor,
  type Effect,
  type GuardContext,
  stateOf,
  transition,
  type WorkflowDefinition,
} from '../workflow/engine';
import { requireStepWork, stepRoles } from '../workflow/step-roles';
import type { OutgoingMail } from '../mail/outbox';
import { nextRetryAt } from '../util/retry';
import type { Attachment, CaseEvent, CaseRecord, Channel, CheckItem, CheckStatus, Threshold } from './model';
import { documentKey, isCurrentFile, nextThreshold } from './model';
import type { LaporLink } from '../lapor/complaint';
import { laporReply } from '../lapor/commands';
import {
  kipAnswerBy,
  kipAnswerEstimated,
  kipDeadlines,
  readRefusal,
  recomputeKipDeadlines,
  type Refusal,
} from '../letters/refusal';
import { type KlinikSession, scheduleNote, scheduleName } from '../klinik/schedule';
import { listValue, readForwardTarget, type StepRecord } from '../workflow/step-data';
import { readOutsideApproval } from '../workflow/outside-approval';
import { type UmkmEntry, umkmEntryOf } from '../registry/umkm';
import { theStandard } from '../standard/current';
import { recorded } from './recorded';

/** The result of every command: the new case, the event it appends, and the effects to run after the write. */
export interface CaseChange {
  record: CaseRecord;
  event: CaseEvent;
  effects: Effect[];
  /** Emails this change owes besides the applicant's notices (e.g. deadline alerts), queued with it. */
  mails?: OutgoingMail[];
  /** This change finished the request and opened its satisfaction survey (the invitation goes with it). */
  opensSurvey?: boolean;
  /** Records besides the case that this change writes in the same transaction; the store only maps them. */
  writes?: SideWrite[];
}

/**
 * What a change writes besides the case and its event. `letter_owed` queues the letter for the job that
 * retries a failed issue; `letter_settled` takes it off that queue; `registry_entry` enters a business;
 * `klinik_seat` takes a seat in a clinic session, only if one is left (else the whole change is refused).
 */
export type SideWrite =
  | { kind: 'letter_owed'; since: number }
  | { kind: 'letter_settled' }
  | { kind: 'registry_entry'; entry: UmkmEntry }
  | { kind: 'klinik_seat'; session: Pick<KlinikSession, 'date' | 'time' | 'id'>; caseId: string };

/**
 * The checklist item for what a submission got wrong outside the requirements (an unusable contact
 * address, answers to questions the mapping does not know). Present only when there is such a problem;
 * an officer who has dealt with it marks it "ok" like a requirement.
 */
export const INTAKE_CHECK = 'isian_formulir';

/**
 * Checks every requirement's fields. A field the applicant gave is `pending` until an officer checks it;
 * a missing or malformed one is `missing`/`invalid` with Indonesian issues naming the field.
 */
const evaluateChecklist = (
  service: Service,
  answers: Record<string, string[]>,
  previous: Record<string, CheckItem> = {},
  attachments: Attachment[] = [],
  intakeIssues: string[] = [],
) => {
  const checklist: Record<string, CheckItem> = {};
  // A file refused on copy (too large, wrong type) is a problem of the answer that still holds it.
  const refused = (fieldId: string) =>
    attachments
      .filter((a) => a.fieldId === fieldId && a.status === 'rejected' && isCurrentFile(a, answers))
      .map((a) => a.lastError ?? 'Berkas tidak dapat diterima.');
  for (const req of service.requirements) {
    const issues = req.fields
      .flatMap((f) => [fieldProblem(f, answers[f.id] ?? []), ...refused(f.id)])
      .filter((x): x is string => !!x);
    const anyMissing = req.fields.some((f) => f.required && !(answers[f.id] ?? []).some((v) => v.trim()));
    const status: CheckStatus = issues.length === 0 ? 'pending' : anyMissing ? 'missing' : 'invalid';
    const before = previous[req.id];
    // An officer's "ok" survives a resubmission only if the applicant's answers for it are still valid.
    checklist[req.id] = before?.status === 'ok' && status === 'pending' ? before : { status, issues };
  }
  if (intakeIssues.length) {
    const before = previous[INTAKE_CHECK];
    checklist[INTAKE_CHECK] = before?.status === 'ok' ? before : { status: 'invalid', issues: intakeIssues };
  }
  return checklist;
};

export const openIssues = (c: Pick<CaseRecord, 'checklist'>) =>
  Object.values(c.checklist).flatMap((i) => (i.status === 'missing' || i.status === 'invalid' ? i.issues : []));

/**
 * What the applicant must fix, one line per requirement ("KK — Scan Kartu Keluarga belum diisi."). An
 * officer's revision note is stored under each requirement it names: `omit` leaves it out, for a text
 * that shows it once on its own.
 */
export const openIssuesByRequirement = (c: Pick<CaseRecord, 'checklist'>, service: Service, omit?: string) =>
  // In the standard's order (a stored map keeps none), the intake's own problems last.
  [...service.requirements.map((r) => r.id), INTAKE_CHECK].flatMap((id) => {
    const i = c.checklist[id];
    if (!i || (i.status !== 'missing' && i.status !== 'invalid')) return [];
    const label = service.requirements.find((r) => r.id === id)?.text;
    const issues = [...new Set(i.issues)].filter((x) => x !== omit).join(' ');
    return [label && issues ? `${label} — ${issues}` : (label ?? issues)];
  });

export interface NewCase {
  service: Service;
  workflow: WorkflowDefinition;
  calendar: WorkingCalendar;
  id: string;
  trackingNumber: string;
  channel: Channel;
  source?: CaseRecord['source'];
  applicant: CaseRecord['applicant'];
  answers: Record<string, string[]>;
  unmatchedAnswers?: CaseRecord['unmatchedAnswers'];
  intakeIssues?: string[];
  attachments?: Attachment[];
  /** The request's own submission time: the SLA clock starts here, not at arrival. */
  receivedAt: number;
  now: number;
  actorId: string;
  confidential?: boolean;
  /** Requirements already met where the request came from (a LAPOR! report is a written complaint). */
  preChecked?: Record<string, CheckItem>;
  lapor?: LaporLink;
}

export const openCase = (n: NewCase): CaseChange => {
  const record: CaseRecord = {
    id: n.id,
    trackingNumber: n.trackingNumber,
    serviceId: n.service.id,
    standardVersion: theStandard().version,
    state: n.workflow.initial,
    version: 1,
    channel: n.channel,
    source: n.source,
    applicant: n.applicant,
    answers: n.answers,
    ...(n.unmatchedAnswers?.length ? { unmatchedAnswers: n.unmatchedAnswers } : {}),
    ...(n.intakeIssues?.length ? { intakeIssues: n.intakeIssues } : {}),
    checklist: evaluateChecklist(n.service, n.answers, n.preChecked, n.attachments, n.intakeIssues),
    attachments: n.attachments ?? [],
    clock: startClock(n.service.sla, n.calendar, n.receivedAt),
    createdAt: n.now,
    updatedAt: n.now,
    confidential: n.confidential,
    ...(n.lapor ? { lapor: n.lapor } : {}),
    ...(n.service.publicInformation ? { kip: kipDeadlines(n.calendar, n.receivedAt) } : {}),
  };
  return {
    record,
    event: {
      caseId: n.id,
      seq: 1,
      at: n.now,
      actorId: n.actorId,
      type: 'created',
      to: record.state,
      data: { channel: n.channel },
    },
    effects: ['notify_applicant'],
  };
};

const next = (c: CaseRecord, now: number, changes: Partial<CaseRecord>): CaseRecord => ({
  ...c,
  ...changes,
  version: c.version + 1,
  updatedAt: now,
});

/**
 * What a step's guard looks at, for the command and for the console alike: the requirements not yet
 * "ok", in the standard's order (the intake's own problems last), the channel, and whether the case's
 * letter is issued.
 */
export const guardContext = (
  c: Pick<CaseRecord, 'checklist' | 'channel' | 'letterIssuedAt'>,
  service: Service,
): GuardContext => ({
  incompleteRequirements: incompleteRequirements(c, service).map((r) => r.label),
  channel: c.channel,
  letterIssued: c.letterIssuedAt !== undefined,
});

/** The checklist items not "ok", in the standard's order, with the label an officer reads. */
export const incompleteRequirements = (c: Pick<CaseRecord, 'checklist'>, service: Service) =>
  [...service.requirements.map((r) => ({ id: r.id, label: r.text })), { id: INTAKE_CHECK, label: 'Isian formulir' }]
    .filter((r) => c.checklist[r.id] && c.checklist[r.id]!.status !== 'ok')
    .map((r) => ({ ...r, status: c.checklist[r.id]!.status }));

/**
 * Whether `actor` may take step `event` on the case now (state, role, note, guard), by the engine alone:
 * what a command checks before any side effect outside the case (a klinik seat) is taken.
 */
export const checkStep = (
  c: CaseRecord,
  service: Service,
  workflow: WorkflowDefinition,
  input: { event: string; actor: Actor; note?: string },
) => transition(workflow, c.state, input.event, input.actor, guardContext(c, service), input.note);

/** Fires a workflow event on a case: role, state and guard checked by the engine; the clock follows the effects. */
export const applyTransition = (
  c: CaseRecord,
  service: Service,
  workflow: WorkflowDefinition,
  calendar: WorkingCalendar,
  input: {
    event: string;
    actor: Actor;
    note?: string;
    now: number;
    attachments?: string[];
    data?: Record<string, string>;
    seat?: KlinikSession;
  },
): CaseChange => {
  const result = checkStep(c, service, workflow, input);
  const def = result.transition;
  const step = readStepRecord(c, service, def?.requires, input);
  let clock = c.clock;
  let closedAt = c.closedAt;
  // The completeness check is where a clock that waits for a complete file starts.
  if (def?.guard === 'requirements_complete') clock = clockOnComplete(service.sla, calendar, clock, input.now);
  for (const effect of result.effects) {
    if (effect === 'pause_clock') clock = pauseClock(clock, input.now);
    if (effect === 'resume_clock') clock = resumeClock(service.sla, calendar, clock, input.now);
    if (effect === 'stop_clock' && closedAt === undefined) {
      // A pause still open when the case ends is closed at the same instant.
      if (isPaused(clock)) clock = resumeClock(service.sla, calendar, clock, input.now);
      closedAt = input.now;
    }
  }
  // Reaching a terminal state always stops the clock, even through a path without stop_clock.
  if (stateOf(workflow, result.to).kind === 'terminal' && closedAt === undefined) closedAt = input.now;
  const record = next(c, input.now, {
    state: result.to,
    clock,
    closedAt,
    ...(closedAt !== undefined && c.closedAt === undefined ? { closedBy: input.actor.id } : {}),
    // The refusal letter states its ground; the letter itself is issued after the change is stored.
    // with the officer's explanation (the step's note), which the letter repeats.
    ...(step.refusal
      ? { refusal: { ...step.refusal, ...(input.note?.trim() ? { explanation: input.note.trim() } : {}) } }
      : {}),
    ...(step.checklist ? { checklist: step.checklist } : {}),
    ...(result.effects.includes('request_letter_number') ? { letterOwed: true } : {}),
  });
  // An answer to a LAPOR! complaint goes back there: queued for the API, or listed for copying by hand.
  const reply =
    c.lapor &&
    laporReply(c.lapor, {
      caseId: c.id,
      seq: record.version,
      reply: def?.laporReply,
      note: input.note?.trim() ?? '',
      data: input.data,
      now: input.now,
    });
  if (reply) record.lapor = reply.link;
  const writes: SideWrite[] = [
    ...(result.effects.includes('request_letter_number') && !record.letterId
      ? [{ kind: 'letter_owed', since: input.now } as const]
      : []),
    ...(result.effects.includes('record_in_registry')
      ? [{ kind: 'registry_entry', entry: umkmEntryOf(record, input.now) } as const]
      : []),
    // The seat is taken in the step's own transaction: both, or neither.
    ...(def.requires === 'klinik_seat' && input.seat
      ? [
          {
            kind: 'klinik_seat',
            session: { date: input.seat.date, time: input.seat.time, id: input.seat.id },
            caseId: c.id,
          } as const,
        ]
      : []),
  ];
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actor.id,
      type: 'transition',
      event: input.event,
      from: c.state,
      to: result.to,
      note: step.note ?? (input.note?.trim() || undefined),
      attachments: input.attachments,
      ...(input.data && Object.keys(input.data).length ? { data: input.data } : {}),
    },
    result.effects,
    {
      ...(reply?.messages.length ? { mails: reply.messages } : {}),
      ...(writes.length ? { writes } : {}),
    },
  );
};

/** Whether the files behind a requirement are in the desk's own storage (copied, type and size checked). */
const documentsStored = (c: CaseRecord, service: Service, requirementId: string) => {
  const req = service.requirements.find((r) => r.id === requirementId)!;
  return req.fields
    .filter((f) => f.kind === 'document')
    .every((f) => {
      const files = c.attachments.filter((a) => a.fieldId === f.id && isCurrentFile(a, c.answers));
      // A form upload must have been copied; a walk-in's paper document has no file record to wait for.
      const expected =
        c.channel === 'google_form' ? (c.answers[f.id] ?? []).filter((v) => v.trim()).length : files.length;
      return files.length >= expected && files.every((a) => a.status === 'stored');
    });
};

/** Whether a current answer's file of the requirement was refused on copy (its type or size). */
const documentsRefused = (c: CaseRecord, service: Service, requirementId: string) => {
  const fields = service.requirements.find((r) => r.id === requirementId)!.fields.map((f) => f.id);
  return c.attachments.some(
    (a) => fields.includes(a.fieldId) && a.status === 'rejected' && isCurrentFile(a, c.answers),
  );
};

/**
 * An officer of the current step records the result of checking one requirement (or the submission's
 * own problems, `INTAKE_CHECK`). A document can be declared in order only once its file is stored.
 */
export const checkRequirement = (
  c: CaseRecord,
  service: Service,
  workflow: WorkflowDefinition,
  input: { requirementId: string; status: 'ok' | 'invalid'; note?: string; actor: Actor; now: number },
): CaseChange => {
  const isIntake = input.requirementId === INTAKE_CHECK && c.checklist[INTAKE_CHECK] !== undefined;
  if (!isIntake && !service.requirements.some((r) => r.id === input.requirementId)) {
    throw new LoketError('validation', `Persyaratan "${input.requirementId}" tidak ada pada layanan ini.`, [
      { field: 'requirementId', message: 'Persyaratan tidak dikenal.' },
    ]);
  }
  requireStepWork(workflow, c.state, input.actor, 'memeriksa persyaratan');
  if (input.status === 'invalid' && !input.note?.trim()) {
    throw new LoketError('validation', 'Jelaskan apa yang perlu diperbaiki.', [
      { field: 'note', message: 'Catatan wajib diisi.' },
    ]);
  }
  const current = c.checklist[input.requirementId];
  if (input.status === 'ok' && current?.status === 'missing') {
    throw new LoketError('validation', 'Persyaratan yang belum diserahkan tidak dapat dinyatakan lengkap.', [
      { field: 'status', message: 'Dokumen belum ada.' },
    ]);
  }
  if (input.status === 'ok' && !isIntake && documentsRefused(c, service, input.requirementId)) {
    throw new LoketError(
      'invalid_transition',
      'Dokumen persyaratan ini ditolak saat disalin (jenis atau ukuran berkas); minta perbaikan kepada pemohon, atau lampirkan scan yang benar.',
    );
  }
  if (input.status === 'ok' && !isIntake && !documentsStored(c, service, input.requirementId)) {
    throw new LoketError(
      'invalid_transition',
      'Dokumen persyaratan ini belum tersimpan di sistem; periksa setelah berkas selesai disalin.',
    );
  }
  const item: CheckItem = {
    status: input.status,
    issues: input.status === 'invalid' ? [input.note!.trim()] : [],
    checkedBy: input.actor.id,
  };
  const record = next(c, input.now, { checklist: { ...c.checklist, [input.requirementId]: item } });
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actor.id,
      type: 'checklist_updated',
      note: input.note,
      data: { requirementId: input.requirementId, status: input.status },
    },
    [],
  );
};

/**
 * Disposisi: an officer of the current step (or a head) hands the case to an officer who holds one
 * of the step's roles; anyone else could not act on it.
 */
export const assignCase = (
  c: CaseRecord,
  workflow: WorkflowDefinition,
  input: { assignee: { id: string; roles: string[] }; actor: Actor; now: number },
): CaseChange => {
  requireStepWork(workflow, c.state, input.actor, 'mendisposisikan berkas', [...dutyRoles('disposition')]);
  const roles = stepRoles(workflow, c.state);
  if (!roles.some((r) => input.assignee.roles.includes(r))) {
    throw new LoketError('validation', 'Petugas yang dipilih tidak memegang peran pada tahap ini.', [
      { field: 'assigneeId', message: 'Pilih petugas tahap ini.' },
    ]);
  }
  const record = next(c, input.now, { assigneeId: input.assignee.id });
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actor.id,
      type: 'assigned',
      data: { from: c.assigneeId, to: input.assignee.id },
    },
    ['notify_assignee'],
  );
};

/** New answers from the applicant (an edited form response): checklist re-evaluated, officers' checks kept where still valid. */
export const resubmitAnswers = (
  c: CaseRecord,
  service: Service,
  input: {
    answers: Record<string, string[]>;
    attachments?: Attachment[];
    unmatchedAnswers?: CaseRecord['unmatchedAnswers'];
    intakeIssues?: string[];
    submittedAt: number;
    now: number;
    actorId: string;
  },
): CaseChange => {
  const known = new Set(c.attachments.map((a) => `${a.fieldId}#${a.sourceId}`));
  const attachments = [
    ...c.attachments,
    ...(input.attachments ?? []).filter((a) => !known.has(`${a.fieldId}#${a.sourceId}`)),
  ];
  const record = next(c, input.now, {
    answers: input.answers,
    attachments,
    unmatchedAnswers: input.unmatchedAnswers?.length ? input.unmatchedAnswers : undefined,
    intakeIssues: input.intakeIssues?.length ? input.intakeIssues : undefined,
    checklist: evaluateChecklist(service, input.answers, c.checklist, attachments, input.intakeIssues),
    source: c.source ? { ...c.source, submittedAt: input.submittedAt } : undefined,
  });
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actorId,
      type: 'resubmitted',
      data: { submittedAt: new Date(input.submittedAt).toISOString() },
    },
    ['notify_assignee'],
  );
};

/**
 * Checks and applies what a step records besides its note (`STEP_DATA`), so every door gets the same
 * rule: a refusal's legal ground, a forward's target, an outside approval, the requirements a revision
 * request marks (in the same change as the step, so the applicant's mail lists them), the klinik seat.
 */
const readStepRecord = (
  c: CaseRecord,
  service: Service,
  requires: StepRecord | undefined,
  input: { note?: string; now: number; actor: Actor; data?: Record<string, string>; seat?: KlinikSession },
): { refusal?: Refusal; checklist?: CaseRecord['checklist']; note?: string } => {
  switch (requires) {
    case undefined:
      return {};
    case 'outside_approval':
      readOutsideApproval(input.data, input.now, c.clock.receivedAt);
      return {};
    case 'refusal_ground':
      return { refusal: readRefusal(input.data) };
    case 'forward_target':
      readForwardTarget(input.data);
      return {};
    case 'revision_items': {
      const picked = listValue(input.data, 'requirements');
      const unknown = picked.find((id) => !service.requirements.some((r) => r.id === id));
      if (!picked.length || unknown) {
        const message = unknown
          ? `Persyaratan "${unknown.slice(0, 64)}" tidak ada pada layanan ini.`
          : 'Pilih persyaratan yang perlu diperbaiki.';
        throw new LoketError('validation', message, [{ field: 'requirements', message }]);
      }
      const note = input.note!.trim();
      const checklist = { ...c.checklist };
      for (const id of picked) {
        // What the intake found stays beside the officer's note: both are to be fixed.
        const before = c.checklist[id];
        const found = before && (before.status === 'missing' || before.status === 'invalid') ? before.issues : [];
        checklist[id] = {
          status: 'invalid',
          issues: [...found.filter((x) => x !== note), note],
          checkedBy: input.actor.id,
        };
      }
      const labels = picked.map((id) => service.requirements.find((r) => r.id === id)!.text);
      return { checklist, note: `Perlu diperbaiki: ${labels.join('; ')}.\n${note}` };
    }
    case 'klinik_seat': {
      if (!input.seat || input.seat.id !== input.data?.sessionId) {
        throw new LoketError('validation', `Pilih sesi ${scheduleName()}.`, [
          { field: 'sessionId', message: 'Pilih sesi.' },
        ]);
      }
      return { note: [scheduleNote(input.seat), input.note?.trim()].filter(Boolean).join('\n') };
    }
  }
};

/** Recomputes deadlines of an open case after the calendar changed. Returns undefined when nothing moved. */
export const recomputeDeadlines = (
  c: CaseRecord,
  service: Service,
  calendar: WorkingCalendar,
  now: number,
): CaseChange | undefined => {
  if (c.closedAt !== undefined) return undefined;
  const clock = applyCalendar(service.sla, calendar, c.clock);
  const kip = c.kip && recomputeKipDeadlines(calendar, c.kip, c.clock.receivedAt);
  const kipMoved =
    kip !== undefined &&
    c.kip !== undefined &&
    (kipAnswerBy(kip) !== kipAnswerBy(c.kip) || kipAnswerEstimated(kip) !== kipAnswerEstimated(c.kip));
  if (
    !kipMoved &&
    clock.dueAt === c.clock.dueAt &&
    clock.atRiskAt === c.clock.atRiskAt &&
    clock.estimated === c.clock.estimated
  )
    return undefined;
  const record = next(c, now, { clock, ...(kip ? { kip } : {}) });
  return recorded(
    record,
    {
      at: now,
      actorId: 'system',
      type: 'deadline_recomputed',
      data: { dueAtBefore: c.clock.dueAt, dueAtAfter: clock.dueAt },
    },
    [],
  );
};

export type AttachmentOutcome =
  | { status: 'stored'; s3Key: string; sha256: string; size: number; mimeType: string }
  | { status: 'failed'; error: string }
  | { status: 'rejected'; reason: string };

/**
 * Records one attempt to copy an applicant's file. A refused file (size, type) becomes a checklist
 * problem the applicant can fix; a failed copy is retried with backoff. Undefined when already stored.
 */
export const recordAttachment = (
  c: CaseRecord,
  service: Service,
  input: { fieldId: string; sourceId: string; outcome: AttachmentOutcome; now: number },
): CaseChange | undefined => {
  const index = c.attachments.findIndex((a) => a.fieldId === input.fieldId && a.sourceId === input.sourceId);
  const before = c.attachments[index];
  if (!before || before.status === 'stored' || before.status === 'rejected') return undefined;
  const attempts = before.attempts + 1;
  const o = input.outcome;
  const after: Attachment =
    o.status === 'stored'
      ? {
          ...before,
          status: 'stored',
          s3Key: o.s3Key,
          sha256: o.sha256,
          size: o.size,
          mimeType: o.mimeType,
          attempts,
          nextAttemptAt: undefined,
          lastError: undefined,
        }
      : o.status === 'rejected'
        ? { ...before, status: 'rejected', attempts, nextAttemptAt: undefined, lastError: o.reason }
        : {
            ...before,
            status: 'failed',
            attempts,
            lastError: o.error,
            nextAttemptAt: nextRetryAt(attempts, input.now),
          };
  const attachments = c.attachments.map((a, i) => (i === index ? after : a));
  const record = next(c, input.now, {
    attachments,
    checklist:
      o.status === 'rejected'
        ? evaluateChecklist(service, c.answers, c.checklist, attachments, c.intakeIssues)
        : c.checklist,
  });
  return recorded(
    record,
    {
      at: input.now,
      actorId: 'system',
      type: o.status === 'stored' ? 'attachment_stored' : 'attachment_failed',
      data:
        o.status === 'stored'
          ? { fieldId: input.fieldId, sha256: o.sha256, size: o.size }
          : {
              fieldId: input.fieldId,
              rejected: o.status === 'rejected',
              error: after.lastError,
              attempts,
              retryAt: after.nextAttemptAt,
            },
    },
    [],
  );
};

/**
 * Why a file cannot be a document field's scan: its type as its bytes show it (undefined when they
 * show none the desk knows) against the field's accepted types, and its size against the field's limit
 * and the door's (`transportMaxBytes`, what one upload request can carry). Undefined when it can.
 */
export const documentFileProblem = (
  field: Field,
  file: { sniffedType?: string; size: number },
  transportMaxBytes = Number.POSITIVE_INFINITY,
) => {
  const accepted = scanTypes(field);
  const max = documentLimit(field, transportMaxBytes);
  if (file.size === 0) return `${field.label}: pilih berkas yang akan dilampirkan.`;
  if (!file.sniffedType || !accepted.includes(file.sniffedType))
    return `${field.label}: jenis berkas tidak diterima; lampirkan berkas ${formatNames(accepted)}.`;
  if (file.size > max)
    return `${field.label}: berkas terlalu besar (${megabytes(file.size)}); maksimal ${megabytes(max)}.`;
  return undefined;
};

/**
 * An officer attaches the scan of a document the applicant brought or sent on paper (a walk-in or
 * letter request has no upload of its own), already stored under `documentKey`. The file becomes the
 * field's answer, and its requirement is to be checked again; the other requirements keep their marks.
 */
export interface AttachDocumentInput {
  fieldId: string;
  fileName: string;
  stored: { sha256: string; size: number; mimeType: string };
  /** What one upload through the door that brought it can carry, when less than the field's limit. */
  transportMaxBytes?: number;
  actor: Actor;
}

export const attachDocument = (
  c: CaseRecord,
  service: Service,
  workflow: WorkflowDefinition,
  input: AttachDocumentInput & { now: number },
): CaseChange => {
  const requirement = service.requirements.find((r) =>
    r.fields.some((f) => f.id === input.fieldId && f.kind === 'document'),
  );
  const field = requirement?.fields.find((f) => f.id === input.fieldId);
  if (!requirement || !field)
    throw new LoketError('validation', `Dokumen "${input.fieldId}" tidak ada pada layanan ini.`, [
      { field: 'fieldId', message: 'Dokumen tidak dikenal.' },
    ]);
  requireStepWork(workflow, c.state, input.actor, 'melampirkan dokumen');
  const problem = documentFileProblem(
    field,
    { sniffedType: input.stored.mimeType, size: input.stored.size },
    input.transportMaxBytes,
  );
  if (problem) throw new LoketError('validation', problem, [{ field: 'file', message: problem }]);
  const sourceId = `loket:${input.stored.sha256}`;
  if (c.attachments.some((a) => a.fieldId === field.id && a.sourceId === sourceId))
    throw new LoketError('validation', `${field.label}: berkas yang sama sudah terlampir.`, [
      { field: 'file', message: 'Berkas yang sama sudah terlampir.' },
    ]);
  const attachment: Attachment = {
    fieldId: field.id,
    sourceId,
    fileName: input.fileName.slice(0, 200) || `${field.id}.${DOCUMENT_FORMATS[input.stored.mimeType]?.extension}`,
    mimeType: input.stored.mimeType,
    status: 'stored',
    s3Key: documentKey(c.id, field.id, input.stored.sha256),
    sha256: input.stored.sha256,
    size: input.stored.size,
    attempts: 0,
    origin: 'desk',
  };
  const attachments = [...c.attachments, attachment];
  const answers = { ...c.answers, [field.id]: [...(c.answers[field.id] ?? []).filter((v) => v.trim()), sourceId] };
  const evaluated = evaluateChecklist(service, answers, c.checklist, attachments, c.intakeIssues);
  const record = next(c, input.now, {
    attachments,
    answers,
    checklist: { ...c.checklist, [requirement.id]: evaluated[requirement.id]! },
  });
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actor.id,
      type: 'attachment_stored',
      data: { fieldId: field.id, sha256: input.stored.sha256, size: input.stored.size, origin: 'desk' },
    },
    [],
  );
};

/**
 * The SLA threshold a sweep should alert for now, or undefined (closed, paused, nothing due, already
 * sent). A case found past its deadline gets the breach alert only: an at-risk notice would be stale.
 */
export const dueThreshold = (c: CaseRecord, now: number): Threshold | undefined => {
  const next = nextThreshold(c);
  if (!next || next.at > now) return undefined;
  return c.clock.dueAt !== undefined && c.clock.dueAt <= now ? 'breach' : next.kind;
};

/** Records that a threshold was alerted, to whom. The case moves on to its next threshold (or none). */
export const recordSlaAlert = (
  c: CaseRecord,
  input: { threshold: Threshold; recipientIds: string[]; now: number },
): CaseChange => {
  const record = next(c, input.now, { alerted: [...(c.alerted ?? []), input.threshold] });
  return recorded(
    record,
    {
      at: input.now,
      actorId: 'system',
      type: 'sla_alert',
      data: { threshold: input.threshold, recipients: input.recipientIds, dueAt: c.clock.dueAt },
    },
    [],
  );
};

/**
 * An officer asks for another try of files whose copy was given up (e.g. after the upload folder was
 * shared with the service account). Undefined when no file is in that state.
 */
export const requestAttachmentRetry = (
  c: CaseRecord,
  input: { actorId: string; now: number },
): CaseChange | undefined => {
  const givenUp = (a: Attachment) => a.status === 'failed' && a.nextAttemptAt === undefined;
  if (!c.attachments.some(givenUp)) return undefined;
  const record = next(c, input.now, {
    attachments: c.attachments.map((a) => (givenUp(a) ? { ...a, status: 'pending' as const } : a)),
  });
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actorId,
      type: 'attachment_retry',
      data: { fields: c.attachments.filter(givenUp).map((a) => a.fieldId) },
    },
    [],
  );
};
