import { describe, expect, it } from 'vitest';
import { klinikEvaluation } from '@loket/core';
import { createSession, scheduleIntoSession } from '../../functions/klinik/schedule';
import { forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });
const ADMIN_KLINIK = { id: 'admin-klinik', roles: ['admin_klinik' as const] };

/** A klinik request qualified and classified, waiting to be scheduled. */
const waiting = async (email: string, topic = 'Pemasaran') => {
  const { record } = await world.deps.cases.open({
    serviceId: 'klinik-kukm', channel: 'walk_in', applicant: { name: 'Budi', email }, receivedAt: clock.now(), actorId: 'frontdesk',
    answers: { nama_pemohon: ['Budi'], kebutuhan: [topic] },
  });
  return forceCase(world.deps, record.id, { state: 'penjadwalan' }, clock.now());
};

describe('the Klinik KUKM schedule', () => {
  it('is kept by the Admin Klinik: sessions with a konsultan and a capacity, checked field by field', async () => {
    await expect(createSession(world.deps, { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' }, { id: 'frontdesk', roles: ['petugas_layanan'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createSession(world.deps, { date: '8 Des', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' }, ADMIN_KLINIK)).rejects.toMatchObject({ code: 'validation', fields: [expect.objectContaining({ field: 'date' })] });
    await expect(createSession(world.deps, { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'fungsional', capacity: '2' }, ADMIN_KLINIK)).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'konsultanId' })] });
    const s = await createSession(world.deps, { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' }, ADMIN_KLINIK);
    expect(s).toMatchObject({ konsultanName: 'Konsultan Klinik KUKM (demo)', capacity: 2, booked: [] });
  });

  it('books qualified applicants into a session, never over capacity, and tells each their session', async () => {
    const s = await createSession(world.deps, { date: '2026-12-09', time: '13:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' }, ADMIN_KLINIK);
    const cases = await Promise.all(['a', 'b', 'c'].map((x) => waiting(`${x}@example.com`)));
    const results = await Promise.allSettled(cases.map((c) => scheduleIntoSession(world.deps, c.id, { sessionId: s.id, actor: ADMIN_KLINIK })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    const [stored] = (await world.deps.klinik.month('2026-12')).filter((x) => x.id === s.id);
    expect(stored!.booked).toHaveLength(2);
    const scheduled = await Promise.all(cases.map((c) => world.deps.cases.get(c.id)));
    expect(scheduled.filter((c) => c.state === 'pelaksanaan')).toHaveLength(2);
    expect(scheduled.filter((c) => c.state === 'penjadwalan')).toHaveLength(1);
    const told = world.catcher.mail.filter((m) => m.text.includes('Jadwal Klinik KUKM: Rabu, 9 Desember 2026 pukul 13.00 WIB, topik Pemasaran'));
    expect(told.map((m) => m.to[0]).sort()).toEqual(scheduled.filter((c) => c.state === 'pelaksanaan').map((c) => c.applicant.email).sort());
    expect(klinikEvaluation([stored!])).toMatchObject({ sessions: 1, capacity: 2, booked: 2, fillRate: 100 });
  });

  it('gives the seat back when the scheduling step cannot be stored', async () => {
    const s = await createSession(world.deps, { date: '2026-12-10', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '5' }, ADMIN_KLINIK);
    const c = await waiting('d@example.com');
    await expect(scheduleIntoSession(world.deps, c.id, { sessionId: s.id, actor: ADMIN_KLINIK, expectedVersion: c.version - 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await world.deps.klinik.month('2026-12')).find((x) => x.id === s.id)!.booked).toEqual([]);
    const html = await (await world.app.request('/klinik')).text();
    expect(html).toContain('Sisa 5 kursi');
    expect(html).not.toContain('d@example.com');
  });
});
