import { APPLICANT_ROLE, dutyRoles, type Role } from '../catalog/roles';
import type { Service } from '../standard/schema';
import type { StateDef, TransitionDef, WorkflowDefinition } from './engine';

/** Terminal and waiting states every service shares. */
export const DONE = 'selesai';
export const REFUSED = 'ditolak';
export const WITHDRAWN = 'dibatalkan';
export const REVISION = 'perbaikan';

/** The steps every procedure shares (revision loop, refusal, withdrawal), by their event ids. */
export const SHARED_EVENTS = {
  requestRevision: 'minta_perbaikan',
  resubmit: 'serahkan_perbaikan',
  refuse: 'tolak',
  withdraw: 'batalkan',
} as const;

/** Who may act on the applicant's behalf: the applicant, or the front desk that received a paper file. */
const applicantSide = (): Role[] => [APPLICANT_ROLE, ...dutyRoles('frontDesk')];

/**
 * Turns a service's flow (its steps + the arrows of its chart, from the standard) into a workflow definition,
 * adding the revision loop, refusal and withdrawal the same way for every service.
 */
export const defineWorkflow = (service: Service): WorkflowDefinition => {
  const spec = service.flow;
  const roleOf = (stepId: string): Role => {
    const step = service.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`${service.id}: no step ${stepId}`);
    return step.role;
  };
  const states: StateDef[] = service.steps.map((s) => ({ id: s.id, label: s.label, kind: 'active' }));
  if (spec.revisionAt)
    states.push({ id: REVISION, label: 'Menunggu perbaikan dari pemohon', kind: 'waiting_applicant' });
  states.push(
    { id: DONE, label: 'Selesai', kind: 'terminal', outcome: 'completed' },
    { id: REFUSED, label: 'Ditolak', kind: 'terminal', outcome: 'refused' },
    { id: WITHDRAWN, label: 'Dibatalkan', kind: 'terminal', outcome: 'withdrawn' },
  );

  const transitions: TransitionDef[] = spec.steps.map((s) => ({
    event: s.event,
    label: s.label,
    from: [s.from],
    to: s.to,
    roles: s.roles ?? [roleOf(s.from)],
    guard: s.guard,
    effects: s.effects ?? ['notify_assignee'],
    noteRequired: s.noteRequired,
    ...(s.requires ? { requires: s.requires } : {}),
    ...(s.laporReply ? { laporReply: s.laporReply } : {}),
  }));
  if (spec.revisionAt) {
    transitions.push(
      {
        event: SHARED_EVENTS.requestRevision,
        label: 'Minta perbaikan kepada pemohon',
        from: [spec.revisionAt],
        to: REVISION,
        roles: [roleOf(spec.revisionAt)],
        effects: ['pause_clock', 'notify_applicant'],
        noteRequired: true,
        requires: 'revision_items',
      },
      {
        event: SHARED_EVENTS.resubmit,
        label: 'Serahkan perbaikan',
        from: [REVISION],
        to: spec.revisionAt,
        roles: spec.requesterSide ?? applicantSide(),
        effects: ['resume_clock', 'notify_assignee'],
      },
    );
  }
  for (const from of spec.refusableAt) {
    transitions.push({
      event: SHARED_EVENTS.refuse,
      label: 'Tolak permohonan (dengan alasan tertulis)',
      from: [from],
      to: REFUSED,
      roles: [roleOf(from)],
      effects: ['stop_clock', 'notify_applicant'],
      noteRequired: true,
    });
  }
  const open = states.filter((s) => s.kind !== 'terminal').map((s) => s.id);
  transitions.push({
    event: SHARED_EVENTS.withdraw,
    label: 'Batalkan permohonan',
    from: open,
    to: WITHDRAWN,
    roles: spec.requesterSide ?? applicantSide(),
    effects: ['stop_clock', 'notify_applicant'],
    noteRequired: true,
  });
  return { serviceId: service.id, initial: service.steps[0]!.id, states, transitions };
};
