import { describe, expect, it } from 'vitest';
import { buildReport, defaultCalendar, WorkingCalendar } from '@loket/core';
import { alertRecipients } from '../../functions/jobs/recipients';
import { forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });

const openAt = async (serviceId: string, state: string, assigneeId: string) => {
  const { record } = await world.deps.cases.open({
    serviceId,
    channel: 'walk_in',
    applicant: { name: 'Budi', email: 'budi@example.com' },
    answers: {},
    receivedAt: clock.now(),
    actorId: 'frontdesk',
  });
  return forceCase(world.deps, record.id, { state, assigneeId }, clock.now());
};

describe('work is handed over with the step (one definition of who works a step)', () => {
  it("a step worked by two roles alerts both, and the next step goes to its one officer: on their Beranda, not the previous one's", async () => {
    const c = await openAt('kantor-cabang-ksp', 'telaah', 'surveyor');
    const staff = await world.deps.staff.list();
    // telaah is worked by the Kabid and the Kasi Hukum dan Advokasi: both hear of its deadline.
    expect(
      alertRecipients(c, 'at_risk', staff)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['kabid-kp', 'kasi-hukum']);
    const moved = await world.deps.cases.act(c.id, {
      event: 'telaah_selesai',
      actor: { id: 'kasi-hukum', roles: ['kasi_hukum_advokasi'] },
    });
    expect(moved.record.state).toBe('keputusan_kadis');
    expect(moved.record.assigneeId).toBe('kadis');
    expect((await world.deps.repo.listByAssignee('kadis')).map((x) => x.id)).toContain(c.id);
    expect((await world.deps.repo.listByAssignee('surveyor')).map((x) => x.id)).not.toContain(c.id);
    expect(
      world.catcher.mail.some((m) => m.to.includes('kadis@demo.loket.local') && m.subject.includes(c.trackingNumber)),
    ).toBe(true);
  });

  it('a step with several officers waits for disposition, unassigned, instead of staying with the officer before', async () => {
    const c = await openAt('kantor-cabang-ksp', 'survei_lapangan', 'frontdesk');
    const moved = await world.deps.cases.act(c.id, {
      event: 'survei_layak',
      actor: { id: 'surveyor', roles: ['petugas_survei'] },
    });
    expect(moved.record.state).toBe('telaah');
    expect(moved.record.assigneeId).toBeUndefined();
  });

  it('credits a finish to the officer whose step closed the case', async () => {
    const c = await openAt('data-informasi', 'analisis', 'frontdesk');
    const refused = await world.deps.cases.act(c.id, {
      event: 'dikecualikan',
      note: 'Informasi dikecualikan.',
      actor: { id: 'subkoor', roles: ['sub_koordinator'] },
      data: {
        ground: 'h',
        consequenceTest: 'Membuka data keuangan pribadi anggota merugikan privasi mereka.',
        exemptionPeriod: 'Selama pemilik data tidak memberi izin',
      },
    });
    expect(refused.record.closedBy).toBe('subkoor');
    const report = buildReport({
      period: {
        label: 'Nov',
        kind: 'month',
        months: ['2026-11'],
        from: Date.parse('2026-11-01T00:00:00+07:00'),
        to: Date.parse('2026-12-01T00:00:00+07:00'),
      },
      cases: [refused.record],
      openNow: [],
      surveys: [],
      staff: await world.deps.staff.list(),
      calendar: new WorkingCalendar(defaultCalendar()),
      now: clock.now(),
    });
    expect(report.officers.find((o) => o.staffId === 'subkoor')?.finished).toBe(1);
    expect(report.officers.find((o) => o.staffId === 'frontdesk')).toBeUndefined();
  });
});
