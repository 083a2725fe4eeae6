import * as z from 'zod';

/**
 * Officer roles named in the standard's "Kompetensi Pelaksana" and flowcharts, plus the desk's own
 * `admin` (configuration) and `petugas_layanan` (front desk that registers walk-ins).
 * `pemohon` is the applicant acting on their own case (resubmitting, withdrawing).
 */
export const ROLE_LABELS = {
  kepala_dinas: 'Kepala Dinas',
  sekretaris_dinas: 'Sekretaris Dinas',
  kabid_kelembagaan_pengawasan: 'Kepala Bidang Kelembagaan dan Pengawasan',
  kabid_usaha_mikro: 'Kepala Bidang Usaha Mikro',
  kabid_pemberdayaan_koperasi: 'Kepala Bidang Pemberdayaan dan Pengembangan Usaha Koperasi',
  sub_koordinator: 'Sub Koordinator',
  kasi_hukum_advokasi: 'Kasi Hukum dan Advokasi',
  pengawas_koperasi: 'Pengawas Koperasi',
  admin_klinik: 'Admin Klinik KUKM',
  konsultan_klinik: 'Konsultan Klinik KUKM',
  fungsional_umum: 'Fungsional Umum',
  penelaah_pengembangan_usaha: 'Penelaah Pengembangan Usaha',
  pengelola_data: 'Pengelola Data Kreatifitas dan Inovasi',
  petugas_pengaduan: 'Petugas Pengaduan',
  petugas_survei: 'Petugas Survei Lapangan',
  petugas_layanan: 'Petugas Layanan (front desk)',
  admin: 'Administrator Sistem',
  pemohon: 'Pemohon',
} as const;

const ROLES = Object.keys(ROLE_LABELS) as [keyof typeof ROLE_LABELS, ...(keyof typeof ROLE_LABELS)[]];
export const Role = z.lazy(() => z.enum(ROLES));
export type Role = z.infer<typeof Role>;

/** The desk's own roles, not the office's: who configures the desk, and the applicant on their own case. */
export const ADMIN_ROLE: Role = 'admin';
export const APPLICANT_ROLE: Role = 'pemohon';

/** Roles that belong to officers (everyone but the applicant). */
export const STAFF_ROLES = ROLES.filter((r) => r !== APPLICANT_ROLE);

/** Officers who work cases: everyone but the administrator, who configures the desk and reads no applicant's documents. */
export const CASEWORK_ROLES = STAFF_ROLES.filter((r) => r !== ADMIN_ROLE);
/**
 * Duties the standard gives to office roles besides working the steps of a procedure. Code asks for a
 * duty (`hasDuty`), never for a role by name, so an office that gives a duty to another role says so here.
 */
export const DUTIES = {
  /** The front desk: registers walk-in requests of every service and sees every case to do so. */
  frontDesk: ['petugas_layanan'],
  /** Disposes a case with no assignee to an officer of its step (disposisi). */
  disposition: ['kepala_dinas', 'sekretaris_dinas'],
  /** Reads the log of who opened which document (with the administrator). */
  accessLog: ['kepala_dinas', 'sekretaris_dinas'],
  /** Revokes an issued letter (with the administrator). */
  revokeLetters: ['kepala_dinas'],
  /** Receives the weekly service report. */
  weeklyReport: ['kepala_dinas'],
  /** The complaint desk: registers SP4N-LAPOR! complaints, copies answers there, sees confidential reporters. */
  complaintDesk: ['petugas_pengaduan'],
  /** Sets the KUKM clinic's session schedule. */
  klinikSchedule: ['admin_klinik'],
  /** Serves KUKM clinic sessions (the consultant a session names). */
  klinikConsultant: ['konsultan_klinik'],
} as const satisfies Record<string, readonly Role[]>;
type Duty = keyof typeof DUTIES;
export const hasDuty = (roles: readonly string[], duty: Duty) => DUTIES[duty].some((r) => roles.includes(r));
export const isAdmin = (roles: readonly string[]) => roles.includes(ADMIN_ROLE);

export const doesCasework = (roles: readonly string[]) => roles.some((r) => (CASEWORK_ROLES as string[]).includes(r));

/** Staff directory ids: 2–40 lowercase letters, digits or "-" (they appear in URLs and e-mail ids). */
export const STAFF_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
