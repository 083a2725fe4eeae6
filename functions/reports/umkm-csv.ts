import { toWibIso, type UmkmEntry } from '@loket/core';
import { csv } from './csv';

/** The registry (as filtered) for a spreadsheet; owners masked, no personal contact data. */
export const umkmCsv = (entries: UmkmEntry[]) =>
  csv(
    ['nama_usaha', 'pemilik', 'nib', 'kecamatan', 'sektor', 'skala', 'tenaga_kerja', 'tercatat', 'nomor_registrasi'],
    entries.map((e) => [
      e.businessName,
      e.ownerMasked,
      e.nib,
      e.kecamatan,
      e.sektor,
      e.skala,
      e.tenagaKerja,
      toWibIso(e.registeredAt),
      e.trackingNumber,
    ]),
  );
