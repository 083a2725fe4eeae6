import { formatDateId, type LetterRecord, letterTitle, toWibIso } from '@loket/core';
import { csv } from '../../reports/csv';

/** The register as CSV for a spreadsheet: holders masked, as on every list. */
export const registerCsv = (letters: LetterRecord[]) =>
  csv(
    [
      'nomor',
      'jenis',
      'tanggal',
      'atas_nama',
      'nomor_registrasi',
      'status',
      'dicabut_pada',
      'alasan_pencabutan',
      'sha256',
    ],
    letters.map((l) => [
      l.number,
      letterTitle(l.type),
      formatDateId(l.issuedAt),
      l.holderMasked,
      l.trackingNumber,
      l.status,
      l.revokedAt ? toWibIso(l.revokedAt) : '',
      l.revokeReason ?? '',
      l.sha256,
    ]),
  );
