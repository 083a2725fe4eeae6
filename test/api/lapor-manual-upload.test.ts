import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { registerByHand } from '../../functions/lapor/register';
import { consoleCookie, manualClock, useTestWorld } from '../helpers/deps';

/**
 * #20 (4, 5): the manual SP4N-LAPOR! registration is bounded before it is read, and it stores files
 * only together with a case: a refusal or a failure leaves nothing in the bucket.
 */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock });
const OFFICER = { id: 'pengaduan', roles: ['petugas_pengaduan' as const] };
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF');

const bucketKeys = async () => {
  const s3 = await world.deps.files.client();
  const r = await s3.send(new ListObjectsV2Command({ Bucket: world.deps.config.LOKET_BUCKET }));
  return (r.Contents ?? []).map((o) => o.Key!).sort();
};

const manualForm = (complaintId: string, files: File[]) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    complaintId,
    dispositionDate: '2026-11-24',
    dispositionTime: '09:00',
    title: 'Antrian panjang',
    content: 'Loket hanya satu petugas.',
  }))
    form.append(k, v);
  for (const f of files) form.append('files', f);
  return form;
};

const post = async (body: BodyInit, headers: Record<string, string> = {}) =>
  world.app.request('/konsol/lapor/baru?cara=manual', {
    method: 'POST',
    headers: {
      origin: 'http://localhost',
      accept: 'text/html',
      cookie: await consoleCookie(world.app, 'pengaduan'),
      ...headers,
    },
    body,
    // A streamed body (no Content-Length) needs this in Node's fetch.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

const input = (complaintId: string) => ({
  complaintId,
  dispositionAt: Date.parse('2026-11-24T13:00:00+07:00'),
  title: 'Antrian panjang',
  content: 'Loket hanya satu petugas.',
  isSecret: false,
  isAnonymous: false,
});

describe('the manual SP4N-LAPOR! upload', () => {
  it('takes up to 10 files and refuses an 11th before reading any, storing nothing', async () => {
    const before = await bucketKeys();
    const eleven = Array.from({ length: 11 }, (_, i) => new File([PDF], `bukti-${i}.pdf`, { type: 'application/pdf' }));
    const res = await post(manualForm('M-9001', eleven));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('paling banyak 10 berkas');
    expect(await bucketKeys()).toEqual(before);

    const ten = await post(manualForm('M-9001', eleven.slice(0, 10)));
    expect(ten.status).toBe(303);
    const created = await world.deps.cases.get(
      new URL(ten.headers.get('location')!, 'http://x').pathname.split('/')[3]!,
    );
    // Ten files with the same bytes are one object (content-addressed), held by ten attachments.
    expect(created.attachments).toHaveLength(10);
  });

  it('refuses a body over its route limit before parsing it, with a page, whether sized or streamed', async () => {
    const before = await bucketKeys();
    const big = new Uint8Array(5_000_000);
    const sized = await post(big, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(sized.status).toBe(413);
    expect(sized.headers.get('content-type')).toContain('text/html');
    expect(await sized.text()).toContain('4,4 MB');
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8_000_000) return controller.close();
        sent += 500_000;
        controller.enqueue(new Uint8Array(500_000));
      },
    });
    const streamed = await post(stream, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(streamed.status).toBe(413);
    // Reading stopped at the limit: the rest of the stream was never pulled.
    expect(sent).toBeLessThan(8_000_000);
    expect(await bucketKeys()).toEqual(before);
  });

  it('removes the files and the raw record it stored when the case cannot be stored', async () => {
    const before = await bucketKeys();
    const fault = 'fail-case-write';
    world.deps.db.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') throw new Error('DynamoDB unavailable');
        return next(args);
      },
      { step: 'initialize', name: fault },
    );
    const file = {
      name: 'bukti.pdf',
      mimeType: 'application/pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n1\n%%EOF'),
    };
    try {
      await expect(registerByHand(world.deps, input('M-9002'), [file], OFFICER)).rejects.toThrow(
        'DynamoDB unavailable',
      );
    } finally {
      world.deps.db.middlewareStack.remove(fault);
    }
    expect(await bucketKeys()).toEqual(before);
    // Once the table is back the same registration stores its case and keeps its file.
    const r = await registerByHand(world.deps, input('M-9002'), [file], OFFICER);
    expect(r.created).toBe(true);
    expect((await bucketKeys()).filter((k) => !before.includes(k))).toHaveLength(2);
  });

  it('keeps nothing new for a repeat of a registered complaint, and leaves the first one its files', async () => {
    const first = { name: 'a.pdf', mimeType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\nA\n%%EOF') };
    const other = { name: 'b.pdf', mimeType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\nB\n%%EOF') };
    await registerByHand(world.deps, input('M-9003'), [first], OFFICER);
    const after = await bucketKeys();
    const again = await registerByHand(world.deps, input('M-9003'), [first, other], OFFICER);
    expect(again.created).toBe(false);
    expect(await bucketKeys()).toEqual(after);
  });
});
