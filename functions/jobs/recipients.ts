import {
  caseOwners,
  type CaseRecord,
  type StaffMember,
  type Threshold,
  workflowFor,
  isAdmin,
  caseService,
} from '@loket/core';

/** Who owns the case now (core's one definition of who works a step). */
export const owners = (c: CaseRecord, staff: StaffMember[]): StaffMember[] =>
  caseOwners(workflowFor(caseService(c)), c, staff);

/**
 * Who hears about a threshold: at risk, the owners; at breach, the owners and their superiors. With
 * nobody to tell (an empty role, a departed assignee) the administrators are told, never no one.
 */
export const alertRecipients = (c: CaseRecord, threshold: Threshold, staff: StaffMember[]): StaffMember[] => {
  const first = owners(c, staff);
  const superiors =
    threshold === 'breach'
      ? first.map((o) => staff.find((s) => s.id === o.superiorId && s.active)).filter((s): s is StaffMember => !!s)
      : [];
  const all = [...first, ...superiors];
  const chosen = all.length ? all : staff.filter((s) => s.active && isAdmin(s.roles));
  return [...new Map(chosen.map((s) => [s.id, s])).values()];
};
