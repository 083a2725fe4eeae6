import type { CaseRecord } from '../case/model';
import type { StaffMember } from '../ports';
import { stateOf, type WorkflowDefinition } from './engine';
import { stepRoles } from './step-roles';

/**
 * Who works a step is one definition: the roles that may act on it (`stepRoles`, from the workflow).
 * The console, assignment, the checklist, arrival mail, alerts and digests all read it through here.
 */
const holdsStep = (def: WorkflowDefinition, state: string, member: StaffMember) =>
  member.active && stepRoles(def, state).some((r) => member.roles.includes(r));

/**
 * Who owns the case now: its assignee while they work its step, else every active officer who does.
 * A case that moved past its assignee belongs to the next step's officers, not to the one who passed it on.
 */
export const caseOwners = (
  def: WorkflowDefinition,
  c: Pick<CaseRecord, 'state' | 'assigneeId'>,
  staff: StaffMember[],
): StaffMember[] => {
  const assignee = staff.find((s) => s.id === c.assigneeId);
  // Waiting for the applicant (or closed), the case stays with the officer who last had it.
  if (stateOf(def, c.state).kind !== 'active') return assignee?.active ? [assignee] : [];
  if (assignee && holdsStep(def, c.state, assignee)) return [assignee];
  return staff.filter((s) => holdsStep(def, c.state, s));
};

/**
 * The assignee once a case reaches `state`: the officer who had it, while they work the new step too;
 * else the one active officer who does, where the office has exactly one (its head, a single field
 * officer); else nobody, and the case waits on the step's officers' Beranda for disposition.
 */
export const handOver = (
  def: WorkflowDefinition,
  state: string,
  assigneeId: string | undefined,
  staff: StaffMember[],
): string | undefined => {
  if (stateOf(def, state).kind !== 'active') return assigneeId;
  const current = staff.find((s) => s.id === assigneeId);
  if (current && holdsStep(def, state, current)) return current.id;
  const holders = staff.filter((s) => holdsStep(def, state, s));
  return holders.length === 1 ? holders[0]!.id : undefined;
};
