import { describe, expect, it } from 'vitest';
import { issueStaffToken } from '../../functions/api/auth';
import { deliverOutbox } from '../../functions/mail/dispatch';
import { manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, env: { LOKET_PUBLIC_URL: 'https://loket.example.go.id' }, mail: true });

const open = (email: string, answers: Record<string, string[]> = { nik: ['3514014107900001'] }) =>
  world.deps.cases.open({
    serviceId: 'rekomendasi-bbm',
    channel: 'google_form',
    applicant: { name: 'Siti Aminah', email },
    answers,
    receivedAt: clock.now(),
    actorId: 'google-forms',
  });
const caught = (to: string) => world.catcher.mail.filter((m) => m.to.includes(to));

describe('applicant mail through the outbox', () => {
  it('sends a receipt in Indonesian with tracking number, service, what is missing, expected date and status link, and no NIK', async () => {
    const { record } = await open('siti@example.com');
    const [mail, ...more] = caught('siti@example.com');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(
      `Permohonan diterima: ${record.trackingNumber} (Penerbitan Rekomendasi Penggunaan BBM Bersubsidi)`,
    );
    expect(mail!.text).toContain(`Nomor registrasi  : ${record.trackingNumber}`);
    expect(mail!.text).toContain('Perkiraan selesai : Rabu, 25 November 2026 pukul 11.00 WIB');
    expect(mail!.text).toContain(
      '- KK — Nomor Kartu Keluarga (16 digit) belum diisi. Scan Kartu Keluarga belum diisi.\n',
    );
    expect(mail!.text).toMatch(/Yang masih perlu dilengkapi[\s\S]*Perbaiki dengan mengedit jawaban formulir Anda/);
    expect(mail!.text).toContain(`https://loket.example.go.id/status/${record.trackingNumber}`);
    expect(mail!.text).not.toContain('3514014107900001');
    expect(mail!.text).not.toContain('Siti');
    expect(mail!.loketId).toBe(`receipt-${record.id}`);
    expect(await world.deps.outbox.get(`receipt-${record.id}`)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('tells the applicant what to fix when an officer asks for a revision', async () => {
    const { record } = await open('budi@example.com');
    await world.deps.cases.act(record.id, {
      event: 'minta_perbaikan',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
      note: 'Foto tempat usaha buram, mohon unggah ulang.',
      data: { requirements: 'foto_usaha' },
    });
    const update = caught('budi@example.com').find((m) => m.subject.startsWith('Perlu perbaikan'));
    // The requirements in the standard's order, then the officer's words once.
    expect(update?.text).toMatch(
      /Yang perlu diperbaiki:\n- Fotokopi KTP — [^\n]+\n- KK — [\s\S]*- Foto Usaha — Foto usaha belum diisi\.\n\nCatatan petugas:\nFoto tempat usaha buram, mohon unggah ulang\.\n/,
    );
    expect(update?.text.split('Foto tempat usaha buram')).toHaveLength(2);
    expect(update?.text).toContain('Batas waktu layanan berhenti sementara');
  });

  it('retries a temporary SMTP failure with backoff and sends the message exactly once', async () => {
    world.catcher.failNext(2);
    const { record } = await open('retry@example.com');
    const id = `receipt-${record.id}`;
    expect(await world.deps.outbox.get(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 0 }); // not due yet: backoff is 1 minute
    clock.advance(60_000);
    expect(await deliverOutbox(world.deps)).toMatchObject({ retrying: 1 });
    clock.advance(5 * 60_000);
    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 1 });
    expect(await world.deps.outbox.get(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(caught('retry@example.com')).toHaveLength(1);
  });

  it('lets only one of two concurrent drains send a message', async () => {
    world.catcher.failNext(1);
    const { record } = await open('race@example.com');
    clock.advance(60_000);
    const reports = await Promise.all([
      deliverOutbox(world.deps),
      deliverOutbox(world.deps),
      deliverOutbox(world.deps),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(caught('race@example.com')).toHaveLength(1);
    expect(await world.deps.outbox.get(`receipt-${record.id}`)).toMatchObject({ status: 'sent' });
  });

  it('gives up on a refused address at once and reports it to the administrators with the address masked', async () => {
    world.catcher.reject('nobody@example.com');
    const { record } = await open('nobody@example.com');
    const entry = await world.deps.outbox.get(`receipt-${record.id}`);
    expect(entry).toMatchObject({ status: 'failed', attempts: 1 });
    expect(entry!.lastError).toMatch(/550/);
    expect((await world.deps.outbox.listFailed(10)).map((e) => e.id)).toContain(`receipt-${record.id}`);
    const report = caught('admin@demo.loket.local').find((m) => m.subject.startsWith('Email gagal terkirim'));
    expect(report?.text).toContain('n•••@example.com');
    expect(report?.text).not.toContain('nobody@example.com');
    clock.advance(24 * 3600_000);
    expect(await deliverOutbox(world.deps)).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0, dropped: 0 });
  });

  it('lists failed mail for administrators only, addresses masked, and sends it again on request', async () => {
    const auth = (id: string) => ({
      authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, id, clock.now())}`,
    });
    expect((await world.app.request('/api/admin/mail/failed', { headers: auth('fungsional') })).status).toBe(403);
    const { messages } = await (await world.app.request('/api/admin/mail/failed', { headers: auth('admin') })).json();
    const failed = messages.find((m: { to: string[] }) => m.to[0] === 'n•••@example.com');
    expect(failed).toMatchObject({ kind: 'receipt', attempts: 1, lastError: expect.stringContaining('550') });
    world.catcher.allow('nobody@example.com');
    const retry = await world.app.request(`/api/admin/mail/${failed.id}/retry`, {
      method: 'POST',
      headers: auth('admin'),
    });
    expect(await retry.json()).toEqual({ id: failed.id, status: 'sent' });
    expect(caught('nobody@example.com')).toHaveLength(1);
    expect(
      (await world.app.request(`/api/admin/mail/${failed.id}/retry`, { method: 'POST', headers: auth('admin') }))
        .status,
    ).toBe(404);
  });

  it('never queues the same notice twice', async () => {
    const { record } = await open('once@example.com');
    expect(
      await world.deps.outbox.enqueue(
        [{ id: `receipt-${record.id}`, kind: 'receipt', to: ['once@example.com'], subject: 'x', text: 'x' }],
        clock.now(),
      ),
    ).toEqual([]);
    expect(caught('once@example.com')).toHaveLength(1);
  });
});

describe('officers hear about their work', () => {
  it('tells an officer a case was assigned to them, and the Sub Koordinator that a konsultasi was escalated to them', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'Andi' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    await world.deps.cases.assign(record.id, {
      assigneeId: 'fungsional',
      actor: { id: 'kadis', roles: ['kepala_dinas'] },
    });
    const assigned = caught('fungsional@demo.loket.local').filter((m) => m.subject.includes(record.trackingNumber));
    expect(assigned.map((m) => m.subject)).toEqual([
      `[Berkas didisposisikan kepada Anda] ${record.trackingNumber} – Konsultasi`,
    ]);
    expect(assigned[0]!.text).toContain(`https://loket.example.go.id/konsol/berkas/${record.id}`);
    expect(assigned[0]!.text).not.toContain('Andi');
    await world.deps.cases.act(record.id, {
      event: 'eskalasi',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
    });
    const escalated = caught('subkoor@demo.loket.local').filter((m) => m.subject.includes(record.trackingNumber));
    expect(escalated.map((m) => m.subject)).toEqual([
      `[Berkas diteruskan kepada Anda] ${record.trackingNumber} – Konsultasi`,
    ]);
    // The officer who passed it on is not told about their own action.
    expect(caught('fungsional@demo.loket.local').filter((m) => m.subject.includes(record.trackingNumber))).toHaveLength(
      1,
    );
  });
});
