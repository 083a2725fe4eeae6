import type { StaffMember, StoredSession } from '../ports';

/** However busy an officer is, a console session ends this long after sign-in (besides the idle limit). */
export const SESSION_MAX_AGE_MS = 7 * 86_400_000;

/**
 * Whether a stored session still admits its officer: the officer is active, signed in after their
 * sessions were last ended (deactivation ends them all, so reactivating brings none back), and within
 * the absolute lifetime.
 */
export const sessionAdmits = (session: StoredSession, officer: StaffMember | undefined, now: number) =>
  !!officer?.active &&
  session.createdAt > (officer.sessionsEndedAt ?? -1) &&
  now - session.createdAt <= SESSION_MAX_AGE_MS;

/**
 * A directory entry as saved: deactivating an officer ends every session of theirs at that instant; the
 * mark is kept across later saves, so a reactivated officer signs in afresh.
 */
export const savedStaffMember = (next: StaffMember, previous: StaffMember | undefined, now: number): StaffMember => {
  const endsSessions = !next.active && (previous?.active ?? true);
  const sessionsEndedAt = endsSessions ? now : previous?.sessionsEndedAt;
  return { ...next, ...(sessionsEndedAt !== undefined ? { sessionsEndedAt } : {}) };
};
