import { describe, expect, it } from 'vitest';
import { issueStaffToken } from '../../functions/api/auth';
import { captureLog, consoleCookie, manualClock, useTestWorld, walkIn } from '../helpers/deps';

/**
 * Every route that reads a body, fed bodies no form sends: a broken multipart body, a type the route
 * does not read, nothing, binary. The desk answers each as the sender's error (4xx), never a 5xx, and
 * logs no unhandled error (no stack trace).
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const logs = captureLog();
const world = useTestWorld({ time: clock, log: logs.log });

const BODIES: { name: string; type: string; body: BodyInit }[] = [
  {
    name: 'broken multipart',
    type: 'multipart/form-data; boundary=----loket',
    body: '------loket\r\nContent-Disposition: form-data; name="note"\r\n\r\nbelum selesai',
  },
  { name: 'multipart without boundary', type: 'multipart/form-data', body: 'note=1' },
  { name: 'json to a form', type: 'application/json', body: '{"note": ' },
  { name: 'empty', type: 'application/x-www-form-urlencoded', body: '' },
  { name: 'binary', type: 'application/octet-stream', body: new Uint8Array([0, 159, 146, 150, 255, 0, 1]) },
  // Over every route's limit (the largest is 4.4 MB): refused from its Content-Length, never read.
  { name: 'huge', type: 'multipart/form-data; boundary=----loket', body: new Uint8Array(6 * 1024 * 1024) },
];

/** The same huge body with no Content-Length: the limit stops reading it as it streams in. */
const hugeStream = () => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 8 * 1024 * 1024) return controller.close();
      sent += 512 * 1024;
      controller.enqueue(new Uint8Array(512 * 1024).fill(0x61));
    },
  });
};

describe('malformed bodies on every route that reads one', () => {
  it('are answered 4xx without a stack trace', async () => {
    const record = await walkIn(world.deps, 'konsultasi');
    // The routes that read a body (the console and admin groups mount lazily, so they are listed here).
    const console = ['/baru', '/lapor/baru', '/klinik', '/surat', '/surat/x/cabut']
      .concat(
        ['disposisi', 'lapor/disalin', 'perpanjang', 'persyaratan', 'tampilkan', 'tindakan/selesaikan'].map(
          (p) => `/berkas/${record.id}/${p}`,
        ),
      )
      .map((p) => `/konsol${p}`);
    const admin = [
      '/surat',
      '/email/x/kirim-ulang',
      '/formulir/ubah',
      '/kalender',
      '/kalender/2026-12-25/hapus',
      '/petugas/baru',
      '/petugas/fungsional',
    ].map((p) => `/konsol/admin${p}`);
    const open = [
      '/konsol/masuk/dev',
      '/konsol/masuk/google',
      '/konsol/masuk/tautan',
      '/konsol/masuk/tautan/x',
      '/konsol/keluar',
      '/survei/x.y',
      '/verifikasi/abcdefghijkmnpqrstuvwxyz',
    ];
    const api = [
      '/api/cases',
      `/api/cases/${record.id}/transitions`,
      `/api/cases/${record.id}/checklist`,
      `/api/cases/${record.id}/assign`,
      `/api/cases/${record.id}/files/retry`,
      '/api/admin/mail/x/retry',
      '/webhooks/google-forms',
    ];
    const holiday = '/api/calendar/holidays/2026-12-25';
    const paths = [...console, ...admin, ...open, ...api];
    const cookies = {
      officer: await consoleCookie(world.app, 'kadis'),
      admin: await consoleCookie(world.app, 'admin'),
    };
    const answers: string[] = [];
    const requests = [
      ...paths.map((path) => ({ method: 'POST', path })),
      { method: 'PUT', path: holiday },
      { method: 'DELETE', path: holiday },
    ];
    for (const { method, path } of requests) {
      const auth: Record<string, string> = path.startsWith('/api/')
        ? { authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, 'admin', clock.now())}` }
        : { cookie: path.startsWith('/konsol/admin') ? cookies.admin : cookies.officer };
      const bodies = [
        ...BODIES,
        { name: 'huge, streamed', type: 'multipart/form-data; boundary=----loket', body: hugeStream() },
      ];
      for (const b of bodies) {
        const res = await world.app.request(path, {
          method,
          headers: { origin: 'http://localhost', ...auth, 'content-type': b.type },
          body: b.body,
          ...(b.body instanceof ReadableStream ? { duplex: 'half' } : {}),
        } as RequestInit);
        await res.arrayBuffer();
        answers.push(`${res.status} ${method} ${path} ${b.name}`);
      }
    }
    // Every huge body is refused as too large, whichever route it was sent to.
    expect(answers.filter((a) => a.includes(' huge') && !a.startsWith('413'))).toEqual([]);
    expect(answers.filter((a) => a.startsWith('5'))).toEqual([]);
    expect(logs.lines.filter((l) => l.includes('unhandled error'))).toEqual([]);
  });

  it('refuses an empty staff id at the staff-id rule, not at the database', async () => {
    const record = await walkIn(world.deps, 'konsultasi');
    await expect(
      world.deps.cases.assign(record.id, { assigneeId: '', actor: { id: 'kadis', roles: ['kepala_dinas'] } }),
    ).rejects.toMatchObject({ code: 'validation', fields: [expect.objectContaining({ field: 'assigneeId' })] });
    // The development sign-in with no id sends the browser back to its form.
    expect(await consoleCookie(world.app, '')).toBeUndefined();
  });
});
