import type { SlaPolicy, SlaSpan } from '../standard/schema';
import type { WorkingCalendar } from './calendar';
import { DAY_MS, MINUTE_MS, addDays, wibDate, wibInstant } from './wib';

/** An interval during which the clock does not run (the case waits for the applicant). `to` is open while paused. */
interface Pause {
  from: number;
  to?: number;
}

type SlaState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'missed' | 'paused' | 'not_started';

export interface Clock {
  /** When the request was received (the form's own submission time). */
  receivedAt: number;
  /**
   * For a service whose clock starts only once the file is complete (`sla.startsWhen: complete`): true
   * from receipt until the completeness step is taken; no deadline exists meanwhile.
   */
  awaitingComplete?: boolean;
  /** When the file was declared complete, for such a service: counting starts here instead of at receipt. */
  completeAt?: number;
  /** When counting starts: the next opening after receipt (or completeness) if outside service hours. */
  countFrom: number;
  /** Counted milliseconds the limit allows; fixed when the clock starts. */
  allowedMs: number;
  targetAllowedMs: number;
  atRiskRatio: number;
  pauses: Pause[];
  /** Undefined while paused: a deadline cannot be known until the applicant answers. */
  dueAt?: number;
  targetAt?: number;
  atRiskAt?: number;
  /** True when any day counted lies in a year with no official holiday list ("perkiraan"). */
  estimated: boolean;
}

const HORIZON_DAYS = 3660;

/**
 * Counted time is time inside service hours on working days (or all wall-clock time for calendar-day
 * units), outside pauses. These two walkers are the only places where it is measured.
 */
interface Counter {
  /** Working-time windows of one local date, in order. */
  windows(date: string): Array<[number, number]>;
}

const workingCounter = (cal: WorkingCalendar): Counter => ({
  windows(date) {
    const w = cal.windowOn(date);
    return w ? [[w.open, w.close]] : [];
  },
});

const wallClockCounter: Counter = {
  windows: (date) => [[wibInstant(date), wibInstant(date) + DAY_MS]],
};

const counterFor = (unit: SlaSpan['unit'], cal: WorkingCalendar) =>
  unit === 'calendar_days' ? wallClockCounter : workingCounter(cal);

/** Subtract pauses from [a, b); returns the pieces that count. */
const withoutPauses = (a: number, b: number, pauses: Pause[]): Array<[number, number]> => {
  let pieces: Array<[number, number]> = [[a, b]];
  for (const p of pauses) {
    const pEnd = p.to ?? Number.POSITIVE_INFINITY;
    pieces = pieces.flatMap(([s, e]): Array<[number, number]> => {
      if (pEnd <= s || p.from >= e) return [[s, e]];
      const out: Array<[number, number]> = [];
      if (p.from > s) out.push([s, p.from]);
      if (pEnd < e) out.push([pEnd, e]);
      return out;
    });
  }
  return pieces;
};

/** Counted milliseconds in [from, to). */
const countedBetween = (counter: Counter, from: number, to: number, pauses: Pause[]): number => {
  let total = 0;
  for (let date = wibDate(from), i = 0; wibInstant(date) < to && i < HORIZON_DAYS; date = addDays(date, 1), i++) {
    for (const [open, close] of counter.windows(date)) {
      const s = Math.max(open, from);
      const e = Math.min(close, to);
      if (s < e) for (const [ps, pe] of withoutPauses(s, e, pauses)) total += pe - ps;
    }
  }
  return total;
};

/** The instant at which `amount` counted milliseconds from `from` are used up; undefined if an open pause blocks it. */
export const advance = (counter: Counter, from: number, amount: number, pauses: Pause[]): number | undefined => {
  let left = amount;
  for (let date = wibDate(from), i = 0; i < HORIZON_DAYS; date = addDays(date, 1), i++) {
    for (const [open, close] of counter.windows(date)) {
      const s = Math.max(open, from);
      if (s >= close) continue;
      for (const [ps, pe] of withoutPauses(s, close, pauses)) {
        if (pe - ps >= left) return ps + left;
        left -= pe - ps;
      }
    }
    if (pauses.some((p) => p.to === undefined && p.from <= wibInstant(date) + DAY_MS)) return undefined;
  }
  throw new Error('no counted time within ten years: check the service hours');
};

/** The first instant at or after `at` that counts (the next opening when outside service hours). */
const nextCountedInstant = (counter: Counter, at: number): number => {
  for (let date = wibDate(at), i = 0; i < HORIZON_DAYS; date = addDays(date, 1), i++) {
    for (const [open, close] of counter.windows(date)) if (close > at) return Math.max(open, at);
  }
  throw new Error('no service hours within ten years: check the calendar');
};

