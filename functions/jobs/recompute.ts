import { type CaseRecord, mapLimit, WorkingCalendar } from '@loket/core';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type RecomputeDeps = Pick<Deps, 'calendars' | 'cases' | 'log' | 'recompute' | 'repo' | 'time'>;

/** Open cases read per page; each is a small version-checked write when its deadline moved. */
const PAGE = 100;
/** Stop starting pages after this long, so one run fits the minutely schedule; the next run resumes. */
const BUDGET_MS = 30_000;

interface RecomputeReport {
  calendarVersion: number;
  checked: number;
  moved: number;
  /** True when every open case follows this calendar version. */
  done: boolean;
}

/**
 * After an admin edits the calendar, every open case's deadlines follow it — here, in the minutely job,
 * page by page over the open-cases index with the cursor saved after each page, never inside the HTTP
 * request. A newer edit restarts from the first page; a crashed run resumes from its last cursor.
 * Recomputing a case twice changes nothing, so two overlapping runs are harmless.
 */
export const recomputeAfterCalendarEdit = async (
  deps: RecomputeDeps,
  budgetMs = BUDGET_MS,
): Promise<RecomputeReport | undefined> => {
  const [{ data, version }, progress] = await Promise.all([deps.calendars.loadVersioned(), deps.recompute.get()]);
  if (progress.calendarVersion === version && progress.done) return undefined;
  const started = deps.time.now();
  const calendar = new WorkingCalendar(data);
  let cursor = progress.calendarVersion === version ? progress.cursor : undefined;
  const report: RecomputeReport = { calendarVersion: version, checked: 0, moved: 0, done: false };
  do {
    const page = await deps.repo.listOpenPage(cursor, PAGE);
    await mapLimit(page.cases, 4, async (c: CaseRecord) => {
      if (await deps.cases.recomputeDeadlines(c, calendar)) report.moved++;
    });
    report.checked += page.cases.length;
    cursor = page.next;
    report.done = cursor === undefined;
    await deps.recompute.put({ calendarVersion: version, cursor, done: report.done });
  } while (!report.done && deps.time.now() - started < budgetMs);
  if (report.moved) deps.log.info('calendar.recomputed', { ...report });
  return report;
};
