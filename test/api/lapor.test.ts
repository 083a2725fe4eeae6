import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findService, startClock } from '@loket/core';
import { deliverOutbox } from '../../functions/mail/dispatch';
import { registerByHand, registerFromLapor } from '../../functions/lapor/register';
import { syncLapor } from '../../functions/lapor/sync';
import { manualClock, useTestWorld } from '../helpers/deps';
import {
  type Fault,
  LAPOR_AUTH,
  LAPOR_TOKEN,
  laporTime,
  type LaporServer,
  startLaporServer,
} from '../helpers/lapor-server';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const OFFICER = { id: 'pengaduan', roles: ['petugas_pengaduan' as const] };
const env: Record<string, string> = {};
let lapor: LaporServer;
beforeAll(async () => {
  lapor = await startLaporServer({ timeoutDelayMs: 1000 });
  Object.assign(env, {
    LAPOR_API_BASE_URL: lapor.url,
    LAPOR_API_AUTH: LAPOR_AUTH,
    LAPOR_API_TOKEN: LAPOR_TOKEN,
    LAPOR_USER_ID: '77',
    LAPOR_INSTITUTION_ID: '1234',
    LAPOR_TIMEOUT_MS: '300',
    LAPOR_INBOX_PATH: '/complaints/inbox',
  });
});
afterAll(() => lapor.close());
const world = useTestWorld({ time: clock, env, mail: true });

/** A complaint as LAPOR! holds it: filed Monday, disposed to the Dinas Tuesday 09:15 WIB. */
const complaint = (id: string, extra: Record<string, unknown> = {}) =>
  lapor.put(
    id,
    {
      id,
      title: 'Pelayanan klinik KUKM tidak sesuai jadwal',
      content: 'Saya datang sesuai jadwal tetapi konsultan tidak hadir dan tidak ada pemberitahuan.',
      category: { name: 'Koperasi dan UKM' },
      status_code: '1',
      status_name: 'Belum ditindaklanjuti',
      created_at: laporTime('2026-11-23T08:00:00+07:00'),
      user: { name: 'Rahmat Hidayat', phone: '081234567890' },
      is_secret: 0,
      is_anonymous: 0,
      attachments: [{ url: `${lapor.url}/files/foto-loket.pdf`, name: 'foto-loket.pdf' }],
      ...extra,
    },
    [
      {
        status_old: { name: 'Belum diverifikasi' },
        status_new: { name: 'Belum ditindaklanjuti', code: '1' },
        created_at: laporTime('2026-11-24T09:15:00+07:00'),
      },
    ],
  );

