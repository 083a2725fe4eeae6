import { perStandard } from '../standard/current';
import type { CalendarData } from './calendar';
import { OFFICIAL_HOLIDAYS, OFFICIAL_YEARS } from './official-holidays';

/**
 * The calendar the desk starts with: the national holidays and cuti bersama, and the office's weekly
 * service hours and dated overrides (Ramadan) from its standard. The stored calendar is seeded from it
 * once; an administrator corrects it there.
 */
export const defaultCalendar = perStandard((s): CalendarData => ({
  holidays: [...OFFICIAL_HOLIDAYS],
  officialYears: [...OFFICIAL_YEARS],
  weekly: s.office.hours,
  overrides: s.office.hoursOverrides,
}));
