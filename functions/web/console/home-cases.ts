import { type CaseRecord, type StaffMember, unassignedForRoles } from '@loket/core';

/**
 * Beranda: the officer's own open cases and the unassigned ones of their roles, grouped overdue → due
 * today → at risk → later, each with its clock. Two index queries (by assignee, open cases); no scan.
 */
export const homeCases = (mine: CaseRecord[], open: CaseRecord[], officer: StaffMember) => {
  const own = mine.filter((c) => c.closedAt === undefined);
  const unassigned = open.filter((c) => unassignedForRoles(c, officer.roles));
  return { own, unassigned };
};
