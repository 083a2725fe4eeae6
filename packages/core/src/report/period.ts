import { LoketError } from '../errors';
import { MONTH_NAMES, nextMonth, wibInstant } from '../sla/wib';

/** A reporting period in WIB: a month (`2026-11`), a quarter (`2026-Q4`) or a year (`2026`), as [from, to). */
export interface Period {
  label: string;
  kind: 'month' | 'quarter' | 'year';
  months: string[];
  from: number;
  to: number;
}

export const monthPeriod = (month: string): Period => {
  if (!/^20\d\d-(0[1-9]|1[0-2])$/.test(month))
    throw new LoketError('validation', 'Bulan harus berbentuk YYYY-MM.', [
      { field: 'bulan', message: 'Contoh: 2026-11' },
    ]);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    label: `${MONTH_NAMES[m - 1]} ${y}`,
    kind: 'month',
    months: [month],
    from: wibInstant(`${month}-01`),
    to: wibInstant(`${nextMonth(month)}-01`),
  };
};

export const quarterPeriod = (quarter: string): Period => {
  const m = /^(20\d\d)-Q([1-4])$/.exec(quarter);
  if (!m)
    throw new LoketError('validation', 'Triwulan harus berbentuk YYYY-Qn.', [
      { field: 'triwulan', message: 'Contoh: 2026-Q4' },
    ]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const months = [0, 1, 2].map((i) => `${m[1]}-${String(first + i).padStart(2, '0')}`);
  return {
    label: `Triwulan ${m[2]} ${m[1]}`,
    kind: 'quarter',
    months,
    from: wibInstant(`${months[0]}-01`),
    to: wibInstant(`${nextMonth(months[2]!)}-01`),
  };
};

export const yearPeriod = (year: string): Period => {
  if (!/^20\d\d$/.test(year))
    throw new LoketError('validation', 'Tahun harus berbentuk YYYY.', [{ field: 'tahun', message: 'Contoh: 2026' }]);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return {
    label: `Tahun ${year}`,
    kind: 'year',
    months,
    from: wibInstant(`${year}-01-01`),
    to: wibInstant(`${Number(year) + 1}-01-01`),
  };
};

/** The last full quarter before `now`. */
export const lastQuarter = (now: number): Period => {
  const d = new Date(now + 7 * 3600_000);
  const q = Math.floor(d.getUTCMonth() / 3);
  return q === 0 ? quarterPeriod(`${d.getUTCFullYear() - 1}-Q4`) : quarterPeriod(`${d.getUTCFullYear()}-Q${q}`);
};
