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

/** Roles that belong to officers (everyone but the applicant). */
export const STAFF_ROLES = ROLES.filter((r) => r !== 'pemohon');

/** Officers who work cases: everyone but the administrator, who configures the desk and reads no applicant's documents. */
export const CASEWORK_ROLES = STAFF_ROLES.filter((r) => r !== 'admin');
export const doesCasework = (roles: readonly string[]) => roles.some((r) => (CASEWORK_ROLES as string[]).includes(r));

/** Staff directory ids: 2–40 lowercase letters, digits or "-" (they appear in URLs and e-mail ids). */
export const STAFF_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
