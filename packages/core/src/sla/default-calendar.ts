import { type CalendarData, DEFAULT_WEEKLY_HOURS, type HoursOverride } from './calendar';
import { OFFICIAL_HOLIDAYS, OFFICIAL_YEARS } from './official-holidays';

/**
 * Ramadan 1447 H service hours of Pemkab Pasuruan 2026 (Mon–Thu 08:00–15:00, Fri 08:00–13:30).
 * Dates follow the government's 1 Ramadan (19 Feb 2026) up to the eve of Idul Fitri; an admin can
 * correct them in the calendar.
 */
const RAMADAN_2026: HoursOverride = {
  from: '2026-02-19',
  to: '2026-03-20',
  name: 'Jam layanan Ramadan 1447 H',
  weekly: {
    '1': { open: '08:00', close: '15:00' },
    '2': { open: '08:00', close: '15:00' },
    '3': { open: '08:00', close: '15:00' },
    '4': { open: '08:00', close: '15:00' },
    '5': { open: '08:00', close: '13:30' },
    '6': null,
    '7': null,
  },
};

/** The calendar the desk starts with; the stored calendar is seeded from it once. */
export const DEFAULT_CALENDAR: CalendarData = {
  holidays: [...OFFICIAL_HOLIDAYS],
  officialYears: [...OFFICIAL_YEARS],
  weekly: DEFAULT_WEEKLY_HOURS,
  overrides: [RAMADAN_2026],
};
