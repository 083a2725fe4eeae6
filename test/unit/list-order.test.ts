import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  documentsInView,
  serviceFields,
  defaultCalendar,
  findService,
  makeTrackingNumber,
  pauseClock,
  readTrackingQuery,
  startClock,
  trackingExample,
  WorkingCalendar,
} from '@loket/core';

const cal = new WorkingCalendar(defaultCalendar());
const at = (s: string) => Date.parse(s);
const kase = (id: string, service: string, received: string, extra: { closedAt?: number; paused?: string } = {}) => {
  let clock = startClock(findService(service)!.sla, cal, at(received));
  if (extra.paused) clock = pauseClock(clock, at(extra.paused));
  return { id, clock, createdAt: at(received), closedAt: extra.closedAt };
};

describe('the order an officer works a list in', () => {
  it('puts overdue first, then today, then the nearest deadline; waiting on the applicant and closed last', () => {
    const now = at('2026-11-25T10:30:00+07:00');
    const cases = [
      kase('closed-old', 'konsultasi', '2026-11-02T09:00:00+07:00', { closedAt: at('2026-11-02T09:30:00+07:00') }),
      kase('five-days', 'kantor-cabang-ksp', '2026-11-24T09:00:00+07:00'),
      kase('paused', 'kantor-cabang-ksp', '2026-11-20T09:00:00+07:00', { paused: '2026-11-20T10:00:00+07:00' }),
      kase('closed-new', 'konsultasi', '2026-11-24T09:00:00+07:00', { closedAt: at('2026-11-24T09:30:00+07:00') }),
      kase('due-today', 'konsultasi', '2026-11-25T10:00:00+07:00'),
      kase('overdue', 'konsultasi', '2026-11-25T08:00:00+07:00'),
      kase('five-days-earlier', 'kantor-cabang-ksp', '2026-11-23T09:00:00+07:00'),
    ];
    expect(cases.sort(byUrgency(now)).map((c) => c.id)).toEqual([
      'overdue',
      'due-today',
      'five-days-earlier',
      'five-days',
      'paused',
      'closed-new',
      'closed-old',
    ]);
  });
});

describe('the number search of the case list', () => {
  const number = makeTrackingNumber('BBM', '2026-11-25', Uint8Array.from([1, 2, 3, 4, 5, 6]));
  it('reads a whole number (typed loosely) as a lookup, a piece of one as a fragment, else nothing', () => {
    expect(readTrackingQuery(` ${number.toLowerCase()} `)).toEqual({ kind: 'exact', number });
    expect(readTrackingQuery(number.slice(9, 13).toLowerCase())).toEqual({
      kind: 'fragment',
      text: number.slice(9, 13),
    });
    expect(readTrackingQuery('ab')).toEqual({ kind: 'none' });
    expect(readTrackingQuery('siti; drop')).toEqual({ kind: 'none' });
  });
  it('shows a well-formed example in its hint', () => {
    expect(readTrackingQuery(trackingExample(at('2026-11-25T10:00:00+07:00'))).kind).toBe('exact');
  });
});

describe('the Dokumen section of a case', () => {
  it('lists the file the current answers point at first and marks the replaced one as an earlier version', () => {
    const service = findService('kantor-cabang-ksp')!;
    const [first, second] = serviceFields(service).filter((f) => f.kind === 'document');
    const file = (fieldId: string, sourceId: string) => ({
      fieldId,
      sourceId,
      fileName: `${sourceId}.pdf`,
      mimeType: 'application/pdf',
      status: 'stored' as const,
      attempts: 0,
    });
    const view = documentsInView(service, {
      attachments: [file(second!.id, 'b1'), file(first!.id, 'a-old'), file(first!.id, 'a-new')],
      answers: { [first!.id]: ['a-new'], [second!.id]: ['b1'] },
    });
    expect(view.map((d) => [d.attachment.sourceId, d.current])).toEqual([
      ['a-new', true],
      ['a-old', false],
      ['b1', true],
    ]);
  });
});
