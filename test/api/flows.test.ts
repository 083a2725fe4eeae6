import { describe, expect, it } from 'vitest';
import { manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock });
const SUBKOOR = { id: 'subkoor', roles: ['sub_koordinator' as const] };
const SEKRETARIAT = { id: 'sekdis', roles: ['sekretaris_dinas' as const] };

/** An internal sosialisasi request, drafted by the organising unit and verified. */
const verified = async () => {
  const { record } = await world.deps.cases.open({
    serviceId: 'sosialisasi',
    channel: 'internal',
    applicant: { name: 'Bidang Usaha Mikro' },
    receivedAt: clock.now(),
    actorId: 'subkoor',
    answers: Object.fromEntries(
      ['materi_kak', 'maksud_tujuan', 'waktu_tempat', 'narasumber', 'sarana_prasarana', 'nama_pemohon'].map((k) => [
        k,
        ['Diisi'],
      ]),
    ),
  });
  for (const requirementId of Object.keys(record.checklist))
    await world.deps.cases.checkRequirement(record.id, { requirementId, status: 'ok', actor: SUBKOOR });
  await world.deps.cases.act(record.id, { event: 'nota_terverifikasi', actor: SUBKOOR });
  return record;
};

describe('sosialisasi: approvals outside the Dinas', () => {
  it('records each outside approval with its date and the nota dinas number, checked', async () => {
    const c = await verified();
    await expect(world.deps.cases.act(c.id, { event: 'paraf', actor: SEKRETARIAT })).rejects.toMatchObject({
      code: 'validation',
      fields: [expect.objectContaining({ field: 'approvedOn' }), expect.objectContaining({ field: 'notaNumber' })],
    });
    await expect(
      world.deps.cases.act(c.id, {
        event: 'paraf',
        actor: SEKRETARIAT,
        data: { approvedOn: '2026-11-30', notaNumber: '005/1/424.085/2026' },
      }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'approvedOn' })] });
    await world.deps.cases.act(c.id, {
      event: 'paraf',
      actor: SEKRETARIAT,
      data: { approvedOn: '2026-11-25', notaNumber: '005/1/424.085/2026' },
    });
    const done = await world.deps.cases.act(c.id, {
      event: 'disetujui_sekda',
      actor: SEKRETARIAT,
      data: { approvedOn: '2026-11-25', notaNumber: '005/1/424.085/2026' },
    });
    expect(done.record.state).toBe('persiapan');
    const events = await world.deps.cases.events(c.id);
    expect(events.filter((e) => e.event === 'paraf' || e.event === 'disetujui_sekda').map((e) => e.data)).toEqual([
      { approvedOn: '2026-11-25', notaNumber: '005/1/424.085/2026' },
      { approvedOn: '2026-11-25', notaNumber: '005/1/424.085/2026' },
    ]);
  });

  it("is resubmitted and withdrawn by the organising unit's officers, not by the front desk", async () => {
    const c = await verified();
    await expect(
      world.deps.cases.act(c.id, {
        event: 'batalkan',
        actor: { id: 'frontdesk', roles: ['petugas_layanan'] },
        note: 'Batal.',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const withdrawn = await world.deps.cases.act(c.id, {
      event: 'batalkan',
      actor: SUBKOOR,
      note: 'Kegiatan digabung dengan bimtek bulan depan.',
    });
    expect(withdrawn.record.state).toBe('dibatalkan');
  });
});
