import { maskDigitRuns } from './mask';
import { ADMIN_ROLE, APPLICANT_ROLE, dutyRoles, hasDuty, type Role } from '../catalog/roles';
import { caseService, serviceFields } from '../standard/current';
import { normalizePhone } from '../intake/validate-field';
import { slaState } from '../sla/deadline';
import { wibDate } from '../sla/wib';
import {
  availableTransitions,
  guardHolds,
  guardReason,
  type StateDef,
  stateOf,
  type TransitionDef,
} from '../workflow/engine';
import { guardContext, incompleteRequirements, INTAKE_CHECK } from './commands';
import { workflowFor } from '../workflow/definitions';
import { stepRoles } from '../workflow/step-roles';
import { type CaseRecord, isCurrentFile } from './model';
import type { Field, Service } from '../standard/schema';

/**
 * What the console shows about a case, decided here without HTML so it is tested on its own: how the
 * clock reads, which group of the Beranda a case falls in, what this officer may do now.
 */

/** "2 hari 3 jam", "45 menit": a wall-clock span as officers say it (two units at most). */
const humanDuration = (ms: number): string => {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d && `${d} hari`, h && `${h} jam`, (m || (!d && !h)) && `${m} menit`].filter(Boolean);
  return parts.slice(0, 2).join(' ');
};

/** Time to a deadline as officers say it: "sisa 2 jam 10 menit", "terlambat 1 hari". */
export const timeToDeadline = (due: number, now: number) =>
  now < due ? `sisa ${humanDuration(due - now)}` : `terlambat ${humanDuration(now - due)}`;

/** The clock as one phrase: "sisa 2 jam 10 menit", "terlambat 1 hari", "dijeda: menunggu pemohon", "selesai". */
export const clockText = (c: Pick<CaseRecord, 'clock' | 'closedAt'>, now: number): string => {
  const state = slaState(c.clock, now, c.closedAt);
  if (state === 'met') return 'selesai tepat waktu';
  if (state === 'missed') return 'selesai terlambat';
  if (state === 'not_started') return 'belum berjalan: dihitung sejak berkas lengkap';
  if (state === 'paused' || c.clock.dueAt === undefined) return 'dijeda: menunggu pemohon';
  return timeToDeadline(c.clock.dueAt, now);
};

type HomeGroup = 'overdue' | 'due_today' | 'at_risk' | 'later' | 'paused';
export const HOME_GROUPS: { id: HomeGroup; title: string }[] = [
  { id: 'overdue', title: 'Melewati batas waktu' },
  { id: 'due_today', title: 'Jatuh tempo hari ini' },
  { id: 'at_risk', title: 'Mendekati batas waktu' },
  { id: 'later', title: 'Belum jatuh tempo' },
  { id: 'paused', title: 'Menunggu pemohon' },
];

/** The Beranda group of an open case: overdue first, then due today (WIB), at risk, the rest. */
export const homeGroup = (c: Pick<CaseRecord, 'clock' | 'closedAt'>, now: number): HomeGroup => {
  const state = slaState(c.clock, now, c.closedAt);
  if (state === 'breached') return 'overdue';
  if (state === 'not_started') return 'later';
  if (state === 'paused' || c.clock.dueAt === undefined) return 'paused';
  if (wibDate(c.clock.dueAt) === wibDate(now)) return 'due_today';
  return state === 'at_risk' ? 'at_risk' : 'later';
};

/**
 * The order of a list an officer works from: open cases by Beranda group (overdue first), within a group
 * the nearest deadline first; closed cases after them, the most recently closed first.
 */
export const byUrgency =
  (now: number) =>
  (
    a: Pick<CaseRecord, 'clock' | 'closedAt' | 'createdAt'>,
    b: Pick<CaseRecord, 'clock' | 'closedAt' | 'createdAt'>,
  ) => {
    const rank = (c: typeof a) =>
      c.closedAt !== undefined ? HOME_GROUPS.length : HOME_GROUPS.findIndex((g) => g.id === homeGroup(c, now));
    return (
      rank(a) - rank(b) ||
      (a.closedAt !== undefined && b.closedAt !== undefined
        ? b.closedAt - a.closedAt
        : (a.clock.dueAt ?? Infinity) - (b.clock.dueAt ?? Infinity) || a.createdAt - b.createdAt)
    );
  };

