import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentKey } from '@loket/core';
import { consoleCookie, manualClock, useTestWorld, walkIn } from '../helpers/deps';

/**
 * A walk-in or letter request has no upload of its own: the officer of the step attaches the scan of
 * each paper document, which the same checks as a form upload guard (type by its bytes, size).
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const jpeg = (n = 20_000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(n)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const attach = async (cookie: string, caseId: string, fieldId: string, file: Buffer, name = 'ktp.jpg') => {
  const c = await world.deps.cases.get(caseId);
  const body = new FormData();
  body.set('fieldId', fieldId);
  body.set('expectedVersion', String(c.version));
  body.set('file', new File([new Uint8Array(file)], name, { type: 'image/jpeg' }));
  return world.app.request(`/konsol/berkas/${caseId}/lampiran`, {
    method: 'POST',
    headers: { origin: 'http://localhost', cookie },
    body,
  });
};

describe("an officer attaches a paper document's scan", () => {
  it('stores it under the case, makes it the answer to check, and logs who attached it', async () => {
    // The NIK was typed at the desk; the KTP itself is on paper.
    const record = await walkIn(world.deps, 'rekomendasi-bbm', { answers: { nik: ['3514014107900001'] } });
    expect(record.checklist.ktp?.status).toBe('missing');
    const cookie = await consoleCookie(world.app, 'fungsional');
    const scan = jpeg();
    const res = await attach(cookie, record.id, 'ktp', scan);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('pesan=lampiran');

    const after = await world.deps.cases.get(record.id);
    expect(after.checklist.ktp?.status).toBe('pending');
    expect(after.attachments).toEqual([
      expect.objectContaining({
        fieldId: 'ktp',
        status: 'stored',
        origin: 'desk',
        sha256: sha(scan),
        size: scan.length,
      }),
    ]);
    expect(await world.deps.files.exists(documentKey(record.id, 'ktp', sha(scan)))).toBe(true);
    const events = await world.deps.cases.events(record.id);
    expect(events.at(-1)).toMatchObject({ type: 'attachment_stored', actorId: 'fungsional' });
    const page = await (await world.app.request(`/konsol/berkas/${record.id}`, { headers: { cookie } })).text();
    expect(page).toContain('Scan &quot;');
    // Once stored, the requirement can be declared in order like a form upload.
    await world.deps.cases.checkRequirement(record.id, {
      requirementId: 'ktp',
      status: 'ok',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
    });
    expect((await world.deps.cases.get(record.id)).checklist.ktp?.status).toBe('ok');
  });

  it('refuses a file that is not what the field takes, too large, or attached twice, and stores nothing', async () => {
    const record = await walkIn(world.deps, 'rekomendasi-bbm');
    const cookie = await consoleCookie(world.app, 'fungsional');
    const text = Buffer.from('bukan gambar '.repeat(100));
    const wrong = await attach(cookie, record.id, 'ktp', text, 'ktp.jpg');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('jenis berkas tidak diterima');
    expect(await world.deps.files.exists(documentKey(record.id, 'ktp', sha(text)))).toBe(false);

    const big = jpeg(4.1 * 1024 * 1024);
    const large = await attach(cookie, record.id, 'ktp', big);
    expect(large.status).toBe(400);
    expect(await large.text()).toMatch(/terlalu besar \(4,1 MB\); maksimal 4 MB/);
    expect(await world.deps.files.exists(documentKey(record.id, 'ktp', sha(big)))).toBe(false);

    const scan = jpeg();
    expect((await attach(cookie, record.id, 'ktp', scan)).status).toBe(303);
    const again = await attach(cookie, record.id, 'ktp', scan);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('sudah terlampir');
    expect((await world.deps.cases.get(record.id)).attachments).toHaveLength(1);
  });

  it("is the step's officers' work only: the front desk is refused and nothing is stored", async () => {
    const record = await walkIn(world.deps, 'rekomendasi-bbm');
    const scan = jpeg();
    const res = await attach(await consoleCookie(world.app, 'pengaduan'), record.id, 'ktp', scan);
    expect(res.status).toBe(403);
    expect(await world.deps.files.exists(documentKey(record.id, 'ktp', sha(scan)))).toBe(false);
    expect((await world.deps.cases.get(record.id)).attachments).toEqual([]);
  });
});
