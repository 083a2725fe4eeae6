import { caseItem, loadConfig } from '@loket/adapters';
import { DONE, monthPeriod, openCase, services, WorkingCalendar, workflowFor } from '@loket/core';
import { createDeps } from '../functions/deps';
import { prepareStorage } from '../functions/local/seed';
import { loadReport } from '../functions/reports/load';
import { countReads, writeItems } from './table-tools';

/**
 * A month's report among ten months of history: `total` finished cases spread evenly over ten months
 * and all services, then the report of one month. It must read about that month's cases (plus the
 * open cases and the staff directory, none here), not the table.
 */
export const benchReport = async (total = Number(process.env.BENCH_REPORT_CASES ?? 100_000), months = 10) => {
  const deps = createDeps(
    loadConfig({ ...process.env, LOKET_TABLE: `bench-report-${Date.now()}`, LOKET_LOG_LEVEL: 'error' }),
  );
  await prepareStorage(deps);
  const calendar = new WorkingCalendar(await deps.calendars.load());
  const monthOf = (i: number) => `2026-${String((i % months) + 1).padStart(2, '0')}`;
  const items = Array.from({ length: total }, (_, i) => {
    const service = services()[i % services().length]!;
    const receivedAt = Date.parse(`${monthOf(i)}-${String((i % 27) + 1).padStart(2, '0')}T09:00:00+07:00`);
    const { record } = openCase({
      service,
      workflow: workflowFor(service),
      calendar,
      id: `r-${String(i).padStart(7, '0')}`,
      trackingNumber: `${service.code}-2601-R${String(i).padStart(7, '0')}`,
      channel: 'walk_in',
      applicant: { name: 'x' },
      answers: {},
      receivedAt,
      now: receivedAt,
      actorId: 'bench',
    });
    return caseItem({ ...record, state: DONE, closedAt: receivedAt + 3_600_000 });
  });
  const writeStarted = performance.now();
  await writeItems(deps, items);
  const writeMs = performance.now() - writeStarted;
  const reads = countReads(deps.db);
  const started = performance.now();
  const report = await loadReport(deps, monthPeriod(monthOf(months - 1)));
  const ms = performance.now() - started;
  deps.db.destroy();
  deps.files.destroy();
  return {
    tableCases: total,
    periodCases: report.totals.received,
    itemsRead: reads.items,
    reportMs: Math.round(ms),
    writeMs: Math.round(writeMs),
  };
};
