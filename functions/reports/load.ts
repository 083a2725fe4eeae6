import { buildReport, type Period, services } from '@loket/core';
import type { Deps } from '../deps';

/**
 * A period's report from indexes only: the cases received in each of its months per service (gsi2), the
 * cases open now (gsi4) and the period's survey answers (gsi2). The items read grow with the period's
 * cases, never with the table (`npm run bench` measures it).
 */
export const loadReport = async (deps: Deps, period: Period) => {
  const [cases, openNow, surveys, staff, calendar] = await Promise.all([
    Promise.all(services().flatMap((s) => period.months.map((m) => deps.repo.listByServiceMonth(s.id, m)))).then((x) =>
      x.flat(),
    ),
    deps.repo.listOpen(),
    Promise.all(period.months.map((m) => deps.surveys.month(m))).then((x) => x.flat()),
    deps.staff.list(),
    deps.cases.calendar(),
  ]);
  return buildReport({ period, cases, openNow, surveys, staff, calendar, now: deps.time.now() });
};
