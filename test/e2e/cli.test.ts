import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
// An empty data dir: no local desk is running, so `sla` uses the shipped calendar.
const env = { ...process.env, LOKET_DATA_DIR: mkdtempSync(join(tmpdir(), 'loket-cli-')), LOKET_STAGE: 'local' };
const loket = async (...args: string[]) => {
  try {
    const r = await run('node', [join(ROOT, 'bin/loket.mjs'), ...args], { env, cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('npx loket', () => {
  it('prints the worked examples of sla-rules.md as JSON', async () => {
    const cases = [
      [['--service', 'rekomendasi-bbm', '--received', '2026-03-19T09:00:00+07:00'], '2026-03-25T08:30:00+07:00'],
      [['--service', 'kantor-cabang-ksp', '--received', '2026-03-16T10:00:00+07:00'], '2026-03-30T16:00:00+07:00'],
      [['--service', 'pengaduan', '--received', '2026-05-29T20:00:00+07:00'], '2026-06-05T16:30:00+07:00'],
      [['--service', 'kantor-cabang-ksp', '--received', '2026-11-02T09:00:00+07:00', '--pause', '2026-11-03T10:00:00+07:00/2026-11-05T11:00:00+07:00'], '2026-11-12T08:30:00+07:00'],
    ] as const;
    const outputs = await Promise.all(cases.map(([args]) => loket('sla', ...args)));
    outputs.forEach((o, i) => {
      expect(o.code, o.stderr).toBe(0);
      const json = JSON.parse(o.stdout);
      expect(Object.keys(json)).toEqual(['service', 'unit', 'amount', 'receivedAt', 'countFrom', 'dueAt', 'targetAt', 'estimated']);
      expect(json.dueAt).toBe(cases[i]![1]);
      expect(json.estimated).toBe(false);
    });
    expect(JSON.parse(outputs[2]!.stdout).countFrom).toBe('2026-06-02T07:30:00+07:00');
  });

  it('exits 2 with a clear message on wrong input', async () => {
    for (const args of [
      ['sla', '--service', 'nope', '--received', '2026-03-16T10:00:00+07:00'],
      ['sla', '--service', 'pengaduan', '--received', '2026-03-16 10:00'],
      ['sla', '--service', 'pengaduan'],
      ['sla', '--service', 'pengaduan', '--received', '2026-03-16T10:00:00+07:00', '--pause', '2026-03-17T10:00:00+07:00'],
      ['sla', '--bogus'],
      ['frobnicate'],
    ]) {
      const r = await loket(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
  });

  it('lists the services and explains itself', async () => {
    expect((await loket('services')).stdout).toContain('rekomendasi-bbm');
    expect((await loket('--help')).stdout).toContain('sla --service');
  });
});
