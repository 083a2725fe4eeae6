import { describe, expect, it } from 'vitest';
import { klinikEvaluation } from '@loket/core';
import { createSession } from '../../functions/klinik/schedule';
import { issueStaffToken } from '../../functions/api/auth';
import { forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });
const ADMIN_KLINIK = { id: 'admin-klinik', roles: ['admin_klinik' as const] };
/** A step through the JSON API, at the case's current version. */
const api = async (path: string, body: Record<string, unknown>) =>
  world.app.request(path, {
    method: 'POST',
    body: JSON.stringify({ expectedVersion: (await world.deps.cases.get(path.split('/')[3]!)).version, ...body }),
    headers: {
      authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, ADMIN_KLINIK.id, clock.now())}`,
      'content-type': 'application/json',
    },
  });

/** A klinik request qualified and classified, waiting to be scheduled. */
const waiting = async (email: string, topic = 'Pemasaran') => {
  const { record } = await world.deps.cases.open({
    serviceId: 'klinik-kukm',
    channel: 'walk_in',
    applicant: { name: 'Budi', email },
    receivedAt: clock.now(),
    actorId: 'frontdesk',
    answers: { nama_pemohon: ['Budi'], kebutuhan: [topic] },
  });
  return forceCase(world.deps, record.id, { state: 'penjadwalan' }, clock.now());
};

describe('the Klinik KUKM schedule', () => {
  it('is kept by the Admin Klinik: sessions with a konsultan and a capacity, checked field by field', async () => {
    await expect(
      createSession(
        world.deps,
        { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' },
        { id: 'frontdesk', roles: ['petugas_layanan'] },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createSession(
        world.deps,
        { date: '8 Des', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' },
        ADMIN_KLINIK,
      ),
    ).rejects.toMatchObject({
      code: 'validation',
      // Named as the form labels it, never by an internal field id.
      fields: [{ field: 'date', message: 'Tanggal harus berbentuk tahun-bulan-tanggal, contoh: 2026-12-08.' }],
    });
    await expect(
      createSession(world.deps, { date: '2026-12-08', time: '9', topic: 'Lain', capacity: '0' }, ADMIN_KLINIK),
    ).rejects.toMatchObject({
      fields: [
        { field: 'time', message: 'Jam mulai harus berbentuk jam:menit, contoh: 09:00.' },
        { field: 'topic', message: 'Pilih topik sesi.' },
        { field: 'konsultanId', message: 'Pilih konsultan.' },
        { field: 'capacity', message: 'Kapasitas sedikitnya 1 orang.' },
      ],
    });
    await expect(
      createSession(
        world.deps,
        { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'fungsional', capacity: '2' },
        ADMIN_KLINIK,
      ),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'konsultanId' })] });
    const s = await createSession(
      world.deps,
      { date: '2026-12-08', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' },
      ADMIN_KLINIK,
    );
    expect(s).toMatchObject({ konsultanName: 'Konsultan Klinik KUKM (demo)', capacity: 2, booked: [] });
  });

  it('books qualified applicants into a session, never over capacity, and tells each their session', async () => {
    const s = await createSession(
      world.deps,
      { date: '2026-12-09', time: '13:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '2' },
      ADMIN_KLINIK,
    );
    const cases = await Promise.all(['a', 'b', 'c'].map((x) => waiting(`${x}@example.com`)));
    const results = await Promise.allSettled(
      cases.map((c) =>
        world.deps.cases.act(c.id, { event: 'jadwalkan', data: { sessionId: s.id }, actor: ADMIN_KLINIK }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'invalid_transition', fields: [expect.objectContaining({ field: 'sessionId' })] },
    });
    const [stored] = (await world.deps.klinik.month('2026-12')).filter((x) => x.id === s.id);
    expect(stored!.booked).toHaveLength(2);
    const scheduled = await Promise.all(cases.map((c) => world.deps.cases.get(c.id)));
    expect(scheduled.filter((c) => c.state === 'pelaksanaan')).toHaveLength(2);
    expect(scheduled.filter((c) => c.state === 'penjadwalan')).toHaveLength(1);
    const told = world.catcher.mail.filter((m) =>
      m.text.includes('Jadwal Klinik KUKM: Rabu, 9 Desember 2026 pukul 13.00 WIB, topik Pemasaran'),
    );
    expect(told.map((m) => m.to[0]).sort()).toEqual(
      scheduled
        .filter((c) => c.state === 'pelaksanaan')
        .map((c) => c.applicant.email)
        .sort(),
    );
    expect(klinikEvaluation([stored!])).toMatchObject({ sessions: 1, capacity: 2, booked: 2, fillRate: 100 });
  });

  it('takes no seat when the scheduling step cannot be stored (one transaction)', async () => {
    const s = await createSession(
      world.deps,
      { date: '2026-12-10', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '5' },
      ADMIN_KLINIK,
    );
    const c = await waiting('d@example.com');
    await expect(
      world.deps.cases.act(c.id, {
        event: 'jadwalkan',
        data: { sessionId: s.id },
        actor: ADMIN_KLINIK,
        expectedVersion: c.version - 1,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await world.deps.klinik.month('2026-12')).find((x) => x.id === s.id)!.booked).toEqual([]);
    const html = await (await world.app.request('/klinik')).text();
    expect(html).toContain('Sisa 5 kursi');
    expect(html).not.toContain('d@example.com');
  });

  it('takes the seat whichever door the step comes through: the JSON API refuses a scheduling step without a bookable session (422, sessionId)', async () => {
    const s = await createSession(
      world.deps,
      { date: '2026-12-11', time: '09:00', topic: 'Pemasaran', konsultanId: 'konsultan', capacity: '1' },
      ADMIN_KLINIK,
    );
    const other = await createSession(
      world.deps,
      { date: '2026-12-11', time: '13:00', topic: 'Permodalan', konsultanId: 'konsultan', capacity: '5' },
      ADMIN_KLINIK,
    );
    const c = await waiting('e@example.com');
    for (const data of [undefined, { sessionId: 'nope' }, { sessionId: other.id }]) {
      const res = await api(`/api/cases/${c.id}/transitions`, {
        event: 'jadwalkan',
        note: 'lewat API',
        ...(data ? { data } : {}),
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error.fields).toEqual([expect.objectContaining({ field: 'sessionId' })]);
    }
    expect((await world.deps.cases.get(c.id)).state).toBe('penjadwalan');
    const ok = await api(`/api/cases/${c.id}/transitions`, { event: 'jadwalkan', data: { sessionId: s.id } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).state.id).toBe('pelaksanaan');
    expect((await world.deps.klinik.month('2026-12')).find((x) => x.id === s.id)!.booked).toEqual([c.id]);
    const late = await waiting('f@example.com');
    const full = await api(`/api/cases/${late.id}/transitions`, { event: 'jadwalkan', data: { sessionId: s.id } });
    expect(full.status).toBe(422);
    expect((await world.deps.klinik.month('2026-12')).find((x) => x.id === s.id)!.booked).toEqual([c.id]);
  });

  it('marks the chosen requirements with a revision request in the same change, through the JSON API as in the console', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'klinik-kukm',
      channel: 'walk_in',
      applicant: { name: 'Budi', email: 'g@example.com' },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
      answers: { nama_pemohon: ['Budi'], kebutuhan: ['Pemasaran'] },
    });
    const none = await api(`/api/cases/${record.id}/transitions`, {
      event: 'minta_perbaikan',
      note: 'Lampirkan data identifikasi.',
    });
    expect(none.status).toBe(400);
    expect((await none.json()).error.fields).toEqual([expect.objectContaining({ field: 'requirements' })]);
    const res = await api(`/api/cases/${record.id}/transitions`, {
      event: 'minta_perbaikan',
      note: 'Lampirkan data identifikasi.',
      data: { requirements: 'identifikasi_kukm' },
    });
    expect(res.status).toBe(200);
    const after = await world.deps.cases.get(record.id);
    expect(after.version).toBe(record.version + 1);
    expect(after.checklist.identifikasi_kukm).toMatchObject({
      status: 'invalid',
      // what the intake found stays beside the officer's note
      issues: [
        'Nama KUKM/usaha belum diisi.',
        'Profil usaha dan permasalahan yang dihadapi belum diisi.',
        'Lampirkan data identifikasi.',
      ],
      checkedBy: ADMIN_KLINIK.id,
    });
    const mail = world.catcher.mail.find(
      (m) => m.to[0] === 'g@example.com' && m.text.includes('Lampirkan data identifikasi.'),
    );
    expect(mail?.text).toContain('Daftar lampiran data hasil identifikasi');
  });
});