/** Counted time one span allows from `countFrom` (before any pause). */
const allowedFor = (span: SlaSpan, cal: WorkingCalendar, countFrom: number): number => {
  const day0 = wibDate(countFrom);
  switch (span.unit) {
    case 'working_hours':
      return span.amount * 60 * MINUTE_MS;
    case 'working_days': {
      // The close of service hours on the N-th working day after day 0 (docs/RULES.md §2, "Units").
      const lastDay = cal.nthWorkingDayAfter(day0, span.amount);
      const close = cal.windowOn(lastDay)!.close;
      return countedBetween(workingCounter(cal), countFrom, close, []);
    }
    case 'calendar_days':
      return wibInstant(addDays(day0, span.amount + 1)) - countFrom;
  }
};

const yearsBetween = (from: number, to: number) => {
  const years: number[] = [];
  for (let y = Number(wibDate(from).slice(0, 4)); y <= Number(wibDate(to).slice(0, 4)); y++) years.push(y);
  return years;
};

/** Starts the clock for a request received at `receivedAt`. */
export const startClock = (policy: SlaPolicy, cal: WorkingCalendar, receivedAt: number): Clock => {
  const clock: Clock = {
    receivedAt,
    countFrom: receivedAt,
    allowedMs: 0,
    targetAllowedMs: 0,
    atRiskRatio: policy.atRiskRatio,
    pauses: [],
    estimated: false,
  };
  return policy.startsWhen === 'complete' ? { ...clock, awaitingComplete: true } : applyCalendar(policy, cal, clock);
};

/**
 * The file is declared complete: a clock that waited for it starts now (time spent before, revisions
 * included, never counts); any other clock is left as it runs.
 */
export const clockOnComplete = (policy: SlaPolicy, cal: WorkingCalendar, clock: Clock, at: number): Clock =>
  clock.awaitingComplete
    ? applyCalendar(policy, cal, { ...clock, awaitingComplete: undefined, completeAt: at, pauses: [] })
    : clock;

/**
 * Re-reads the calendar for a running clock: count start and allowed time are derived again (an added
 * holiday inside the window makes "N working days" end one working day later, at that day's close);
 * the pauses are kept. Used when the clock starts and whenever an admin edits the calendar.
 */
export const applyCalendar = (policy: SlaPolicy, cal: WorkingCalendar, clock: Clock): Clock => {
  if (clock.awaitingComplete) return clock;
  const countFrom = nextCountedInstant(counterFor(policy.limit.unit, cal), clock.completeAt ?? clock.receivedAt);
  return computeDeadlines(policy, cal, {
    ...clock,
    countFrom,
    allowedMs: allowedFor(policy.limit, cal, countFrom),
    targetAllowedMs: allowedFor(policy.target, cal, countFrom),
  });
};

/** (Re)computes due, target and at-risk instants from the allowed counted time and the pauses. */
const computeDeadlines = (policy: Pick<SlaPolicy, 'limit'>, cal: WorkingCalendar, clock: Clock): Clock => {
  const counter = counterFor(policy.limit.unit, cal);
  const at = (ms: number) => advance(counter, clock.countFrom, ms, clock.pauses);
  const dueAt = at(clock.allowedMs);
  const lastDay = dueAt ?? Math.max(clock.countFrom, ...clock.pauses.map((p) => p.from));
  return {
    ...clock,
    dueAt,
    targetAt: at(clock.targetAllowedMs),
    atRiskAt: at(Math.round(clock.allowedMs * clock.atRiskRatio)),
    estimated: yearsBetween(clock.receivedAt, lastDay).some((y) => cal.isEstimatedYear(y)),
  };
};

export const pauseClock = (clock: Clock, at: number): Clock => {
  if (clock.awaitingComplete || clock.pauses.some((p) => p.to === undefined)) return clock;
  return {
    ...clock,
    pauses: [...clock.pauses, { from: at }],
    dueAt: undefined,
    targetAt: undefined,
    atRiskAt: undefined,
  };
};

export const resumeClock = (policy: Pick<SlaPolicy, 'limit'>, cal: WorkingCalendar, clock: Clock, at: number): Clock =>
  clock.awaitingComplete
    ? clock
    : computeDeadlines(policy, cal, {
        ...clock,
        pauses: clock.pauses.map((p) => (p.to === undefined ? { ...p, to: Math.max(at, p.from) } : p)),
      });

export const isPaused = (clock: Clock) => clock.pauses.some((p) => p.to === undefined);

/** The SLA state of a case at `now`; `closedAt` when the clock stopped at a terminal state. */
export const slaState = (clock: Clock, now: number, closedAt?: number): SlaState => {
  if (closedAt !== undefined) return clock.dueAt !== undefined && closedAt > clock.dueAt ? 'missed' : 'met';
  if (clock.awaitingComplete) return 'not_started';
  if (isPaused(clock)) return 'paused';
  if (clock.dueAt !== undefined && now >= clock.dueAt) return 'breached';
  if (clock.atRiskAt !== undefined && now >= clock.atRiskAt) return 'at_risk';
  return 'on_track';
};

/** Working time (service hours, pauses left out) between two instants: how long a request really took. */
export const workingTimeBetween = (cal: WorkingCalendar, from: number, to: number, pauses: Pause[] = []) =>
  countedBetween(workingCounter(cal), from, to, pauses);