describe('SP4N-LAPOR! complaints in', () => {
  it('makes a pengaduan case that is workable at once, its deadline counted from the disposition', async () => {
    complaint('5001');
    const r = await registerFromLapor(world.deps, '5001');
    expect(r).toMatchObject({ complaintId: '5001', created: true });
    const c = await world.deps.cases.get(r.caseId);
    expect(c).toMatchObject({
      serviceId: 'pengaduan',
      channel: 'sp4n_lapor',
      confidential: false,
      applicant: { name: 'Rahmat Hidayat' },
    });
    expect(c.lapor).toMatchObject({
      complaintId: '5001',
      mode: 'api',
      status: { code: '1', known: true },
      dispositionAt: Date.parse('2026-11-24T09:15:00+07:00'),
    });
    const calendar = await world.deps.cases.calendar();
    const service = findService('pengaduan')!;
    expect(c.clock.receivedAt).toBe(Date.parse('2026-11-24T09:15:00+07:00'));
    expect(c.clock.dueAt).toBe(startClock(service.sla, calendar, Date.parse('2026-11-24T09:15:00+07:00')).dueAt);
    expect(c.clock.dueAt).not.toBe(startClock(service.sla, calendar, Date.parse('2026-11-23T08:00:00+07:00')).dueAt);
    // The written complaint the standard asks for is the report itself; its attachment is copied.
    expect(c.checklist.pengaduan_tertulis).toMatchObject({ status: 'ok', checkedBy: 'sp4n-lapor' });
    expect(c.answers.uraian![0]).toContain('konsultan tidak hadir');
    expect(c.attachments).toMatchObject([{ origin: 'sp4n_lapor', status: 'stored', fieldId: 'surat_pengaduan' }]);
    const next = await world.deps.cases.act(c.id, { event: 'catat', actor: OFFICER });
    expect(next.record.state).toBe('konfirmasi');
  });

  it('gives one case per complaint, registered again or concurrently', async () => {
    complaint('5002');
    const results = await Promise.all(Array.from({ length: 6 }, () => registerFromLapor(world.deps, '5002')));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await registerFromLapor(world.deps, '5002')).toMatchObject({ caseId: results[0]!.caseId, created: false });
  });

  it('keeps a secret or anonymous reporter confidential', async () => {
    complaint('5003', { is_secret: 1 });
    complaint('5004', { is_anonymous: '1', user: {} });
    const secret = await world.deps.cases.get((await registerFromLapor(world.deps, '5003')).caseId);
    const anon = await world.deps.cases.get((await registerFromLapor(world.deps, '5004')).caseId);
    expect(secret).toMatchObject({ confidential: true, lapor: { isSecret: true } });
    expect(anon).toMatchObject({ confidential: true, applicant: { name: 'Pelapor anonim' } });
    expect(JSON.stringify(anon.applicant)).not.toContain('Rahmat');
  });

  it('survives a 5xx, a timeout and an HTML page before the JSON, and creates nothing on failure', async () => {
    complaint('5005');
    lapor.fail('/complaints/5005/complaint', '500');
    await expect(registerFromLapor(world.deps, '5005')).rejects.toThrow(/502/);
    lapor.fail('/complaints/5005/complaint', 'timeout');
    await expect(registerFromLapor(world.deps, '5005')).rejects.toThrow(/did not answer within 300 ms/);
    lapor.fail('/complaints/5005/complaint', 'malformed');
    await expect(registerFromLapor(world.deps, '5005')).rejects.toThrow(/not JSON/);
    expect(await world.deps.repo.getByExternalKey({ kind: 'sp4n_lapor', id: '5005' })).toBeUndefined();
    lapor.fail('/complaints/5005/complaint', 'html-prefix');
    expect(await registerFromLapor(world.deps, '5005')).toMatchObject({ created: true });
  });

  it('refuses a malformed complaint number before calling LAPOR!', async () => {
    const before = lapor.requests.length;
    await expect(registerFromLapor(world.deps, '../../x')).rejects.toMatchObject({ code: 'validation' });
    expect(lapor.requests.length).toBe(before);
  });
});

describe('the sync', () => {
  it('records status changes (unknown codes too) and each follow-up exactly once, finishing what a failed run left', async () => {
    complaint('6001');
    complaint('6002');
    complaint('6003');
    const ids = await Promise.all(
      ['6001', '6002', '6003'].map(async (id) => (await registerFromLapor(world.deps, id)).caseId),
    );
    lapor.setStatus('6001', '2', 'Proses');
    lapor.setStatus('6002', '99', 'Ditinjau ulang');
    const fu = {
      id: 'f-1',
      content: 'Mohon segera ditindaklanjuti, terima kasih.',
      created_at: laporTime('2026-11-25T08:00:00+07:00'),
      user: { name: 'Rahmat Hidayat' },
    };
    for (const id of ['6001', '6002', '6003']) lapor.addFollowup(id, fu);
    lapor.addFollowup('6003', fu); // LAPOR! lists the same follow-up twice
    lapor.fail('/complaints/6002/followups', 'timeout');

    const first = await syncLapor(world.deps);
    expect(first.failures).toMatchObject([{ caseId: ids[1], complaintId: '6002' }]);
    const second = await syncLapor(world.deps);
    expect(second.failures).toEqual([]);
    const third = await syncLapor(world.deps);
    expect(third).toMatchObject({ statusChanges: 0, followupsRecorded: 0, failures: [] });

    const [a, b, c] = await Promise.all(ids.map((id) => world.deps.cases.get(id)));
    expect(a!.lapor!.status).toMatchObject({ code: '2', name: 'Proses', known: true, stage: 'proses' });
    expect(b!.lapor!.status).toMatchObject({ code: '99', name: 'Ditinjau ulang', known: false });
    for (const id of ids) {
      const events = await world.deps.cases.events(id);
      expect(events.filter((e) => e.type === 'lapor_followup_in')).toHaveLength(1);
    }
    expect(c!.lapor!.followupIds).toEqual(['f-1']);
    const unknown = (await world.deps.cases.events(ids[1]!)).find((e) => e.type === 'lapor_status');
    expect(unknown?.note).toContain('kode 99 belum dikenal');
  });

  it('registers complaints from the configured inbox listing, idempotently', async () => {
    complaint('6100');
    const report = await syncLapor(world.deps);
    expect(report.discovered?.error).toBeUndefined();
    expect(report.discovered!.registered).toBeGreaterThanOrEqual(1);
    expect(await world.deps.repo.getByExternalKey({ kind: 'sp4n_lapor', id: '6100' })).toBeDefined();
    expect((await syncLapor(world.deps)).discovered!.registered).toBe(0);
  });
});

