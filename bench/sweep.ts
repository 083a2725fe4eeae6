import { caseItem, loadConfig } from '@loket/adapters';
import { DONE, findService, openCase, WorkingCalendar, workflowFor, type CaseRecord } from '@loket/core';
import { createDeps, type Deps } from '../functions/deps';
import { sweepDeadlines } from '../functions/jobs/sweep';
import { prepareStorage, seedDemoStaff } from '../functions/local/seed';
import { countReads, writeItems } from './table-tools';

const SWEEP_AT = Date.parse('2026-11-25T11:00:00+07:00');
const OPEN = 500;
const DUE = 50;
const IDLE_RUNS = 20;

/** Closed cases written in bulk (a year of history): built by the same pure command, then closed. */
const writeClosed = async (deps: Deps, n: number) => {
  const service = findService('rekomendasi-bbm')!;
  const calendar = new WorkingCalendar(await deps.calendars.load());
  const items = Array.from({ length: n }, (_, i) => {
    const receivedAt = SWEEP_AT - (i + 2) * 600_000;
    const { record } = openCase({
      service,
      workflow: workflowFor(service),
      calendar,
      id: `closed-${String(i).padStart(6, '0')}`,
      trackingNumber: `BBM-2611-C${String(i).padStart(6, '0')}`,
      channel: 'walk_in',
      applicant: { name: 'x' },
      answers: {},
      receivedAt,
      now: receivedAt,
      actorId: 'bench',
    });
    return caseItem({
      ...record,
      state: DONE,
      closedAt: receivedAt + 1_800_000,
      assigneeId: 'fungsional',
    } satisfies CaseRecord);
  });
  await writeItems(deps, items);
};

/** One scenario on its own table: `open` cases (50 of them at risk now) and `closed` finished ones. */
export const benchSweep = async (closed: number, open = OPEN) => {
  let now = SWEEP_AT - 3600_000;
  const deps = createDeps(
    loadConfig({ ...process.env, LOKET_TABLE: `bench-sweep-${closed}-${Date.now()}`, LOKET_LOG_LEVEL: 'error' }),
    { time: { now: () => now } },
  );
  await prepareStorage(deps);
  await seedDemoStaff(deps);
  for (let i = 0; i < open; i++) {
    // 50 received 50 minutes before the sweep (past 75 % of 1 hour), the rest 1 minute before.
    now = i < DUE ? SWEEP_AT - 50 * 60_000 : SWEEP_AT - 60_000;
    await deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'walk_in',
      applicant: { name: 'x' },
      answers: {},
      receivedAt: now,
      actorId: 'bench',
    });
  }
  await writeClosed(deps, closed);
  now = SWEEP_AT;
  const reads = countReads(deps.db);
  const started = performance.now();
  const first = await sweepDeadlines(deps);
  const firstMs = performance.now() - started;
  const firstReads = reads.items;
  const idle: number[] = [];
  reads.items = 0;
  for (let i = 0; i < IDLE_RUNS; i++) {
    const t = performance.now();
    await sweepDeadlines(deps);
    idle.push(performance.now() - t);
  }
  idle.sort((a, b) => a - b);
  deps.db.destroy();
  deps.files.destroy();
  return {
    open,
    closed,
    due: first.due,
    alerted: first.atRisk + first.breach,
    firstSweep: { ms: Math.round(firstMs), itemsRead: firstReads },
    idleSweep: { medianMs: Number(idle[IDLE_RUNS >> 1]!.toFixed(2)), itemsReadPerRun: reads.items / IDLE_RUNS },
  };
};
