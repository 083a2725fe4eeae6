import { perStandard, theStandard } from '../standard/current';
import type { Standard } from '../standard/schema';

/**
 * Officer roles are the office's (its standard's `roles`); the desk adds two of its own: `admin`, who
 * configures the desk and reads no applicant's documents, and `pemohon`, the applicant acting on their
 * own case (resubmitting, withdrawing). A role is a string id the loaded standard defines.
 */
export type Role = string;
export const ADMIN_ROLE: Role = 'admin';
export const APPLICANT_ROLE: Role = 'pemohon';
const DESK_ROLE_LABELS: Record<string, string> = { [ADMIN_ROLE]: 'Administrator Sistem', [APPLICANT_ROLE]: 'Pemohon' };

/** What an officer reads for a role id; an unknown id (a role a newer standard dropped) reads as itself. */
export const roleLabel = (role: string) => theStandard().roles[role]?.label ?? DESK_ROLE_LABELS[role] ?? role;

/** Roles that belong to officers: the office's, and the administrator. */
export const staffRoles = perStandard((s): Role[] => [...Object.keys(s.roles), ADMIN_ROLE]);

/** Officers who work cases: the office's roles (not the administrator). */
export const caseworkRoles = perStandard((s): Role[] => Object.keys(s.roles));

/** Duties the standard gives besides working the steps of a procedure (docs/STANDARD.md). */
export type Duty = keyof Standard['duties'];
/** The roles the office gives a duty. Code asks for a duty (`hasDuty`), never for a role by name. */
export const dutyRoles = (duty: Duty): readonly Role[] => theStandard().duties[duty];
/** Who holds a duty, in words: "Kepala Seksi atau Sekretaris" (for messages that say who may act). */
export const dutyHolders = (duty: Duty) => dutyRoles(duty).map(roleLabel).join(' atau ') || 'petugas yang berwenang';
export const hasDuty = (roles: readonly string[], duty: Duty) => dutyRoles(duty).some((r) => roles.includes(r));
export const isAdmin = (roles: readonly string[]) => roles.includes(ADMIN_ROLE);

export const doesCasework = (roles: readonly string[]) => roles.some((r) => caseworkRoles().includes(r));

/** Staff directory ids: 2–40 lowercase letters, digits or "-" (they appear in URLs and e-mail ids). */
export const STAFF_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