/** The transitions this officer may take on the case now (exactly the buttons the case page shows). */
export const actionsFor = (c: Pick<CaseRecord, 'serviceId' | 'state'>, roles: readonly string[]): TransitionDef[] => {
  const wf = workflowFor(caseService(c));
  return availableTransitions(wf, c.state).filter((t) =>
    t.roles.some((r) => r !== APPLICANT_ROLE && roles.includes(r)),
  );
};

/**
 * Why an offered step cannot be taken yet, with the requirements that block it (to list and link), or
 * undefined when it can: the console shows the reason instead of a button that would only be refused.
 * The same guard decides when the step is taken (commands.checkStep).
 */
export const blockedStep = (
  c: Pick<CaseRecord, 'serviceId' | 'standardVersion' | 'checklist' | 'channel' | 'letterIssuedAt'>,
  t: TransitionDef,
) => {
  const service = caseService(c);
  if (!t.guard || guardHolds(t, guardContext(c, service))) return undefined;
  return {
    reason: guardReason(t.guard),
    requirements: t.guard === 'requirements_complete' ? incompleteRequirements(c, service) : [],
  };
};

/** The step `event` takes from the case's current state, if there is one. */
export const stepAt = (c: Pick<CaseRecord, 'serviceId' | 'state'>, event: string): TransitionDef | undefined =>
  availableTransitions(workflowFor(caseService(c)), c.state).find((t) => t.event === event);

/** A step that ends the request without its product (a refusal, a forward, a withdrawal): its button warns. */
export const endsWithoutProduct = (c: Pick<CaseRecord, 'serviceId'>, t: TransitionDef) => {
  const outcome = stateOf(workflowFor(caseService(c)), t.to).outcome;
  return outcome === 'refused' || outcome === 'withdrawn';
};

export const currentStep = (c: Pick<CaseRecord, 'serviceId' | 'state'>): StateDef =>
  stateOf(workflowFor(caseService(c)), c.state);

/** Whether the officer works the case's current step (checklist, assignment). */
export const worksCurrentStep = (c: Pick<CaseRecord, 'serviceId' | 'state'>, roles: readonly string[]) =>
  currentStep(c).kind === 'active' && stepRoles(workflowFor(caseService(c)), c.state).some((r) => roles.includes(r));

/** Whether the officer may hand the case on (disposisi): its step's officers, or a head who disposes letters. */
export const mayAssign = (c: Pick<CaseRecord, 'serviceId' | 'state'>, roles: readonly string[]) =>
  worksCurrentStep(c, roles) || (currentStep(c).kind === 'active' && hasDuty(roles, 'disposition'));

/** Whether the case waits for this officer's roles, unassigned (the Beranda's "belum didisposisikan"). */
export const unassignedForRoles = (c: CaseRecord, roles: readonly string[]) =>
  c.assigneeId === undefined && worksCurrentStep(c, roles);

/**
 * Who may see an applicant's data unmasked (each reveal is logged): the officers who work any step of
 * the service (the same definition as the console and the alerts use) and the front desk that registers
 * walk-ins; for a confidential complaint, the complaint officers only. Never the administrator.
 */
export const mayRevealApplicant = (
  c: Pick<CaseRecord, 'serviceId' | 'confidential'>,
  roles: readonly Role[] | readonly string[],
) => {
  if (c.confidential) return hasDuty(roles, 'complaintDesk');
  const wf = workflowFor(caseService(c));
  const allowed = new Set<string>([...wf.states.flatMap((s) => stepRoles(wf, s.id)), ...dutyRoles('frontDesk')]);
  return roles.some((r) => r !== ADMIN_ROLE && allowed.has(r));
};

/**
 * The same rule for the documents that carry the applicant's identity: an officer opens a case's
 * documents only where they may reveal its applicant; a confidential complaint's attachments, file
 * names included, are the complaint officers' alone.
 */
