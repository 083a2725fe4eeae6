import { formatDateId, type LetterRecord, letterTitle, toWibIso } from '@loket/core';

/** RFC 4180 field: quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
const field = (v: string) => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The register as CSV for a spreadsheet: holders masked, as on every list. */
export const registerCsv = (letters: LetterRecord[]) => {
  const head = ['nomor', 'jenis', 'tanggal', 'atas_nama', 'nomor_registrasi', 'status', 'dicabut_pada', 'alasan_pencabutan', 'sha256'];
  const rows = letters.map((l) => [
    l.number, letterTitle(l.type), formatDateId(l.issuedAt), l.holderMasked, l.trackingNumber, l.status,
    l.revokedAt ? toWibIso(l.revokedAt) : '', l.revokeReason ?? '', l.sha256,
  ]);
  // A byte-order mark so spreadsheet programs read the UTF-8 as such.
  return '\uFEFF' + [head, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
};
