import type { Field } from './schema';

/** Building blocks shared by the nine services' requirement schemas. */
const MiB = 1024 * 1024;
/** The document formats the desk accepts: what officers and applicants call them, and the file extension. */
export const DOCUMENT_FORMATS: Record<string, { name: string; extension: string }> = {
  'application/pdf': { name: 'PDF', extension: 'pdf' },
  'image/jpeg': { name: 'JPG', extension: 'jpg' },
  'image/png': { name: 'PNG', extension: 'png' },
};
const DOCUMENT_TYPES = Object.keys(DOCUMENT_FORMATS);
export const IMAGE_TYPES = ['image/jpeg', 'image/png'];

export const doc = (id: string, label: string, opts: Partial<Field> = {}): Field => ({
  id,
  label,
  kind: 'document',
  required: true,
  dataClass: 'none',
  accept: DOCUMENT_TYPES,
  maxBytes: 10 * MiB,
  ...opts,
});

export const text = (id: string, label: string, opts: Partial<Field> = {}): Field => ({
  id,
  label,
  kind: 'text',
  required: true,
  dataClass: 'none',
  maxLength: 500,
  ...opts,
});

export const longText = (id: string, label: string, opts: Partial<Field> = {}): Field => ({
  id,
  label,
  kind: 'textarea',
  required: true,
  dataClass: 'none',
  maxLength: 5000,
  ...opts,
});

export const nik = (): Field => ({
  id: 'nik',
  label: 'NIK (16 digit)',
  kind: 'nik',
  required: true,
  dataClass: 'umum',
});
export const ktpScan = (): Field => doc('ktp', 'Fotokopi/scan KTP', { dataClass: 'umum', maxBytes: 5 * MiB });
export const email = (): Field => ({
  id: 'email',
  label: 'Alamat email',
  kind: 'email',
  required: true,
  dataClass: 'umum',
});
export const phone = (): Field => ({
  id: 'nomor_hp',
  label: 'Nomor telepon/HP',
  kind: 'phone',
  required: true,
  dataClass: 'umum',
});
export const financialReport = (): Field =>
  doc('laporan_keuangan', 'Data usaha (laporan keuangan)', { dataClass: 'spesifik' });

export const applicantName = (): Field =>
  text('nama_pemohon', 'Nama lengkap pemohon', { dataClass: 'umum', maxLength: 200 });
/** Contact fields for services whose requirements do not already ask for them. */
export const contactPhone = (): Field => ({
  ...phone(),
  id: 'kontak_hp',
  label: 'Nomor HP/WhatsApp yang dapat dihubungi',
});
export const contactEmail = (): Field => ({
  ...email(),
  id: 'kontak_email',
  label: 'Email untuk pemberitahuan',
  required: false,
});

/** The 24 kecamatan of Kabupaten Pasuruan: where a registered business is, as the registry recaps it. */
export const KECAMATAN_PASURUAN = [
  'Bangil',
  'Beji',
  'Gempol',
  'Gondang Wetan',
  'Grati',
  'Kejayan',
  'Kraton',
  'Lekok',
  'Lumbang',
  'Nguling',
  'Pandaan',
  'Pasrepan',
  'Pohjentrek',
  'Prigen',
  'Purwodadi',
  'Purwosari',
  'Puspo',
  'Rejoso',
  'Rembang',
  'Sukorejo',
  'Tosari',
  'Tutur',
  'Winongan',
  'Wonorejo',
];
/** Business sectors as the desk groups them for the registry's recap. */
export const SEKTOR_USAHA = [
  'Makanan dan minuman',
  'Fesyen dan tekstil',
  'Kriya dan kerajinan',
  'Pertanian, peternakan dan perikanan',
  'Perdagangan',
  'Jasa',
  'Industri pengolahan lainnya',
];
/** Scale of a business (UU 20/2008 as amended by PP 7/2021). */
export const SKALA_USAHA = ['Mikro', 'Kecil', 'Menengah'];

/** The business profile the UMKM registry (ODS) keeps. */
export const businessProfile = (): Field[] => [
  {
    id: 'kecamatan',
    label: 'Kecamatan lokasi usaha',
    kind: 'choice',
    required: true,
    dataClass: 'none',
    options: KECAMATAN_PASURUAN,
  },
  { id: 'sektor', label: 'Sektor usaha', kind: 'choice', required: true, dataClass: 'none', options: SEKTOR_USAHA },
  { id: 'skala', label: 'Skala usaha', kind: 'choice', required: true, dataClass: 'none', options: SKALA_USAHA },
  {
    id: 'tenaga_kerja',
    label: 'Jumlah tenaga kerja (termasuk pemilik)',
    kind: 'number',
    required: true,
    dataClass: 'none',
  },
];
