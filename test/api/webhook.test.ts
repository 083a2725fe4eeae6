import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { toWibIso } from '@loket/core';
import { signBody } from '../../functions/intake/signature';
import { manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock });

/** A payload as the Apps Script builds it from a FormResponse (integrations/google-forms/Code.gs). */
const payload = (
  responseId: string,
  submittedAt = '2026-11-25T09:10:00.394+07:00',
  extra: Record<string, unknown> = {},
) => ({
  formId: 'demo-rekomendasi-bbm',
  responseId,
  submittedAt,
  respondentEmail: 'siti@example.com',
  answers: [
    { questionId: '1a', title: 'NIK (16 digit)', type: 'TEXT', values: ['3514014107900001'] },
    {
      questionId: '1b',
      title: 'Fotokopi/scan KTP',
      type: 'FILE_UPLOAD',
      values: ['drive-ktp'],
      files: [{ fileId: 'drive-ktp', fileName: 'KTP - Siti.jpg', mimeType: 'image/jpeg' }],
    },
    { questionId: '2a', title: 'Nomor Kartu Keluarga (16 digit)', type: 'TEXT', values: ['12345'] },
    { questionId: '3', title: 'Nomor telepon/HP', type: 'TEXT', values: ['+62 812-3456-7890'] },
    { questionId: '4', title: 'Nama usaha', type: 'TEXT', values: ['Warung Siti'] },
    { questionId: '9', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Siti Aminah'] },
    { questionId: '99', title: 'Pertanyaan lain', type: 'TEXT', values: ['x'] },
  ],
  ...extra,
});

const send = (body: string, opts: { ts?: string; sig?: string; secret?: string } = {}) => {
  const ts = opts.ts ?? String(Math.floor(clock.now() / 1000));
  return world.app.request('/webhooks/google-forms', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-loket-timestamp': ts,
      'x-loket-signature': opts.sig ?? signBody(opts.secret ?? world.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, body),
    },
    body,
  });
};
const countCases = async () => (await world.deps.repo.listOpen()).length;

