import {
  addDays,
  type CaseRecord,
  dailyDigestMail,
  formatWib,
  isoWeekday,
  services,
  type ServiceWeekRow,
  wibDate,
  wibInstant,
  weeklyReportMail,
  WITHDRAWN,
  hasDuty,
} from '@loket/core';
import type { Deps } from '../deps';
import type { MailDeps } from '../mail/dispatch';

/** The ports this use-case reaches (not the whole composition root). */
export type DigestDeps = Pick<Deps, 'cases' | 'config' | 'repo' | 'staff' | 'time'> & MailDeps;
import { queueAndSend } from '../mail/dispatch';
import { owners } from './recipients';

/** When the morning digest goes out (WIB), on working days only. */
export const DIGEST_TIME = '07:30';

/** What the morning mails read, loaded once per run; only the calendar on a day without service. */
const loadMorning = async (deps: DigestDeps) => {
  const now = deps.time.now();
  const today = wibDate(now);
  const calendar = await deps.cases.calendar();
  if (!calendar.isWorkingDay(today)) return { working: false as const, today };
  const [open, staff] = await Promise.all([deps.repo.listOpen(), deps.staff.list()]);
  return { working: true as const, now, today, calendar, open, staff };
};
type WorkingMorning = Extract<Awaited<ReturnType<typeof loadMorning>>, { working: true }>;

const noService = (today: string) => ({ date: today, sent: 0, skipped: 'not a working day' });

/**
 * Each working morning, every officer with something on their plate gets one email: overdue, due
 * today, at risk. Unassigned cases go to the holders of the step's role. One digest per officer per
 * day whatever the number of runs (the message id carries the date).
 */
const dailyDigests = async (
  deps: DigestDeps,
  { now, today, open, staff }: WorkingMorning,
): Promise<{ date: string; sent: number; skipped?: string }> => {
  const endOfToday = wibInstant(addDays(today, 1));
  const byOfficer = new Map<string, { overdue: CaseRecord[]; today: CaseRecord[]; atRisk: CaseRecord[] }>();
  for (const c of open) {
    const due = c.clock.dueAt;
    if (due === undefined) continue; // paused: waiting for the applicant
    const bucket =
      due <= now
        ? 'overdue'
        : due < endOfToday
          ? 'today'
          : c.clock.atRiskAt !== undefined && c.clock.atRiskAt <= now
            ? 'atRisk'
            : undefined;
    if (!bucket) continue;
    for (const o of owners(c, staff)) {
      const lists = byOfficer.get(o.id) ?? { overdue: [], today: [], atRisk: [] };
      lists[bucket].push(c);
      byOfficer.set(o.id, lists);
    }
  }
  const byDue = (a: CaseRecord, b: CaseRecord) => (a.clock.dueAt ?? 0) - (b.clock.dueAt ?? 0);
  const label = formatWib(now).split(' pukul')[0]!;
  const mails = staff.flatMap((s) => {
    const lists = byOfficer.get(s.id);
    const mail =
      lists &&
      dailyDigestMail(
        s,
        today,
        [
          { title: 'Melewati batas waktu', cases: lists.overdue.sort(byDue) },
          { title: 'Jatuh tempo hari ini', cases: lists.today.sort(byDue) },
          { title: 'Mendekati batas waktu', cases: lists.atRisk.sort(byDue) },
        ],
        deps.config.LOKET_PUBLIC_URL,
        label,
      );
    return mail ? [mail] : [];
  });
  return { date: today, sent: await queueAndSend(deps, mails) };
};

/** The officers' digests now (also `npx loket digest` through the morning job). */
export const sendDailyDigests = async (deps: DigestDeps) => {
  const morning = await loadMorning(deps);
  return morning.working ? dailyDigests(deps, morning) : noService(morning.today);
};

/** Monday of the ISO week that contains `date`. */
const weekStart = (date: string) => addDays(date, 1 - isoWeekday(date));

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/**
 * The head of office's weekly view of the week before: per service, cases finished and how many on
 * time, plus every open case past its deadline. One report per head per week.
 */
const weeklyReport = async (
  deps: DigestDeps,
  { now, today, open, staff }: WorkingMorning,
): Promise<{ week: string; sent: number }> => {
  const from = addDays(weekStart(today), -7);
  const to = addDays(from, 6);
  const [start, end] = [wibInstant(from), wibInstant(addDays(to, 1))];
  // Cases finished last week were received in its months or up to two months before (long clocks, pauses).
  const months = [...new Set([-2, -1, 0].flatMap((shift) => [from, to].map((d) => shiftMonth(d.slice(0, 7), shift))))];
  const rows: ServiceWeekRow[] = [];
  for (const service of services()) {
    const received = (await Promise.all(months.map((m) => deps.repo.listByServiceMonth(service.id, m)))).flat();
    // A withdrawn request was not served, so it counts neither way.
    const finished = received.filter(
      (c) => c.closedAt !== undefined && c.closedAt >= start && c.closedAt < end && c.state !== WITHDRAWN,
    );
    rows.push({
      service,
      finished: finished.length,
      onTime: finished.filter((c) => c.clock.dueAt === undefined || c.closedAt! <= c.clock.dueAt).length,
      breachedOpen: open.filter(
        (c) => c.serviceId === service.id && c.clock.dueAt !== undefined && c.clock.dueAt <= now,
      ),
    });
  }
  const heads = staff.filter((s) => s.active && hasDuty(s.roles, 'weeklyReport'));
  return {
    week: from,
    sent: await queueAndSend(
      deps,
      heads.map((h) => weeklyReportMail(h, { from, to }, rows, deps.config.LOKET_PUBLIC_URL)),
    ),
  };
};

/**
 * The morning job: the daily digests on a working day, and the weekly report on the first working
 * day of the week. Reads the calendar, open cases and staff once. Safe to run any number of times
 * (each message id is per day or per week).
 */
export const runMorningDigests = async (deps: DigestDeps) => {
  const morning = await loadMorning(deps);
  if (!morning.working) return { daily: noService(morning.today), weekly: undefined };
  const { today, calendar } = morning;
  const firstWorkingDay = ![...Array(isoWeekday(today) - 1).keys()].some((i) =>
    calendar.isWorkingDay(addDays(weekStart(today), i)),
  );
  return {
    daily: await dailyDigests(deps, morning),
    weekly: firstWorkingDay ? await weeklyReport(deps, morning) : undefined,
  };
};
