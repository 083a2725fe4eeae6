import { describe, expect, it } from 'vitest';
import { defaultCalendar, OFFICIAL_HOLIDAYS, WorkingCalendar } from '@loket/core';
import { sharedFile } from '../helpers/shared';

const csv = sharedFile('data/libur-nasional-cuti-bersama.csv');
const cal = new WorkingCalendar(defaultCalendar());

describe('working calendar', () => {
  // Skipped in a plain clone: the official list is the product owner's file beside the repository (../shared), not part of it.
  it.skipIf(!csv)('ships exactly the official list of ../shared/data (skipped when that folder is absent)', () => {
    const rows = csv!
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const [date, type, name, ...basis] = l.split(',');
        return { date, type, name, basis: basis.join(',') };
      });
    expect(OFFICIAL_HOLIDAYS).toEqual(rows);
  });

  it('counts 238, 237 and 240 working days in 2024, 2025 and 2026', () => {
    expect([2024, 2025, 2026].map((y) => cal.workingDaysInYear(y))).toEqual([238, 237, 240]);
  });

  it('treats cuti bersama as non-working and knows weekends', () => {
    expect(cal.isWorkingDay('2026-03-23')).toBe(false); // CB Idul Fitri
    expect(cal.isWorkingDay('2026-03-25')).toBe(true);
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
  });

  it('estimates a year with no official list: weekends and fixed-date holidays only', () => {
    expect(cal.isEstimatedYear(2027)).toBe(true);
    expect(cal.isWorkingDay('2027-08-17')).toBe(false);
    expect(cal.holidayOn('2027-08-17')?.basis).toBe('perkiraan');
    expect(cal.isWorkingDay('2027-03-10')).toBe(true); // no invented lunar holidays
  });

  it('applies the Ramadan hours as a dated override', () => {
    expect(cal.hoursOn('2026-03-05')).toEqual({ open: '08:00', close: '15:00' });
    expect(cal.hoursOn('2026-03-06')).toEqual({ open: '08:00', close: '13:30' });
    expect(cal.hoursOn('2026-04-06')).toEqual({ open: '07:30', close: '16:00' });
  });
});
