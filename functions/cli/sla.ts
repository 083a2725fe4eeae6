import { parseArgs } from 'node:util';
import { DEFAULT_CALENDAR, findService, parseInstant, pauseClock, resumeClock, SERVICES, startClock, toWibIso, WorkingCalendar } from '@loket/core';
import { CliError, isAws, localDesk } from './target';

/** The years the calendar can count in (official lists and estimates). */
const YEARS = { from: Date.parse('2000-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z') };

const loadStoredCalendar = async () => {
  const { connect } = await import('./target-connect');
  const deps = await connect();
  try {
    return await deps.calendars.load();
  } finally {
    deps.db.destroy();
  }
};

const instant = (s: string, what: string) => {
  // An offset is required (a bare local time would be read in the machine's zone) and the date must
  // exist: 2026-02-30 or T24:00 is refused, never rolled into the next day or month.
  const ms = parseInstant(s);
  if (ms === undefined) throw new CliError(`${what} must be an existing date and time with an offset, e.g. 2026-03-16T10:00:00+07:00 (got "${s}")`);
  if (ms < YEARS.from || ms >= YEARS.to) throw new CliError(`${what} must fall between the years 2000 and 2099 (got "${s}")`);
  return ms;
};

/** `loket sla --service <id> --received <ISO> [--pause <from>/<to> …]`: one deadline, as JSON. */
export const slaCommand = async (argv: string[]) => {
  const { values } = parseArgs({
    args: argv, options: { service: { type: 'string' }, received: { type: 'string' }, pause: { type: 'string', multiple: true } }, strict: true, allowPositionals: false,
  });
  if (!values.service) throw new CliError(`--service is required (one of: ${SERVICES.map((s) => s.id).join(', ')})`);
  if (!values.received) throw new CliError('--received is required, e.g. --received 2026-03-16T10:00:00+07:00');
  const service = findService(values.service);
  if (!service) throw new CliError(`unknown service "${values.service}" (one of: ${SERVICES.map((s) => s.id).join(', ')})`);
  const receivedAt = instant(values.received, '--received');
  const pauses = (values.pause ?? []).map((p) => {
    const [from, to, extra] = p.split('/');
    if (!from || !to || extra !== undefined) throw new CliError(`--pause must be <fromISO>/<toISO> (got "${p}")`);
    const range = { from: instant(from, '--pause start'), to: instant(to, '--pause end') };
    if (range.to < range.from) throw new CliError(`--pause ends before it starts: "${p}"`);
    if (range.from < receivedAt) throw new CliError(`--pause starts before the request was received: "${p}"`);
    return range;
  });
  // The stored calendar when a desk is reachable (admin edits count), else the shipped one.
  const desk = isAws() ? undefined : await localDesk();
  if (desk === 'stale') process.stderr.write('loket sla: note: the local desk does not answer; using the shipped calendar (without admin edits)\n');
  const data = isAws() || (desk && desk !== 'stale') ? await loadStoredCalendar() : DEFAULT_CALENDAR;
  const cal = new WorkingCalendar(data);
  let clock = startClock(service.sla, cal, receivedAt);
  for (const p of pauses.sort((a, b) => a.from - b.from)) clock = resumeClock(service.sla, cal, pauseClock(clock, p.from), p.to);
  const out = {
    service: service.id,
    unit: service.sla.limit.unit,
    amount: service.sla.limit.amount,
    receivedAt: toWibIso(clock.receivedAt),
    countFrom: toWibIso(clock.countFrom),
    dueAt: toWibIso(clock.dueAt!),
    targetAt: toWibIso(clock.targetAt!),
    estimated: clock.estimated,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
};
