import { type CaseRecord, findService, type StaffMember, stateOf, type Threshold, workflowFor } from '@loket/core';

/** The role responsible for the case's current step (from the workflow definition). */
const stepRole = (c: CaseRecord) => stateOf(workflowFor(findService(c.serviceId)!), c.state).role;

/**
 * Who owns the case now: its assignee while they hold the step's role, else every active officer
 * holding it. A case escalated past its assignee (konsultasi to the Sub Koordinator) belongs to the
 * next step's holders, not to the officer who passed it on.
 */
export const owners = (c: CaseRecord, staff: StaffMember[]): StaffMember[] => {
  const active = staff.filter((s) => s.active);
  const role = stepRole(c);
  const assignee = c.assigneeId ? active.find((s) => s.id === c.assigneeId) : undefined;
  if (assignee && (!role || assignee.roles.includes(role))) return [assignee];
  return role ? active.filter((s) => s.roles.includes(role)) : assignee ? [assignee] : [];
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
