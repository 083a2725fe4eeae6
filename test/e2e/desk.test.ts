import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { signBody } from '../../functions/intake/signature';
import { startDesk } from '../../functions/local/desk';
import { bannerLines } from '../../functions/local/banner';
import { issueStaffToken } from '../../functions/api/auth';
import type { Deps } from '../../functions/deps';

const demoToken = (deps: Deps, staffId: string) => issueStaffToken(deps.config.LOKET_AUTH_SECRET, staffId, Date.now());

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'loket-desk-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the local desk (what `npm start` runs)', () => {
  it('keeps its data across a restart, and two desks run side by side', async () => {
    const dirA = tempDir();
    const dirB = tempDir();
    const a = await startDesk({ port: 0, dataDir: dirA });
    const b = await startDesk({ port: 0, dataDir: dirB });
    try {
      expect(a.url).not.toBe(b.url);
      expect((await fetch(`${a.url}/health`)).status).toBe(200);
      expect((await fetch(`${b.url}/health`)).status).toBe(200);
      expect(await (await fetch(`${a.url}/open311/v2/services.json`)).json()).toHaveLength(9);
      const res = await fetch(`${a.url}/api/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demoToken(a.deps, 'frontdesk')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'konsultasi', channel: 'walk_in', applicant: { name: 'Tamu' }, answers: {} }),
      });
      expect(res.status).toBe(201);
      const created = await res.json();
      // A second desk on the same data directory is refused, not allowed to corrupt it.
      await expect(startDesk({ port: 0, dataDir: dirA })).rejects.toThrow(/in use/);
      await a.stop();
      const again = await startDesk({ port: 0, dataDir: dirA });
      try {
        const token = demoToken(again.deps, 'fungsional');
        const back = await fetch(`${again.url}/api/cases/${created.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(back.status).toBe(200);
        expect((await back.json()).trackingNumber).toBe(created.trackingNumber);
        const other = await fetch(`${b.url}/api/cases/${created.id}`, {
          headers: { authorization: `Bearer ${demoToken(b.deps, 'fungsional')}` },
        });
        expect(other.status).toBe(404);
      } finally {
        await again.stop();
      }
    } finally {
      await b.stop();
    }
  }, 120_000);

  it('refuses a busy port with a clear message', async () => {
    const a = await startDesk({ port: 0 });
    try {
      const port = Number(new URL(a.url).port);
      await expect(startDesk({ port })).rejects.toThrow(/Port \d+ is already in use/);
    } finally {
      await a.stop();
    }
  }, 60_000);
});

describe('mail and scheduled jobs on the local desk', () => {
  it('answers a demo form with a receipt caught at /dev/mail, and runs the jobs from the CLI', async () => {
    const dir = tempDir();
    const desk = await startDesk({ port: 0, dataDir: dir, env: { LOKET_SWEEP_INTERVAL_SECONDS: '1' } });
    try {
      const body = JSON.stringify({
        formId: 'demo-konsultasi',
        responseId: 'desk-demo-1',
        submittedAt: new Date().toISOString(),
        respondentEmail: 'warga@example.com',
        answers: [{ questionId: '1', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Warga'] }],
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${desk.url}/webhooks/google-forms`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-loket-timestamp': ts,
          'x-loket-signature': signBody(desk.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, body),
        },
      });
      expect(res.status).toBe(201);
      const { trackingNumber } = await res.json();
      const { messages } = await (await fetch(`${desk.url}/dev/mail`)).json();
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            to: ['warga@example.com'],
            subject: `Permohonan diterima: ${trackingNumber} (Konsultasi)`,
          }),
        ]),
      );

      const cli = (...args: string[]) =>
        run('node', [join(ROOT, 'bin/loket.mjs'), ...args], {
          env: { ...process.env, LOKET_DATA_DIR: dir, LOKET_STAGE: 'local' },
          cwd: ROOT,
        }).then(
          (r) => ({ code: 0, ...r }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      const sweep = await cli('sweep');
      expect(sweep.code).toBe(0);
      expect(JSON.parse(sweep.stdout)).toMatchObject({
        sweep: { due: expect.any(Number) },
        mail: { failed: 0 },
        attachments: { cases: 0 },
      });
      // The desk plays Google itself (its demo forms deliver their own responses): the CLI reaches that
      // emulated Google through desk.json, and finds no real form to reconcile.
      const reconcile = await cli('reconcile');
      expect(reconcile.code).toBe(0);
      expect(JSON.parse(reconcile.stdout)).toEqual([]);

      // The staff directory from the command line: how a fresh stage gets its first administrator.
      const added = await cli(
        'staff',
        'add',
        'admin-dua',
        '--name',
        'Admin Dua',
        '--email',
        'admin.dua@contoh.go.id',
        '--role',
        'admin',
      );
      expect(added.code, added.stderr).toBe(0);
      expect(JSON.parse(added.stdout)).toEqual({ id: 'admin-dua', roles: ['admin'], active: true, created: true });
      const listed = JSON.parse((await cli('staff', 'list')).stdout) as {
        id: string;
        email: string;
        active: boolean;
      }[];
      expect(listed.find((s) => s.id === 'admin-dua')).toMatchObject({ email: 'a•••@contoh.go.id', active: true });
      expect((await cli('staff', 'disable', 'admin-dua')).code).toBe(0);
      expect((await desk.deps.staff.get('admin-dua'))?.active).toBe(false);
      const bad = await cli(
        'staff',
        'add',
        'x-1',
        '--name',
        'X',
        '--email',
        'a@contoh.id, b@contoh.id',
        '--role',
        'admin',
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('exactly one email address');

      // The banner says how to get a token and prints none (it lands in scrollback and CI logs).
      const banner = bannerLines(desk, dir, 1234).join('\n');
      expect(banner).toContain('npx loket token <staff id>');
      expect(banner).not.toMatch(/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/);
    } finally {
      await desk.stop();
    }
  }, 90_000);
});

describe('demo data', () => {
  it('seeds one demo case per service once, however often the desk starts', async () => {
    const dir = tempDir();
    for (let run = 0; run < 2; run++) {
      const desk = await startDesk({ port: 0, dataDir: dir });
      try {
        const open = await desk.deps.repo.listOpen();
        expect(open.filter((c) => c.source?.externalId.startsWith('demo-seed-'))).toHaveLength(9);
        expect((await desk.deps.staff.list()).length).toBeGreaterThan(10);
      } finally {
        await desk.stop();
      }
    }
  }, 90_000);
});
