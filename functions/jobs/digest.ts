import {
  addDays, type CaseRecord, dailyDigestMail, formatWib, isoWeekday, newOutboxEntry, type OutgoingMail, SERVICES, type ServiceWeekRow,
  wibDate, wibInstant, weeklyReportMail, WITHDRAWN,
} from '@loket/core';
import type { Deps } from '../deps';
import { deliverOutbox } from '../mail/dispatch';
import { owners } from './recipients';

/** When the morning digest goes out (WIB), on working days only. */
export const DIGEST_TIME = '07:30';

const queueAndSend = async (deps: Deps, mails: OutgoingMail[]) => {
  const now = deps.time.now();
  const queued = await deps.outbox.enqueue(mails, now);
  await deliverOutbox(deps, mails.filter((m) => queued.includes(m.id)).map((m) => newOutboxEntry(m, now)));
  return queued.length;
};

/**
 * Each working morning, every officer with something on their plate gets one email: overdue, due
 * today, at risk. Unassigned cases go to the holders of the step's role. One digest per officer per
 * day whatever the number of runs (the message id carries the date).
 */
export const sendDailyDigests = async (deps: Deps): Promise<{ date: string; sent: number; skipped?: string }> => {
  const now = deps.time.now();
  const today = wibDate(now);
  const calendar = await deps.cases.calendar();
  if (!calendar.isWorkingDay(today)) return { date: today, sent: 0, skipped: 'not a working day' };
  const [open, staff] = await Promise.all([deps.repo.listOpen(), deps.staff.list()]);
  const endOfToday = wibInstant(addDays(today, 1));
  const byOfficer = new Map<string, { overdue: CaseRecord[]; today: CaseRecord[]; atRisk: CaseRecord[] }>();
  for (const c of open) {
    const due = c.clock.dueAt;
    if (due === undefined) continue; // paused: waiting for the applicant
    const bucket = due <= now ? 'overdue' : due < endOfToday ? 'today' : c.clock.atRiskAt !== undefined && c.clock.atRiskAt <= now ? 'atRisk' : undefined;
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
    const mail = lists && dailyDigestMail(s, today, [
      { title: 'Melewati batas waktu', cases: lists.overdue.sort(byDue) },
      { title: 'Jatuh tempo hari ini', cases: lists.today.sort(byDue) },
      { title: 'Mendekati batas waktu', cases: lists.atRisk.sort(byDue) },
    ], deps.config.LOKET_PUBLIC_URL, label);
    return mail ? [mail] : [];
  });
  return { date: today, sent: await queueAndSend(deps, mails) };
};

/** Monday of the ISO week that contains `date`. */
const weekStart = (date: string) => addDays(date, 1 - isoWeekday(date));

/**
 * The head of office's weekly view of the week before: per service, cases finished and how many on
 * time, plus every open case past its deadline. One report per head per week.
 */
export const sendWeeklyReport = async (deps: Deps): Promise<{ week: string; sent: number }> => {
  const now = deps.time.now();
  const from = addDays(weekStart(wibDate(now)), -7);
  const to = addDays(from, 6);
  const [start, end] = [wibInstant(from), wibInstant(addDays(to, 1))];
  const months = [...new Set([from.slice(0, 7), to.slice(0, 7)])];
  const [open, staff] = await Promise.all([deps.repo.listOpen(), deps.staff.list()]);
  const rows: ServiceWeekRow[] = [];
  for (const service of SERVICES) {
    // Cases finished last week were received in its months or up to a few months before (long clocks, pauses).
    const received = (await Promise.all([-2, -1, 0].flatMap((shift) => months.map((m) => deps.repo.listByServiceMonth(service.id, shiftMonth(m, shift))))))
      .flat();
    // A withdrawn request was not served, so it counts neither way.
    const finished = [...new Map(received
      .filter((c) => c.closedAt !== undefined && c.closedAt >= start && c.closedAt < end && c.state !== WITHDRAWN)
      .map((c) => [c.id, c])).values()];
    rows.push({
      service,
      finished: finished.length,
      onTime: finished.filter((c) => c.clock.dueAt === undefined || c.closedAt! <= c.clock.dueAt).length,
      breachedOpen: open.filter((c) => c.serviceId === service.id && c.clock.dueAt !== undefined && c.clock.dueAt <= now),
    });
  }
  const heads = staff.filter((s) => s.active && s.roles.includes('kepala_dinas'));
  return { week: from, sent: await queueAndSend(deps, heads.map((h) => weeklyReportMail(h, { from, to }, rows, deps.config.LOKET_PUBLIC_URL))) };
};

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The morning job: the daily digests on a working day, and the weekly report on the first working
 * day of the week. Safe to run any number of times (each message id is per day or per week).
 */
export const runMorningDigests = async (deps: Deps) => {
  const daily = await sendDailyDigests(deps);
  const today = wibDate(deps.time.now());
  const calendar = await deps.cases.calendar();
  const firstWorkingDay = calendar.isWorkingDay(today) && ![...Array(isoWeekday(today) - 1).keys()].some((i) => calendar.isWorkingDay(addDays(weekStart(today), i)));
  const weekly = firstWorkingDay ? await sendWeeklyReport(deps) : undefined;
  return { daily, weekly };
};
