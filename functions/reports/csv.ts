import { GRADE_TEXT, type Report } from '@loket/core';

const field = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
/** A table as CSV for a spreadsheet: UTF-8 with a BOM, RFC 4180 quoting, leading formula signs defused. */
export const csv = (head: string[], rows: unknown[][]) =>
  '\uFEFF' + [head, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

/** Each table of the report as CSV for a spreadsheet (UTF-8 with BOM, RFC 4180, formulas defused). */
export const REPORT_TABLES = {
  layanan: (r: Report) =>
    csv(
      [
        'layanan',
        'standar_waktu',
        'diterima',
        'selesai',
        'tepat_waktu',
        'terlambat',
        'persen_tepat_waktu',
        'median_jam_kerja',
        'p90_jam_kerja',
        'terbuka_kini',
        'terlambat_kini',
        'ikm',
        'responden',
      ],
      r.services.map((s) => [
        s.name,
        s.sla,
        s.received,
        s.finished,
        s.onTime,
        s.late,
        s.onTimeRate,
        s.medianWorkingHours,
        s.p90WorkingHours,
        s.openNow,
        s.overdueNow,
        s.ikm,
        s.respondents,
      ]),
    ),
  petugas: (r: Report) =>
    csv(
      ['petugas', 'terbuka', 'terlambat', 'selesai_periode_ini'],
      r.officers.map((o) => [o.name, o.open, o.overdue, o.finished]),
    ),
  ikm: (r: Report) =>
    csv(
      ['unsur', 'jumlah_jawaban', 'nilai_rata_rata'],
      [
        ...r.ikm.unsur.map((u) => [u.label, u.answered, u.nrr]),
        ['IKM', r.ikm.respondents, r.ikm.ikm],
        ['Mutu', '', r.ikm.grade ? `${r.ikm.grade} (${GRADE_TEXT[r.ikm.grade]})` : ''],
      ],
    ),
} as const;
