import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  findService,
  formatDeadline,
  kipDeadline,
  objectionDeadline,
  openCase,
  recomputeDeadlines,
  workflowFor,
  WorkingCalendar,
} from '@loket/core';

const cal = new WorkingCalendar(defaultCalendar());
const at = (iso: string) => Date.parse(iso);
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

describe('the statutory clocks of UU 14/2008 (docs/RULES.md §2)', () => {
  it('count from the next opening, like every service clock: after hours and weekends start the next working day', () => {
    // Received Monday 17:00, after closing: counting starts Tuesday, ten working days end Tuesday 17 Nov.
    expect(wib(kipDeadline(cal, 'kip-answer', at('2026-11-02T17:00:00+07:00')).at)).toBe('2026-11-17T16:00');
    // Received on a Saturday: counting starts Monday 9 Nov.
    expect(wib(kipDeadline(cal, 'kip-answer', at('2026-11-07T10:00:00+07:00')).at)).toBe('2026-11-23T16:00');
    // The extension is 10 + 7 working days from receipt, not 7 from the first deadline's close.
    expect(wib(kipDeadline(cal, 'kip-extended', at('2026-11-02T17:00:00+07:00')).at)).toBe('2026-11-26T16:00');
    // The objection's 30 working days run from the refusal letter's issue.
    expect(wib(kipDeadline(cal, 'kip-objection', at('2026-11-07T10:00:00+07:00')).at)).toBe('2026-12-21T16:00');
  });

  it('say "perkiraan" when a day they count lies in a year with no official calendar', () => {
    const late = kipDeadline(cal, 'kip-answer', at('2026-12-28T10:00:00+07:00'));
    expect(late.estimated).toBe(true);
    expect(formatDeadline(late.at, late.estimated)).toMatch(/ \(perkiraan\)$/);
    expect(kipDeadline(cal, 'kip-answer', at('2026-11-02T10:00:00+07:00')).estimated).toBe(false);
  });

  const service = findService('data-informasi')!;
  const request = (receivedAt: number) =>
    openCase({
      service,
      workflow: workflowFor(service),
      calendar: cal,
      id: 'c1',
      trackingNumber: 'INF-1',
      channel: 'walk_in',
      applicant: { name: 'Pemohon' },
      answers: {},
      receivedAt,
      now: receivedAt,
      actorId: 'frontdesk',
    }).record;

  it('move with the calendar: a new holiday pushes the answer deadline of an open request', () => {
    const c = request(at('2026-11-02T10:00:00+07:00'));
    expect(wib(c.kip!.answerBy)).toBe('2026-11-16T16:00');
    const withHoliday = new WorkingCalendar({
      ...defaultCalendar(),
      holidays: [...defaultCalendar().holidays, { date: '2026-11-10', type: 'LN', name: 'Libur baru', basis: 'uji' }],
    });
    const change = recomputeDeadlines(c, service, withHoliday, at('2026-11-05T10:00:00+07:00'));
    expect(wib(change!.record.kip!.answerBy)).toBe('2026-11-17T16:00');
    expect(recomputeDeadlines(change!.record, service, withHoliday, at('2026-11-05T10:01:00+07:00'))).toBeUndefined();
  });

  it('start the objection clock only with a refusal', () => {
    const c = request(at('2026-11-02T10:00:00+07:00'));
    expect(objectionDeadline(cal, c, at('2026-11-07T10:00:00+07:00'))).toBeUndefined();
    const refused = {
      ...c,
      refusal: { ground: 'a' as const, consequenceTest: 'x'.repeat(20), exemptionPeriod: '5 tahun' },
    };
    expect(wib(objectionDeadline(cal, refused, at('2026-11-07T10:00:00+07:00'))!.at)).toBe('2026-12-21T16:00');
  });
});
