import type { Holiday } from '@loket/core';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type CalendarDeps = Pick<Deps, 'calendars' | 'repo'>;

/**
 * Saves an edit of the holiday list over the version it was read at (a concurrent edit → `conflict`)
 * and reports how many open cases the minutely job will move to the new calendar.
 */
export const editHolidays = async (deps: CalendarDeps, change: (h: Holiday[]) => Holiday[]) => {
  const { data, version } = await deps.calendars.loadVersioned();
  const calendarVersion = await deps.calendars.save(
    { ...data, holidays: change(data.holidays).sort((a, b) => a.date.localeCompare(b.date)) },
    version,
  );
  return { calendarVersion, casesToRecompute: await deps.repo.countOpen() };
};
