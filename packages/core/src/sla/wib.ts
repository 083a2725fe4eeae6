/**
 * Asia/Jakarta (WIB) is UTC+7 all year, with no daylight saving, so local dates are plain arithmetic on
 * epoch milliseconds. Instants are stored as UTC ISO-8601 and shown with the +07:00 offset.
 */
const WIB_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Local WIB calendar date (YYYY-MM-DD) of an instant. */
export const wibDate = (ms: number): string => new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** The instant of HH:MM WIB on a local date. */
export const wibInstant = (date: string, hhmm = '00:00'): number => Date.parse(`${date}T${hhmm}:00+07:00`);

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** ISO-8601 with the +07:00 offset, to the second (milliseconds kept only when present). */
export const toWibIso = (ms: number): string => {
  const local = new Date(ms + WIB_OFFSET_MS).toISOString(); // "…Z" but shifted
  const body = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${body}+07:00`;
};

const DAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "25 November 2026": the date as a letter writes it. */
export const formatDateId = (ms: number): string => {
  const [y, m, d] = wibDate(ms).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
};

/** "Rabu, 25 Maret 2026 pukul 08.30 WIB": how people in the Dinas write a time. */
export const formatWib = (ms: number): string => {
  const date = wibDate(ms);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const hhmm = new Date(ms + WIB_OFFSET_MS).toISOString().slice(11, 16).replace(':', '.');
  return `${DAYS[isoWeekday(date) - 1]}, ${d} ${MONTH_NAMES[m - 1]} ${y} pukul ${hhmm} WIB`;
};

/** The month after `YYYY-MM`, as `YYYY-MM`. */
export const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The WIB month (`YYYY-MM`) of an instant: how the indexes and reports group by month. */
export const wibMonth = (ms: number): string => wibDate(ms).slice(0, 7);
