import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  findService,
  pauseClock,
  resumeClock,
  slaState,
  startClock,
  toWibIso,
  WorkingCalendar,
  applyCalendar,
} from '@loket/core';

const cal = new WorkingCalendar(defaultCalendar());
const at = (s: string) => Date.parse(s);
const clockFor = (id: string, received: string, c = cal) => startClock(findService(id)!.sla, c, at(received));

describe('deadlines (worked examples of docs/RULES.md §2)', () => {
  it('1-hour service received on Nyepi counts from the next opening after the long holiday', () => {
    const c = clockFor('rekomendasi-bbm', '2026-03-19T09:00:00+07:00');
    expect(toWibIso(c.countFrom)).toBe('2026-03-25T07:30:00+07:00');
    expect(toWibIso(c.dueAt!)).toBe('2026-03-25T08:30:00+07:00');
  });

  it('5 working days skip the Idul Fitri holidays and cuti bersama', () => {
    expect(toWibIso(clockFor('kantor-cabang-ksp', '2026-03-16T10:00:00+07:00').dueAt!)).toBe(
      '2026-03-30T16:00:00+07:00',
    );
  });

  it('a complaint received after hours counts from the next opening and closes on Friday hours', () => {
    const c = clockFor('pengaduan', '2026-05-29T20:00:00+07:00');
    expect(toWibIso(c.countFrom)).toBe('2026-06-02T07:30:00+07:00');
    expect(toWibIso(c.dueAt!)).toBe('2026-06-05T16:30:00+07:00');
  });

  it('a pause pushes the deadline by exactly the counted time paused', () => {
    const s = findService('kantor-cabang-ksp')!;
    let c = clockFor('kantor-cabang-ksp', '2026-11-02T09:00:00+07:00');
    expect(toWibIso(c.dueAt!)).toBe('2026-11-09T16:00:00+07:00');
    c = pauseClock(c, at('2026-11-03T10:00:00+07:00'));
    expect(c.dueAt).toBeUndefined();
    expect(slaState(c, at('2026-11-20T10:00:00+07:00'))).toBe('paused');
    c = resumeClock(s.sla, cal, c, at('2026-11-05T11:00:00+07:00'));
    expect(toWibIso(c.dueAt!)).toBe('2026-11-12T08:30:00+07:00');
  });

  it('an hour that starts at 15:45 uses 15 minutes today and 45 from the next opening', () => {
    const c = clockFor('konsultasi', '2026-11-26T15:45:00+07:00'); // Thursday, closes 16:00
    expect(toWibIso(c.dueAt!)).toBe('2026-11-27T08:15:00+07:00');
  });

  it('is at risk after 45 counted minutes of a 1-hour service', () => {
    const c = clockFor('konsultasi', '2026-11-25T09:00:00+07:00');
    expect(toWibIso(c.atRiskAt!)).toBe('2026-11-25T09:45:00+07:00');
    expect(slaState(c, at('2026-11-25T09:44:59+07:00'))).toBe('on_track');
    expect(slaState(c, at('2026-11-25T09:45:00+07:00'))).toBe('at_risk');
    expect(slaState(c, at('2026-11-25T10:00:00+07:00'))).toBe('breached');
    expect(slaState(c, at('2026-11-25T10:30:00+07:00'), at('2026-11-25T09:50:00+07:00'))).toBe('met');
  });

  it('shows the Klinik KUKM target of 1 working day beside its 5-day limit', () => {
    const c = clockFor('klinik-kukm', '2026-11-23T09:00:00+07:00');
    expect(toWibIso(c.targetAt!)).toBe('2026-11-24T16:00:00+07:00');
    expect(toWibIso(c.dueAt!)).toBe('2026-11-30T16:00:00+07:00');
  });

  it('marks a deadline in a year without an official list as estimated', () => {
    expect(clockFor('pengaduan', '2026-12-29T10:00:00+07:00').estimated).toBe(true);
    expect(clockFor('pengaduan', '2026-12-01T10:00:00+07:00').estimated).toBe(false);
  });

  it('counts calendar days when the Dinas switches a service to calendar_days', () => {
    const policy = { ...findService('pengaduan')!.sla, limit: { amount: 3, unit: 'calendar_days' as const } };
    const c = startClock(policy, cal, at('2026-05-29T20:00:00+07:00'));
    expect(toWibIso(c.dueAt!)).toBe('2026-06-02T00:00:00+07:00');
  });

  it('moves an open deadline when a holiday is added to the calendar', () => {
    const s = findService('kantor-cabang-ksp')!;
    const c = clockFor('kantor-cabang-ksp', '2026-11-02T09:00:00+07:00');
    const withElection = new WorkingCalendar({
      ...defaultCalendar(),
      holidays: [
        ...defaultCalendar().holidays,
        { date: '2026-11-04', type: 'LN', name: 'Pemungutan suara', basis: 'Keppres (contoh)' },
      ],
    });
    expect(toWibIso(applyCalendar(s.sla, withElection, c).dueAt!)).toBe('2026-11-10T16:00:00+07:00');
  });
});
