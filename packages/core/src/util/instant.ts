import * as z from 'zod';
import { LoketError } from '../errors';

/** RFC 3339 with an offset (seconds optional), calendar-checked: `2026-02-30T09:00+07:00` and `T24:00` are refused, not rolled over. */
export const Instant = z.lazy(() => {
  const withSeconds = z.iso.datetime({ offset: true });
  const toTheMinute = z.iso.datetime({ offset: true, precision: -1 });
  // One string schema (documented as one date-time), accepting either form.
  return z
    .string()
    .refine(
      (s) => withSeconds.safeParse(s).success || toTheMinute.safeParse(s).success,
      'Waktu harus berbentuk RFC 3339 dengan zona waktu, contoh: 2026-11-25T09:00:00+07:00.',
    )
    .meta({ format: 'date-time' });
});

/** Milliseconds of a strict RFC 3339 instant, or undefined. `Date.parse` alone rolls impossible dates forward. */
export const parseInstant = (s: string): number | undefined =>
  Instant.safeParse(s).success ? Date.parse(s) : undefined;

/** The desk's working calendar and its records start here; nothing a request carries is older. */
const EARLIEST = Date.parse('2020-01-01T00:00:00+07:00');
/** Clocks of senders (Google, a front-desk PC) may run ahead a little; a day more is not skew. */
const MAX_AHEAD_MS = 24 * 3600_000;

/**
 * An instant a request reports about itself (submitted, received) must lie between 2020 and a day from
 * now. Outside that it is a fault of the sender, answered 400 naming the field — never stored, where a
 * year-9999 deadline would break every index and calendar computation after it.
 */
export const requirePlausibleInstant = (ms: number, now: number, field: string): number => {
  if (ms >= EARLIEST && ms <= now + MAX_AHEAD_MS) return ms;
  throw new LoketError('validation', `Waktu pada "${field}" tidak masuk akal (harus antara 2020 dan hari ini).`, [
    { field, message: 'Waktu di luar rentang yang diterima.' },
  ]);
};
