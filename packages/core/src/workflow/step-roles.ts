import { APPLICANT_ROLE, type Role } from '../catalog/roles';
import { LoketError } from '../errors';
import { WITHDRAWN } from './build';
import { type Actor, stateOf, type WorkflowDefinition } from './engine';

/**
 * The officers' roles that work a case in `state`: those who may move it on (or send it back, or refuse
 * it) from there. Withdrawal is left out: the front desk may withdraw on the applicant's behalf at any
 * step, which does not make it the step's officer.
 */
export const stepRoles = (def: WorkflowDefinition, state: string): Role[] => {
  const roles = def.transitions
    .filter((t) => t.from.includes(state) && t.to !== WITHDRAWN)
    .flatMap((t) => t.roles)
    .filter((r) => r !== APPLICANT_ROLE);
  return [...new Set(roles)];
};

/**
 * The same checks a transition makes, for work on a case that is not a transition (checking a
 * requirement, assigning): the case must be at an officer's step (422 otherwise) and the actor must
 * hold one of that step's roles, or one of `alsoAllowed` (403 otherwise).
 */
export const requireStepWork = (
  def: WorkflowDefinition,
  state: string,
  actor: Actor,
  what: string,
  alsoAllowed: Role[] = [],
) => {
  const current = stateOf(def, state);
  if (current.kind !== 'active') {
    throw new LoketError('invalid_transition', `Tidak dapat ${what}: berkas berstatus "${current.label}".`);
  }
  const allowed = [...stepRoles(def, state), ...alsoAllowed];
  if (!allowed.some((r) => actor.roles.includes(r))) {
    throw new LoketError('forbidden', `Anda tidak berwenang ${what} pada tahap "${current.label}".`);
  }
};
