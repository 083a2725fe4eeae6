/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import type { Context } from 'hono';
import {
  isLoketError,
  registryChoices,
  monthPeriod,
  quarterPeriod,
  searchUmkm,
  wibMonth,
  yearPeriod,
} from '@loket/core';
import { loadReport } from '../../reports/load';
import { REPORT_TABLES } from '../../reports/csv';
import { umkmCsv } from '../../reports/umkm-csv';

const PERIOD_FIELDS = ['tahun', 'triwulan', 'bulan'] as const;

/** Reports for the head of office (month, quarter, year; charts and CSV) and the UMKM registry. */
export const reportRoutes = (app: Hono<ConsoleEnv>, deps: Deps, { render }: ConsoleKit) => {
  /** The period asked for: `?tahun=YYYY`, `?triwulan=YYYY-Qn`, else `?bulan=YYYY-MM`, else this month. */
  const reportPeriod = (c: Context<ConsoleEnv>) => {
    const year = c.req.query('tahun')?.trim();
    const quarter = c.req.query('triwulan')?.trim();
    const month = c.req.query('bulan')?.trim();
    if (year) return { period: yearPeriod(year), query: `tahun=${encodeURIComponent(year)}` };
    if (quarter) return { period: quarterPeriod(quarter), query: `triwulan=${encodeURIComponent(quarter)}` };
    const m = month || wibMonth(deps.time.now());
    return { period: monthPeriod(m), query: `bulan=${encodeURIComponent(m)}` };
  };

  app.get('/laporan', async (c) => {
    let chosen;
    try {
      chosen = reportPeriod(c);
    } catch (e) {
      if (!isLoketError(e)) throw e;
      // The period's own refusal names the field it could not read.
      const issue = e.fields[0];
      const field = PERIOD_FIELDS.find((f) => f === issue?.field) ?? 'bulan';
      const asked = Object.fromEntries(PERIOD_FIELDS.map((f) => [f, c.req.query(f) ?? '']));
      c.status(400);
      return render(c, async (P) => (
        <P.ReportPeriodPage
          officer={c.get('officer')}
          problem={{ field, message: issue ? `${e.message} ${issue.message}` : e.message }}
          asked={asked}
        />
      ));
    }
    const charts = await import('../../reports/charts');
    const report = await loadReport(deps, chosen.period);
    const [onTime, ikm] = await Promise.all([charts.onTimeChart(report), charts.ikmChart(report)]);
    return render(c, async (P) => (
      <P.ReportPage officer={c.get('officer')} report={report} query={chosen.query} charts={{ onTime, ikm }} />
    ));
  });

  app.get('/laporan.csv', async (c) => {
    const table =
      (Object.keys(REPORT_TABLES) as (keyof typeof REPORT_TABLES)[]).find((t) => t === c.req.query('tabel')) ??
      'layanan';
    const { period } = reportPeriod(c);
    c.header(
      'content-disposition',
      `attachment; filename="laporan-${table}-${period.kind === 'year' ? period.months[0]!.slice(0, 4) : period.months[0]}${period.kind === 'quarter' ? '-triwulan' : ''}.csv"`,
    );
    return c.body(REPORT_TABLES[table](await loadReport(deps, period)), 200, {
      'content-type': 'text/csv; charset=utf-8',
    });
  });

  /** The UMKM registry: the filter from the query, the entries it keeps (one index partition). */
  const umkmFilter = (c: Context<ConsoleEnv>) => ({
    q: c.req.query('q')?.trim().slice(0, 100) || undefined,
    kecamatan: registryChoices().places.find((k) => k === c.req.query('kecamatan')),
    sektor: registryChoices().sectors.find((k) => k === c.req.query('sektor')),
    skala: registryChoices().scales.find((k) => k === c.req.query('skala')),
  });
  const umkmQuery = (f: ReturnType<typeof umkmFilter>) =>
    new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1]))).toString();

  app.get('/umkm', async (c) => {
    const filter = umkmFilter(c);
    const all = await deps.umkm.list();
    return render(c, async (P) => (
      <P.UmkmRegistryPage
        officer={c.get('officer')}
        entries={searchUmkm(all, filter)}
        all={all}
        filter={filter}
        query={umkmQuery(filter)}
        now={deps.time.now()}
      />
    ));
  });

  app.get('/umkm.csv', async (c) => {
    c.header('content-disposition', 'attachment; filename="registri-umkm.csv"');
    return c.body(umkmCsv(searchUmkm(await deps.umkm.list(), umkmFilter(c))), 200, {
      'content-type': 'text/csv; charset=utf-8',
    });
  });
};
