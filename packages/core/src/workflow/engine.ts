import type { Role } from '../catalog/roles';
import { LoketError } from '../errors';

/** What a step asks the outside world to do; the engine itself never does I/O. */
export type Effect =
  | 'notify_applicant'
  | 'notify_assignee'
  | 'pause_clock'
  | 'resume_clock'
  | 'stop_clock'
  | 'request_letter_number'
  /** The step enters the business in the office's registry (ODS), in the same write as the step. */
  | 'record_in_registry'
  | 'escalate';

type StateKind = 'active' | 'waiting_applicant' | 'terminal';
export type Outcome = 'completed' | 'refused' | 'withdrawn';

export interface StateDef {
  id: string;
  label: string;
  kind: StateKind;
  outcome?: Outcome;
}

/** Named guards; their meaning lives in `checkGuard` so a definition stays plain data. */
export type Guard = 'requirements_complete' | 'face_to_face_channel' | 'letter_issued';

import type { StepRecord } from './step-data';
export type { StepRecord } from './step-data';

export interface TransitionDef {
  event: string;
  /** Indonesian label for the officer's button. */
  label: string;
  from: string[];
  to: string;
  roles: Role[];
  guard?: Guard;
  effects: Effect[];
  /** A written reason is required (refusals, revision requests, withdrawals). */
  noteRequired?: boolean;
  /** What the step records besides its note (see `StepRecord`). */
  requires?: StepRecord;
  /**
   * The step answers a complaint that came from SP4N-LAPOR!, and its note goes back there: the
   * response to the reporter (`answer`), or the forward of a complaint that is not the office's (`forward`).
   */
  laporReply?: 'answer' | 'forward';
}

export interface WorkflowDefinition {
  serviceId: string;
  initial: string;
  states: StateDef[];
  transitions: TransitionDef[];
}

/** What the guards may look at. */
export interface GuardContext {
  /** The requirements (by the standard's label) not yet checked as in order: none means complete. */
  incompleteRequirements: string[];
  channel: string;
  /** The case's letter is signed and issued (not merely numbered and waiting for its signature). */
  letterIssued: boolean;
}

export interface Actor {
  id: string;
  roles: Role[];
}

interface TransitionResult {
  from: string;
  to: string;
  transition: TransitionDef;
  effects: Effect[];
}

const GUARD_MESSAGES: Record<Guard, string> = {
  requirements_complete: 'Semua persyaratan harus diperiksa dan dinyatakan lengkap sebelum berkas diteruskan.',
  face_to_face_channel: 'Langkah ini hanya tersedia untuk permohonan yang diajukan secara tatap muka.',
  letter_issued: 'Surat belum terbit: surat harus diparaf dan ditandatangani lebih dahulu.',
};

const checkGuard = (guard: Guard, ctx: GuardContext): boolean => {
  switch (guard) {
    case 'requirements_complete':
      return ctx.incompleteRequirements.length === 0;
    case 'face_to_face_channel':
      return ctx.channel === 'walk_in';
    case 'letter_issued':
      return ctx.letterIssued;
  }
};

/** Whether a step's guard (if any) holds now. */
export const guardHolds = (t: Pick<TransitionDef, 'guard'>, ctx: GuardContext) => !t.guard || checkGuard(t.guard, ctx);

/** What a guard asks for, in the officer's words. */
export const guardReason = (guard: Guard) => GUARD_MESSAGES[guard];

/** Why a step cannot be taken yet, naming what blocks it; undefined when its guard (if any) holds. */
const guardRefusal = (t: Pick<TransitionDef, 'guard'>, ctx: GuardContext): string | undefined => {
  if (!t.guard || guardHolds(t, ctx)) return undefined;
  return t.guard === 'requirements_complete'
    ? `${GUARD_MESSAGES[t.guard]} Belum: ${ctx.incompleteRequirements.join('; ')}.`
    : GUARD_MESSAGES[t.guard];
};

export const stateOf = (def: WorkflowDefinition, id: string): StateDef => {
  const s = def.states.find((x) => x.id === id);
  if (!s) throw new Error(`workflow ${def.serviceId} has no state ${id}`);
  return s;
};

/** Transitions that leave `state`, for the console's buttons. */
export const availableTransitions = (def: WorkflowDefinition, state: string) =>
  def.transitions.filter((t) => t.from.includes(state));

/**
 * The pure step function: `(definition, state, event, actor, context) → next state + effects`.
 * Throws `invalid_transition` (event not possible here), `forbidden` (actor lacks the role) or
 * `validation` (guard failed, missing note). Nothing is changed: the caller persists the result.
 */
export const transition = (
  def: WorkflowDefinition,
  state: string,
  event: string,
  actor: Actor,
  ctx: GuardContext,
  note?: string,
): TransitionResult => {
  const current = stateOf(def, state);
  if (current.kind === 'terminal') {
    throw new LoketError(
      'invalid_transition',
      `Berkas sudah berstatus "${current.label}" dan tidak dapat diubah lagi.`,
    );
  }
  const t = def.transitions.find((x) => x.event === event && x.from.includes(state));
  if (!t) {
    const known = def.transitions.some((x) => x.event === event);
    throw new LoketError(
      'invalid_transition',
      known
        ? `Tindakan "${event}" tidak dapat dilakukan pada tahap "${current.label}".`
        : `Tindakan "${event}" tidak dikenal untuk layanan ini.`,
    );
  }
  if (!t.roles.some((r) => actor.roles.includes(r))) {
    throw new LoketError('forbidden', `Anda tidak berwenang melakukan "${t.label}" pada tahap "${current.label}".`);
  }
  if (t.noteRequired && !note?.trim()) {
    throw new LoketError('validation', `Alasan/catatan wajib diisi untuk "${t.label}".`, [
      { field: 'note', message: 'Catatan wajib diisi.' },
    ]);
  }
  const blocked = guardRefusal(t, ctx);
  if (blocked) throw new LoketError('validation', blocked);
  return { from: state, to: t.to, transition: t, effects: t.effects };
};