describe('POST /webhooks/google-forms', () => {
  it('turns a signed response into a case with its raw archive; the clock starts at submittedAt', async () => {
    const res = await send(JSON.stringify(payload('resp-1')));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['caseId', 'trackingNumber', 'status']);
    expect(body.status).toBe('kualifikasi_pemohon');
    const c = await world.deps.cases.get(body.caseId);
    expect(toWibIso(c.clock.receivedAt)).toBe('2026-11-25T09:10:00.394+07:00');
    expect(toWibIso(c.clock.dueAt!)).toBe('2026-11-25T10:10:00.394+07:00');
    expect(c.applicant).toEqual({ name: 'Siti Aminah', email: 'siti@example.com', phone: '081234567890' });
    expect(c.attachments).toEqual([
      expect.objectContaining({ sourceId: 'drive-ktp', fileName: 'KTP - Siti.jpg', status: 'pending' }),
    ]);
    // A content problem is a checklist item, not a rejection.
    expect(c.checklist.kk!.status).toBe('missing');
    expect(c.checklist.kk!.issues).toContain(
      'Nomor Kartu Keluarga (16 digit): nomor KK harus 16 digit; yang diisi 5 digit. Periksa kembali sesuai Kartu Keluarga.',
    );
    expect(c.checklist.nama_usaha ?? c.checklist.sku).toMatchObject({ status: 'missing' });
    expect(c.checklist.foto_usaha).toMatchObject({ status: 'missing' });
    // The raw body was stored with the case, in its transaction, under its content-addressed key.
    const sent = JSON.stringify(payload('resp-1'));
    const key = `raw/google-forms/2026-11-25/${createHash('sha256').update(sent).digest('hex')}.json`;
    expect(await world.deps.repo.getRaw(key)).toBe(sent);
  });

  it('gives one case for the same responseId sent three times at once', async () => {
    const body = JSON.stringify(payload('resp-concurrent'));
    const responses = await Promise.all([send(body), send(body), send(body)]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).caseId)));
    expect(ids.size).toBe(1);
  });

  it('answers a repeat with 200 and the same body, and records an edited response as a resubmission', async () => {
    const first = await (await send(JSON.stringify(payload('resp-edit')))).json();
    const again = await send(JSON.stringify(payload('resp-edit', '2026-11-25T09:10:00.394000+07:00')));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    const fixed = payload('resp-edit', '2026-11-25T09:20:00+07:00');
    (fixed.answers[2] as { values: string[] }).values = ['3514010101090002'];
    fixed.answers.push({
      questionId: '2b',
      title: 'Scan Kartu Keluarga',
      type: 'FILE_UPLOAD',
      values: ['drive-kk'],
      files: [{ fileId: 'drive-kk', fileName: 'KK.pdf', mimeType: 'application/pdf' }],
    });
    const edited = await send(JSON.stringify(fixed));
    expect(edited.status).toBe(200);
    const c = await world.deps.cases.get(first.caseId);
    expect(c.checklist.kk!.status).toBe('pending');
    expect(toWibIso(c.clock.receivedAt)).toBe('2026-11-25T09:10:00.394+07:00');
    expect((await world.deps.cases.events(first.caseId)).map((e) => e.type)).toEqual(['created', 'resubmitted']);
  });

  it('refuses missing, stale, forged and replayed-with-other-body signatures with 401', async () => {
    const body = JSON.stringify(payload('resp-sig'));
    const ts = String(Math.floor(clock.now() / 1000));
    const cases = [
      await world.app.request('/webhooks/google-forms', { method: 'POST', body }),
      await send(body, { ts: String(Number(ts) - 301) }),
      await send(body, { secret: 'another-secret-of-enough-length' }),
      await send(JSON.stringify(payload('resp-sig-2')), {
        ts,
        sig: signBody(world.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, body),
      }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    expect(await world.deps.repo.getByExternalKey({ kind: 'google_form', id: 'resp-sig' })).toBeUndefined();
  });

  it("keeps every body it answers: a new case's in its own transaction, any other in the bucket first (503 if it cannot)", async () => {
    const rawKeys = async () =>
      (
        (
          await (
            await world.deps.files.client()
          ).send(new ListObjectsV2Command({ Bucket: world.deps.config.LOKET_BUCKET, Prefix: 'raw/google-forms/' }))
        ).Contents ?? []
      ).map((o) => o.Key);
    const body = JSON.stringify(payload('resp-archive'));
    const put = world.deps.files.put;
    const before = await rawKeys();
    world.deps.files.put = async () => {
      throw new Error('bucket unreachable');
    };
    try {
      // A new case does not need the bucket: its bytes are in the case's transaction.
      expect((await send(body)).status).toBe(201);
      // A refusal does: without the bucket its bytes cannot be kept, so the sender is told to retry.
      expect((await send(JSON.stringify({ formId: 'demo-konsultasi', answers: 'tidak' }))).status).toBe(503);
    } finally {
      world.deps.files.put = put;
    }
    expect(await rawKeys()).toEqual(before);
    expect((await send(JSON.stringify({ formId: 'demo-konsultasi', answers: 'tidak' }))).status).toBe(400);
    expect((await send(body)).status).toBe(200); // a repeat: kept in the bucket before the answer
    expect((await rawKeys()).length).toBe(before.length + 2);
  });

  it('keeps a body too large for a table item in the bucket, written side by side with its case', async () => {
    const big = payload('resp-big');
    big.answers.push({
      questionId: '98',
      title: 'Lampiran teks',
      type: 'PARAGRAPH_TEXT',
      values: Array.from({ length: 16 }, () => 'x'.repeat(20_000)),
    });
    const body = JSON.stringify(big);
    expect(Buffer.byteLength(body)).toBeGreaterThan(300 * 1024);
    const res = await send(body);
    expect(res.status).toBe(201);
    const key = `raw/google-forms/2026-11-25/${createHash('sha256').update(body).digest('hex')}.json`;
    expect(await world.deps.repo.getRaw(key)).toBeUndefined();
    const stored = await (
      await world.deps.files.client()
    ).send(new GetObjectCommand({ Bucket: world.deps.config.LOKET_BUCKET, Key: key }));
    expect(await stored.Body!.transformToString()).toBe(body);
  });

  it('answers 404 for an unmapped form, 400 for a malformed body, 413 above 1 MiB', async () => {
    const unmapped = await send(JSON.stringify({ ...payload('resp-x'), formId: 'unknown-form' }));
    expect(unmapped.status).toBe(404);
    const bad = await send(JSON.stringify({ formId: 'demo-konsultasi', answers: 'no' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['responseId', 'submittedAt', 'answers']),
    );
    const huge = await send(JSON.stringify({ ...payload('resp-huge'), pad: 'x'.repeat(1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it('survives 1,000 generated hostile bodies with no 5xx and no case written', async () => {
    const before = await countCases();
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const junk = [null, 1, -1, 1e308, '', 'x'.repeat(30_000), [], {}, true, '\u0000', '𝕏'.repeat(100), { $gt: '' }];
    const bodies: Array<{ body: string | Uint8Array; signed: boolean }> = [];
    for (let i = 0; i < 1000; i++) {
      const base: Record<string, unknown> = payload(`hostile-${i}`);
      const kind = i % 5;
      if (kind === 0) base[pick(['formId', 'responseId', 'submittedAt', 'answers'])] = pick(junk);
      if (kind === 1) delete base[pick(['formId', 'responseId', 'submittedAt', 'answers'])];
      if (kind === 2) base.answers = [{ questionId: pick(junk), title: pick(junk), type: 'TEXT', values: pick(junk) }];
      if (kind === 3) base.submittedAt = pick(['yesterday', '2026-13-01T00:00:00Z', '2026-11-25T09:10:00', 42]);
      const text = kind === 4 ? JSON.stringify(base).slice(0, Math.floor(rnd() * 200)) : JSON.stringify(base);
      bodies.push({ body: i % 97 === 0 ? new Uint8Array([0xff, 0xfe, 0x7b]) : text, signed: i % 7 !== 0 });
    }
    const statuses = new Map<number, number>();
    for (const { body, signed } of bodies) {
      const ts = String(Math.floor(clock.now() / 1000));
      const text = typeof body === 'string' ? body : Buffer.from(body).toString('latin1');
      const res = await world.app.request('/webhooks/google-forms', {
        method: 'POST',
        headers: {
          'x-loket-timestamp': ts,
          'x-loket-signature': signed ? signBody(world.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, text) : 'sha256=00',
        },
        body: body as BodyInit,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, text.slice(0, 200)).toBeLessThan(500);
      const out = await res.json();
      expect(out.error?.code ?? out.status, text.slice(0, 200)).toMatch(
        /^(validation|unauthorized|not_found|ignored)$/,
      );
    }
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(401)).toBeGreaterThan(100);
    expect(await countCases()).toBe(before);
  }, 120_000);
});
