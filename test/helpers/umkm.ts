import type { Deps } from '../../functions/deps';

const DATA = { id: 'pengelola-data', roles: ['pengelola_data' as const] };

/** A walk-in pendataan-umkm request taken to "tercatat di ODS" (paper documents, so nothing to copy). */
export const recordBusiness = async (
  deps: Deps,
  receivedAt: number,
  name: string,
  profile: { kecamatan: string; sektor: string; skala: string; tenaga_kerja: string },
) => {
  const { record } = await deps.cases.open({
    serviceId: 'pendataan-umkm',
    channel: 'walk_in',
    applicant: { name: 'Siti Aminah', email: 'siti@example.com' },
    receivedAt,
    actorId: 'frontdesk',
    answers: {
      nama_pemohon: ['Siti Aminah'],
      nik: ['3514014107900001'],
      email: ['siti@example.com'],
      nomor_hp: ['081234567890'],
      nib: ['1234567890123'],
      ktp: ['diserahkan di loket'],
      sku_nib: ['diserahkan di loket'],
      laporan_keuangan: ['diserahkan di loket'],
      nama_usaha: [name],
      kecamatan: [profile.kecamatan],
      sektor: [profile.sektor],
      skala: [profile.skala],
      tenaga_kerja: [profile.tenaga_kerja],
    },
  });
  for (const requirementId of Object.keys(record.checklist))
    await deps.cases.checkRequirement(record.id, { requirementId, status: 'ok', actor: DATA });
  await deps.cases.act(record.id, { event: 'data_valid', actor: DATA });
  await deps.cases.act(record.id, { event: 'tercatat_ods', actor: DATA, note: 'Tercatat.' });
  return record;
};
