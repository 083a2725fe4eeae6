import { parseArgs } from 'node:util';
import {
  defaultCalendar,
  findService,
  KIP_CLOCKS,
  type KipClock,
  kipDeadline,
  parseInstant,
  pauseClock,
  resumeClock,
  services,
  startClock,
  toWibIso,
  WorkingCalendar,
} from '@loket/core';
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
  if (ms === undefined)
    throw new CliError(
      `${what} must be an existing date and time with an offset, e.g. 2026-03-16T10:00:00+07:00 (got "${s}")`,
    );
  if (ms < YEARS.from || ms >= YEARS.to)
    throw new CliError(`${what} must fall between the years 2000 and 2099 (got "${s}")`);
  return ms;
};

const loadCalendar = async () => {
  // The stored calendar when a desk is reachable (admin edits count), else the shipped one.
  const desk = isAws() ? undefined : await localDesk();
  if (desk === 'stale')
    process.stderr.write(
      'loket sla: note: the local desk does not answer; using the shipped calendar (without admin edits)\n',
    );
  const data = isAws() || (desk && desk !== 'stale') ? await loadStoredCalendar() : defaultCalendar();
  return new WorkingCalendar(data);
};

const CLOCK_NAMES = Object.keys(KIP_CLOCKS).join(', ');

/**
 * `loket sla --clock <kip-answer|kip-extended> --received <ISO>` or `--clock kip-objection --issued <ISO>`:
 * one statutory deadline of UU 14/2008, counted by the same engine as the service clocks.
 */
const statutoryClock = async (
  name: string,
  values: { received?: string; issued?: string; service?: string; pause?: string[] },
) => {
  if (!(name in KIP_CLOCKS)) throw new CliError(`unknown clock "${name}" (one of: ${CLOCK_NAMES})`);
  const clock = name as KipClock;
  if (values.service || values.pause?.length)
    throw new CliError('--clock counts a statutory deadline: it takes no --service or --pause');
  const from = KIP_CLOCKS[clock].from;
  const [given, other] = from === 'received' ? (['received', 'issued'] as const) : (['issued', 'received'] as const);
  if (values[other]) throw new CliError(`--clock ${clock} counts from --${given}, not --${other}`);
  const text = values[given];
  if (!text)
    throw new CliError(`--${given} is required with --clock ${clock}, e.g. --${given} 2026-03-16T10:00:00+07:00`);
  const start = instant(text, `--${given}`);
  const deadline = kipDeadline(await loadCalendar(), clock, start);
  const out = {
    clock,
    [`${given}At`]: toWibIso(start),
    days: KIP_CLOCKS[clock].days,
    dueAt: toWibIso(deadline.at),
    estimated: deadline.estimated,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
};

/** `loket sla --service <id> --received <ISO> [--pause <from>/<to> …]`: one deadline, as JSON. */
export const slaCommand = async (argv: string[]) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      service: { type: 'string' },
      clock: { type: 'string' },
      received: { type: 'string' },
      issued: { type: 'string' },
      pause: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.clock !== undefined) return statutoryClock(values.clock, values);
  if (values.issued) throw new CliError('--issued is only for --clock kip-objection');
  if (!values.service)
    throw new CliError(
      `--service is required (one of: ${services()
        .map((s) => s.id)
        .join(', ')}), or --clock (one of: ${CLOCK_NAMES})`,
    );
  if (!values.received) throw new CliError('--received is required, e.g. --received 2026-03-16T10:00:00+07:00');
  const service = findService(values.service);
  if (!service)
    throw new CliError(
      `unknown service "${values.service}" (one of: ${services()
        .map((s) => s.id)
        .join(', ')})`,
    );
  const receivedAt = instant(values.received, '--received');
  const pauses = (values.pause ?? []).map((p) => {
    const [from, to, extra] = p.split('/');
    if (!from || !to || extra !== undefined) throw new CliError(`--pause must be <fromISO>/<toISO> (got "${p}")`);
    const range = { from: instant(from, '--pause start'), to: instant(to, '--pause end') };
    if (range.to < range.from) throw new CliError(`--pause ends before it starts: "${p}"`);
    if (range.from < receivedAt) throw new CliError(`--pause starts before the request was received: "${p}"`);
    return range;
  });
  const cal = await loadCalendar();
  let clock = startClock(service.sla, cal, receivedAt);
  for (const p of pauses.sort((a, b) => a.from - b.from))
    clock = resumeClock(service.sla, cal, pauseClock(clock, p.from), p.to);
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