export const mayOpenDocuments = mayRevealApplicant;

/** An attachment's file name as an officer may read it: hidden on a confidential case they may not reveal, digit runs masked. */
export const attachmentName = (
  c: Pick<CaseRecord, 'serviceId' | 'confidential'>,
  roles: readonly Role[] | readonly string[],
  fileName: string,
) => (c.confidential && !mayRevealApplicant(c, roles) ? '[dirahasiakan]' : maskDigitRuns(fileName));

/** Officers a case at its current step can be handed to: active, holding one of the step's roles. */
export const assignableOfficers = <S extends { active: boolean; roles: string[] }>(
  c: Pick<CaseRecord, 'serviceId' | 'state'>,
  staff: S[],
): S[] => {
  const roles = stepRoles(workflowFor(caseService(c)), c.state);
  return staff.filter((s) => s.active && s.roles.some((r) => (roles as string[]).includes(r)));
};

/** The desk's own actors, as an officer reads them in a case's history (not as their ids). */
const SYSTEM_ACTORS: Record<string, string> = {
  system: 'sistem',
  'google-forms': 'Formulir Google',
  'sp4n-lapor': 'SP4N-LAPOR!',
  'demo-seed': 'data contoh',
};

/** Who did something on a case: an officer by name, one of the desk's own channels by what it is. */
export const actorName = (actorId: string, staffName: (id: string) => string | undefined): string =>
  SYSTEM_ACTORS[actorId] ?? staffName(actorId) ?? actorId;

/** A case's checklist in the standard's order of requirements (as the public page lists them), the intake's item last. */
export const checklistInOrder = (c: Pick<CaseRecord, 'checklist'>, service: { requirements: { id: string }[] }) => {
  const order = service.requirements.map((r) => r.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.entries(c.checklist).sort(([a], [b]) => rank(a) - rank(b));
};

/** The document fields of one requirement: where an officer attaches the scan of a paper copy. */
export const documentFieldsOf = (service: Service, requirementId: string) =>
  service.requirements.find((r) => r.id === requirementId)?.fields.filter((f) => f.kind === 'document') ?? [];

/** A checklist item's name as the standard words the requirement (the intake's own item by its purpose). */
export const requirementLabel = (service: Service, id: string) =>
  id === INTAKE_CHECK ? 'Isian formulir' : (service.requirements.find((r) => r.id === id)?.text ?? id);

/**
 * The answers the Pemohon section lists, in the standard's order: not the name and contacts the
 * section already shows (the same phone under a second label), and not documents, which the
 * Persyaratan and Dokumen sections show with their state.
 */
export const answerFieldsToShow = (service: Service, c: Pick<CaseRecord, 'answers' | 'applicant'>) => {
  const same = (f: Field, v: string) =>
    f.kind === 'phone'
      ? !!c.applicant.phone && normalizePhone(v) === normalizePhone(c.applicant.phone)
      : f.kind === 'email' && v.trim().toLowerCase() === c.applicant.email?.toLowerCase();
  return serviceFields(service).filter((f) => {
    const values = c.answers[f.id] ?? [];
    return (
      values.length > 0 && !f.applicantName && f.kind !== 'document' && !(values.length === 1 && same(f, values[0]!))
    );
  });
};

/**
 * The Dokumen section: every file the case ever received, by field in the standard's order, the ones
 * the current answers point at first. After a resubmission the replaced file stays listed (it is part
 * of the record) but is marked as an earlier version.
 */
export const documentsInView = (service: Service, c: Pick<CaseRecord, 'attachments' | 'answers'>) => {
  const order = serviceFields(service).map((f) => f.id);
  const rank = (fieldId: string) => (order.includes(fieldId) ? order.indexOf(fieldId) : order.length);
  return c.attachments
    .map((a) => ({ attachment: a, current: isCurrentFile(a, c.answers) }))
    .sort((x, y) => rank(x.attachment.fieldId) - rank(y.attachment.fieldId) || Number(y.current) - Number(x.current));
};