describe('follow-ups out through the outbox', () => {
  /** The answer is sent as it is given (this world sends inline, as the jobs do): a fault goes in first. */
  const answered = async (id: string, fault?: Fault) => {
    complaint(id);
    const { caseId } = await registerFromLapor(world.deps, id);
    await world.deps.cases.act(caseId, { event: 'catat', actor: OFFICER });
    await world.deps.cases.act(caseId, {
      event: 'selesai_di_tempat',
      actor: OFFICER,
      note: 'Konfirmasi ke konsultan.',
    });
    if (fault) lapor.fail('/complaints/followup/add', fault);
    const done = await world.deps.cases.act(caseId, {
      event: 'tanggapan_disampaikan',
      actor: OFFICER,
      note: `Jadwal klinik ${id} telah diperbaiki dan konsultan pengganti disiapkan.`,
    });
    return { caseId, messageId: done.mails![0]!.id };
  };

  it('posts the answer once, marks it posted only when LAPOR! accepted it, and does not read it back as new', async () => {
    const { caseId, messageId } = await answered('7001', '500');
    expect(await world.deps.outbox.get(messageId)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(lapor.posts.filter((p) => p.fields.complaint_id === '7001')).toHaveLength(0);
    clock.advance(2 * 60_000);
    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 1 });
    const post = lapor.posts.find((p) => p.fields.complaint_id === '7001')!;
    expect(post.fields).toMatchObject({
      user_id: '77',
      institution_from_id: '1234',
      is_secret: '0',
      content: expect.stringContaining('konsultan pengganti'),
    });
    expect((await world.deps.cases.get(caseId)).lapor!.awaiting).toEqual([]);
    await syncLapor(world.deps);
    const events = await world.deps.cases.events(caseId);
    expect(events.filter((e) => e.type === 'lapor_posted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'lapor_followup_in' && e.note)).toHaveLength(0);
  });

  it('does not post twice when LAPOR! took it but answered unreadably', async () => {
    const { messageId } = await answered('7002', 'unreadable-2xx');
    expect(await world.deps.outbox.get(messageId)).toMatchObject({ status: 'pending', attempts: 1 });
    clock.advance(2 * 60_000);
    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 1 });
    expect(lapor.posts.filter((p) => p.fields.complaint_id === '7002')).toHaveLength(1);
    expect(await world.deps.outbox.get(messageId)).toMatchObject({ status: 'sent' });
  });

  it('shows a refused post on the case and mails the administrators', async () => {
    const { caseId, messageId } = await answered('7003', 'refuse');
    expect(await world.deps.outbox.get(messageId)).toMatchObject({ status: 'failed' });
    const failed = (await world.deps.cases.events(caseId)).find((e) => e.type === 'lapor_post_failed');
    expect(failed?.note).toContain('Konten tidak boleh kosong');
    const mail = world.catcher.mail.find((m) => m.subject.startsWith('Tanggapan SP4N-LAPOR! gagal dikirim'));
    expect(mail?.text).toContain('7003');
  });

  it("forwards a complaint that is not the Dinas's with the reason and the agency", async () => {
    complaint('7004');
    const { caseId } = await registerFromLapor(world.deps, '7004');
    await world.deps.cases.act(caseId, {
      event: 'bukan_wewenang',
      actor: OFFICER,
      note: 'Terkait perizinan usaha, kewenangan DPMPTSP.',
      data: { institutionId: '5678' },
    });
    await deliverOutbox(world.deps);
    expect(lapor.rejects.find((r) => r.id === '7004')?.body).toEqual({
      is_request: 1,
      reason: '5678',
      reason_description: 'Terkait perizinan usaha, kewenangan DPMPTSP.',
      not_authority: 1,
    });
    expect((await world.deps.cases.get(caseId)).state).toBe('ditolak');
  });
});

