import { type CaseRecord, findService, type StaffMember, stateOf, type Threshold, workflowFor } from '@loket/core';

/** The role responsible for the case's current step (from the workflow definition). */
const stepRole = (c: CaseRecord) => stateOf(workflowFor(findService(c.serviceId)!), c.state).role;

/** Who owns the case now: its assignee, or every active officer holding the step's role. */
export const owners = (c: CaseRecord, staff: StaffMember[]): StaffMember[] => {
  const active = staff.filter((s) => s.active);
  const assignee = c.assigneeId ? active.find((s) => s.id === c.assigneeId) : undefined;
  if (assignee) return [assignee];
  const role = stepRole(c);
  return role ? active.filter((s) => s.roles.includes(role)) : [];
};

/**
 * Who hears about a threshold: at risk, the owners; at breach, the owners and their superiors. With
 * nobody to tell (an empty role, a departed assignee) the administrators are told, never no one.
 */
export const alertRecipients = (c: CaseRecord, threshold: Threshold, staff: StaffMember[]): StaffMember[] => {
  const first = owners(c, staff);
  const superiors = threshold === 'breach'
    ? first.map((o) => staff.find((s) => s.id === o.superiorId && s.active)).filter((s): s is StaffMember => !!s)
    : [];
  const all = [...first, ...superiors];
  const chosen = all.length ? all : staff.filter((s) => s.active && s.roles.includes('admin'));
  return [...new Map(chosen.map((s) => [s.id, s])).values()];
};
