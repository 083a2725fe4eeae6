import * as z from 'zod';
import { addDays, isoWeekday, wibInstant } from './wib';

// Schemas are built on first parse (z.lazy), not when the module loads: every Lambda cold start
// loads all of core, and most requests parse no calendar (README, "Cold start").
export const Holiday = z.lazy(() =>
  z.object({
    date: z.iso.date(),
    type: z.enum(['LN', 'CB']),
    name: z.string().min(1).max(200),
    basis: z.string().max(500),
  }),
);
export type Holiday = z.infer<typeof Holiday>;

const hhmm = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const DayHours = z.lazy(() =>
  z.object({ open: hhmm(), close: hhmm() }).refine((h) => h.open < h.close, 'open must be before close'),
);
type DayHours = z.infer<typeof DayHours>;

/** Service hours per ISO weekday ("1" = Monday … "7" = Sunday); a missing or null day has no service. */
const WeeklyHours = z.lazy(() => z.record(z.enum(['1', '2', '3', '4', '5', '6', '7']), DayHours.nullable()));
type WeeklyHours = z.infer<typeof WeeklyHours>;

/** A dated schedule that replaces the weekly hours, e.g. Ramadan hours. */
export const HoursOverride = z.lazy(() =>
  z.object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    name: z.string(),
    weekly: WeeklyHours,
  }),
);
export type HoursOverride = z.infer<typeof HoursOverride>;

export const CalendarData = z.lazy(() =>
  z.object({
    holidays: z.array(Holiday),
    /** Years whose official holiday list is loaded; other years are "perkiraan" (estimated). */
    officialYears: z.array(z.number().int()),
    weekly: WeeklyHours,
    overrides: z.array(HoursOverride),
  }),
);
export type CalendarData = z.infer<typeof CalendarData>;

/** Fixed-date national holidays: the only ones assumed in a year with no official list. */
const FIXED_DATE_HOLIDAYS = ['01-01', '05-01', '06-01', '08-17', '12-25'];

interface ServiceWindow {
  open: number;
  close: number;
}

/** The working calendar: which local dates are working days and when service hours open and close. */
export class WorkingCalendar {
  private readonly holidays: Map<string, Holiday>;
  private readonly officialYears: Set<number>;

  constructor(readonly data: CalendarData) {
    this.holidays = new Map(data.holidays.map((h) => [h.date, h]));
    this.officialYears = new Set(data.officialYears);
  }

  isEstimatedYear(year: number): boolean {
    return !this.officialYears.has(year);
  }

  holidayOn(date: string): Holiday | undefined {
    const listed = this.holidays.get(date);
    if (listed) return listed;
    if (this.isEstimatedYear(Number(date.slice(0, 4))) && FIXED_DATE_HOLIDAYS.includes(date.slice(5))) {
      return { date, type: 'LN', name: 'Hari libur nasional (tanggal tetap, perkiraan)', basis: 'perkiraan' };
    }
    return undefined;
  }

  hoursOn(date: string): DayHours | null {
    const override = this.data.overrides.find((o) => o.from <= date && date <= o.to);
    const weekly = override ? override.weekly : this.data.weekly;
    return weekly[String(isoWeekday(date)) as keyof WeeklyHours] ?? null;
  }

  isWorkingDay(date: string): boolean {
    return this.hoursOn(date) !== null && !this.holidayOn(date);
  }

  /** Service window of a local date, or null on a non-working day. */
  windowOn(date: string): ServiceWindow | null {
    if (this.holidayOn(date)) return null;
    const h = this.hoursOn(date);
    return h ? { open: wibInstant(date, h.open), close: wibInstant(date, h.close) } : null;
  }

  /** The N-th working day after a date (n ≥ 1), or the next working day on/after it for n = 0. */
  nthWorkingDayAfter(date: string, n: number): string {
    let d = date;
    let left = n;
    for (let guard = 0; guard < 3660; guard++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d) && --left <= 0) return d;
    }
    throw new Error('calendar has no working days within ten years');
  }

  workingDaysInYear(year: number): number {
    let count = 0;
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}
