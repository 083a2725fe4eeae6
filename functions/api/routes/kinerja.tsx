/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { bookableMonths, lastQuarter, type Report } from '@loket/core';
import { ShortCache } from '@loket/adapters';
import type { AppEnv } from '../app';
import type { Deps } from '../../deps';
import { lazyPages } from '../../web/lazy-pages';

const render = lazyPages(() => import('../../web/occasional-pages'));

/** How long a container reuses the public figures: a quarter's numbers do not move by the minute. */
const KINERJA_CACHE_MS = 10 * 60_000;

/** `/kinerja`: last quarter's report, aggregates only, computed once per container per ten minutes; `/klinik`: the clinic's schedule. */
export const kinerjaRoutes = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  // One cache per quarter: a new quarter is read at once, the same one at most every ten minutes.
  let cached: { label: string; report: ShortCache<Report> } | undefined;
  app.get('/kinerja', async (c) => {
    const period = lastQuarter(deps.time.now());
    if (cached?.label !== period.label) {
      cached = {
        label: period.label,
        report: new ShortCache(
          KINERJA_CACHE_MS,
          async () => (await import('../../reports/load')).loadReport(deps, period),
          () => deps.time.now(),
        ),
      };
    }
    const report = await cached.report.get();
    return render(c, (P) => <P.KinerjaPage report={report} />);
  });
  /** The Klinik KUKM's published schedule (this month and the next). */
  app.get('/klinik', async (c) => {
    const { sessionsOfMonths } = await import('../../klinik/schedule');
    const sessions = await sessionsOfMonths(deps, bookableMonths(deps.time.now()));
    return render(c, (P) => <P.KlinikPublicPage sessions={sessions} now={deps.time.now()} />);
  });
  return app;
};