describe('the manual channel', () => {
  it('makes the same case from what an officer typed and lists the answer to copy by hand', async () => {
    const r = await registerByHand(
      world.deps,
      {
        complaintId: 'M-8001',
        dispositionAt: Date.parse('2026-11-24T13:00:00+07:00'),
        title: 'Antrian panjang',
        content: 'Loket hanya satu petugas.',
        isSecret: true,
        isAnonymous: false,
        reporterName: 'Sri',
      },
      [{ name: 'bukti.pdf', mimeType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF') }],
      OFFICER,
    );
    const again = await registerByHand(
      world.deps,
      {
        complaintId: 'M-8001',
        dispositionAt: Date.parse('2026-11-24T13:00:00+07:00'),
        title: 'x',
        content: 'y',
        isSecret: false,
        isAnonymous: false,
      },
      [],
      OFFICER,
    );
    expect(again).toMatchObject({ caseId: r.caseId, created: false });
    let c = await world.deps.cases.get(r.caseId);
    expect(c).toMatchObject({
      confidential: true,
      lapor: { mode: 'manual' },
      attachments: [{ status: 'stored', origin: 'sp4n_lapor' }],
    });
    expect(c.clock.receivedAt).toBe(Date.parse('2026-11-24T13:00:00+07:00'));
    await world.deps.cases.act(c.id, { event: 'catat', actor: OFFICER });
    await world.deps.cases.act(c.id, { event: 'selesai_di_tempat', actor: OFFICER, note: 'Ditambah petugas.' });
    const done = await world.deps.cases.act(c.id, {
      event: 'tanggapan_disampaikan',
      actor: OFFICER,
      note: 'Loket kedua dibuka mulai Senin.',
    });
    expect(done.mails ?? []).toEqual([]);
    c = await world.deps.cases.get(c.id);
    expect(c.lapor!.toCopy).toMatchObject([{ content: 'Loket kedua dibuka mulai Senin.' }]);
    await expect(
      world.deps.cases.recordLaporCopied(c.id, {
        copyId: c.lapor!.toCopy[0]!.id,
        actor: { id: 'fungsional', roles: ['fungsional_umum'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await world.deps.cases.recordLaporCopied(c.id, { copyId: c.lapor!.toCopy[0]!.id, actor: OFFICER });
    expect((await world.deps.cases.get(c.id)).lapor!.toCopy).toEqual([]);
    expect((await world.deps.cases.events(c.id)).map((e) => e.type)).toContain('lapor_copied');
  });
});

describe('npx loket lapor', () => {
  it('registers by complaint id as JSON, once', async () => {
    complaint('9001');
    // The CLI finds a "running desk" through desk.json: a stub answering /health, with this file's table.
    const health = createServer((_q, s) => s.end('ok')).listen(0, '127.0.0.1');
    await new Promise((r) => health.once('listening', r));
    const dir = mkdtempSync(join(tmpdir(), 'loket-lapor-cli-'));
    writeFileSync(
      join(dir, 'desk.json'),
      JSON.stringify({
        url: `http://127.0.0.1:${(health.address() as AddressInfo).port}`,
        env: {
          ...inject('emulatorEnv'),
          LOKET_TABLE: world.deps.config.LOKET_TABLE,
          LOKET_BUCKET: world.deps.config.LOKET_BUCKET,
          ...env,
        },
      }),
    );
    const run = (...args: string[]) =>
      promisify(execFile)('node', ['bin/loket.mjs', 'lapor', ...args], {
        env: { ...process.env, LOKET_DATA_DIR: dir, LOKET_STAGE: 'local' },
      });
    try {
      const first = JSON.parse((await run('register', '9001')).stdout);
      const second = JSON.parse((await run('register', '9001')).stdout);
      expect(first).toMatchObject({ complaintId: '9001', created: true });
      expect(second).toEqual({ ...first, created: false });
      const sync = JSON.parse((await run('sync')).stdout);
      expect(sync.cases).toBeGreaterThan(0);
    } finally {
      health.close();
    }
  });
});
