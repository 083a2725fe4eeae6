import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  findService,
  openCase,
  STEP_DATA,
  stepForm,
  type StepRecord,
  workflowFor,
  WorkingCalendar,
} from '@loket/core';

/** The console's step forms come from the step's declaration: the same names the API takes, resolved per case. */
const cal = new WorkingCalendar(defaultCalendar());
const now = Date.parse('2026-11-25T09:00:00+07:00');
const caseOf = (serviceId: string, answers: Record<string, string[]> = {}) => {
  const service = findService(serviceId)!;
  return openCase({
    service,
    workflow: workflowFor(service),
    calendar: cal,
    id: 'c1',
    trackingNumber: 'T-1',
    channel: 'walk_in',
    applicant: { name: 'A' },
    answers,
    receivedAt: now,
    now,
    actorId: 'frontdesk',
  }).record;
};

describe('stepForm', () => {
  it('asks for exactly the declared fields of every kind of step, under the names the JSON API takes', () => {
    const c = { ...caseOf('pengaduan'), lapor: { mode: 'manual' } as never };
    for (const kind of Object.keys(STEP_DATA) as StepRecord[]) {
      expect(stepForm(c, { requires: kind }).map((f) => f.name)).toEqual(STEP_DATA[kind].map((f) => f.name));
    }
    expect(stepForm(c, {})).toEqual([]);
  });

  it('preselects the requirements found wanting, or what the officer chose before a refused attempt', () => {
    const c = caseOf('rekomendasi-bbm');
    const [field] = stepForm(c, { requires: 'revision_items' });
    const missing = field!.options!.filter((o) => o.checked).map((o) => o.value);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((id) => c.checklist[id]!.status === 'missing')).toBe(true);
    const [again] = stepForm(c, { requires: 'revision_items' }, { values: { requirements: 'kk' } });
    expect(again!.options!.filter((o) => o.checked).map((o) => o.value)).toEqual(['kk']);
  });

  it('offers the bookable sessions with the topic asked for, and says so when there is none', () => {
    const c = caseOf('klinik-kukm', { kebutuhan: ['Pemasaran'] });
    const session = {
      id: 's1',
      date: '2026-12-08',
      time: '09:00',
      topic: 'Pemasaran' as const,
      konsultanId: 'k',
      konsultanName: 'Bu Konsultan',
      capacity: 5,
      booked: [],
      createdBy: 'a',
    };
    const [field] = stepForm(c, { requires: 'klinik_seat' }, { sessions: [session] });
    expect(field).toMatchObject({ control: 'radios', hint: expect.stringContaining('Topik yang diminta: Pemasaran') });
    expect(field!.options).toEqual([
      {
        value: 's1',
        label: 'Selasa, 8 Desember 2026 pukul 09.00 WIB · Pemasaran · Bu Konsultan · sisa 5 kursi',
        checked: true,
      },
    ]);
    expect(stepForm(c, { requires: 'klinik_seat' })[0]).toMatchObject({
      options: [],
      empty: expect.stringContaining('Belum ada sesi'),
    });
  });

  it('leaves out the SP4N-LAPOR! forward target on a complaint that did not come from there', () => {
    expect(stepForm(caseOf('pengaduan'), { requires: 'forward_target' })).toEqual([]);
  });
});
