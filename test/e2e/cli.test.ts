import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
// An empty data dir: no local desk is running, so `sla` uses the shipped calendar.
const env = { ...process.env, LOKET_DATA_DIR: mkdtempSync(join(tmpdir(), 'loket-cli-')), LOKET_STAGE: 'local' };
const loket = (...args: string[]) => loketIn(env, ...args);
const loketIn = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
  try {
    const r = await run('node', [join(ROOT, 'bin/loket.mjs'), ...args], { env, cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('npx loket', () => {
  it('prints the worked examples of docs/RULES.md §2 as JSON', async () => {
    const cases = [
      [['--service', 'rekomendasi-bbm', '--received', '2026-03-19T09:00:00+07:00'], '2026-03-25T08:30:00+07:00'],
      [['--service', 'kantor-cabang-ksp', '--received', '2026-03-16T10:00:00+07:00'], '2026-03-30T16:00:00+07:00'],
      [['--service', 'pengaduan', '--received', '2026-05-29T20:00:00+07:00'], '2026-06-05T16:30:00+07:00'],
      [
        [
          '--service',
          'kantor-cabang-ksp',
          '--received',
          '2026-11-02T09:00:00+07:00',
          '--pause',
          '2026-11-03T10:00:00+07:00/2026-11-05T11:00:00+07:00',
        ],
        '2026-11-12T08:30:00+07:00',
      ],
    ] as const;
    const outputs = await Promise.all(cases.map(([args]) => loket('sla', ...args)));
    outputs.forEach((o, i) => {
      expect(o.code, o.stderr).toBe(0);
      const json = JSON.parse(o.stdout);
      expect(Object.keys(json)).toEqual([
        'service',
        'unit',
        'amount',
        'receivedAt',
        'countFrom',
        'dueAt',
        'targetAt',
        'estimated',
      ]);
      expect(json.dueAt).toBe(cases[i]![1]);
      expect(json.estimated).toBe(false);
    });
    expect(JSON.parse(outputs[2]!.stdout).countFrom).toBe('2026-06-02T07:30:00+07:00');
  });

  it('counts the statutory clocks of UU 14/2008 (docs/RULES.md §2) by the same rules, with a year past the official calendar flagged', async () => {
    const cases = [
      [
        ['--clock', 'kip-answer', '--received', '2026-11-02T17:00:00+07:00'],
        'receivedAt',
        '2026-11-17T16:00:00+07:00',
        false,
      ],
      [
        ['--clock', 'kip-answer', '--received', '2026-11-07T10:00:00+07:00'],
        'receivedAt',
        '2026-11-23T16:00:00+07:00',
        false,
      ],
      [
        ['--clock', 'kip-extended', '--received', '2026-11-02T17:00:00+07:00'],
        'receivedAt',
        '2026-11-26T16:00:00+07:00',
        false,
      ],
      [
        ['--clock', 'kip-objection', '--issued', '2026-11-07T10:00:00+07:00'],
        'issuedAt',
        '2026-12-21T16:00:00+07:00',
        false,
      ],
      [
        ['--clock', 'kip-answer', '--received', '2026-12-28T10:00:00+07:00'],
        'receivedAt',
        '2027-01-12T16:00:00+07:00',
        true,
      ],
    ] as const;
    const outputs = await Promise.all(cases.map(([args]) => loket('sla', ...args)));
    outputs.forEach((o, i) => {
      const [args, from, dueAt, estimated] = cases[i]!;
      expect(o.code, o.stderr).toBe(0);
      const json = JSON.parse(o.stdout);
      expect(Object.keys(json)).toEqual(['clock', from, 'days', 'dueAt', 'estimated']);
      expect(json).toMatchObject({ clock: args[1], [from]: args[3], dueAt, estimated });
    });
  });

  it('exits 2 with one clear line on wrong input, impossible dates and extra arguments included', async () => {
    const cases = [
      ['sla', '--service', 'nope', '--received', '2026-03-16T10:00:00+07:00'],
      ['sla', '--service', 'pengaduan', '--received', '2026-03-16 10:00'],
      ['sla', '--service', 'pengaduan', '--received', '2026-02-30T09:00+07:00'],
      ['sla', '--service', 'pengaduan', '--received', '2026-03-16T24:00+07:00'],
      ['sla', '--service', 'pengaduan'],
      [
        'sla',
        '--service',
        'pengaduan',
        '--received',
        '2026-03-16T10:00:00+07:00',
        '--pause',
        '2026-03-17T10:00:00+07:00',
      ],
      ['sla', '--service', 'pengaduan', '--received', '2026-03-16T10:00:00+07:00', 'extra'],
      ['sla', '--bogus'],
      ['sla', '--clock', 'kip-objection', '--received', '2026-11-07T10:00:00+07:00'],
      ['sla', '--clock', 'kip-answer'],
      ['sla', '--clock', 'nope', '--received', '2026-11-07T10:00:00+07:00'],
      ['sla', '--clock', 'kip-answer', '--service', 'pengaduan', '--received', '2026-11-07T10:00:00+07:00'],
      ['services', 'extra'],
      ['sweep', 'now'],
      ['token'],
      ['token', 'frontdesk', 'extra'],
      ['help', 'me'],
      ['frobnicate'],
    ];
    // In parallel: each is a process of its own, and usage errors load none of the desk's I/O code.
    const results = await Promise.all(cases.map((args) => loket(...args)));
    results.forEach((r, i) => {
      const args = cases[i]!.join(' ');
      expect(r.code, args).toBe(2);
      expect(r.stderr.trim().split('\n'), args).toHaveLength(1);
      expect(r.stderr, args).toMatch(/^loket( \w+)?: /);
    });
    expect(results[2]!.stderr).toContain('must be an existing date');
  });

  it('answers --help for every subcommand', async () => {
    const names = ['services', 'sla', 'token', 'sweep', 'reconcile', 'digest'];
    const results = await Promise.all(names.map((n) => loket(n, '--help')));
    results.forEach((r, i) => {
      expect(r.code, names[i]).toBe(0);
      expect(r.stdout, names[i]).toContain(`Usage: npx loket ${names[i]}`);
    });
  });

  it('tells the truth about a desk that is gone or a job that failed: exit 1, one line, no stack', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'loket-stale-'));
    writeFileSync(join(stale, 'desk.json'), JSON.stringify({ url: 'http://127.0.0.1:9', env: {} }));
    const at = { ...env, LOKET_DATA_DIR: stale };
    for (const args of [['token', 'frontdesk'], ['sweep']]) {
      const r = await loketIn(at, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/does not answer/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // No desk under this data dir: the CLI says where it looked and how to point it at a desk elsewhere.
    const empty = { ...env, LOKET_DATA_DIR: mkdtempSync(join(tmpdir(), 'loket-none-')) };
    const none = await loketIn(empty, 'token', 'frontdesk');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(join(empty.LOKET_DATA_DIR, 'desk.json'));
    expect(none.stderr).toContain('run the CLI with that LOKET_DATA_DIR');
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    // sla still answers from the shipped calendar, and says so.
    const sla = await loketIn(at, 'sla', '--service', 'pengaduan', '--received', '2026-05-29T20:00:00+07:00');
    expect(sla.code).toBe(0);
    expect(JSON.parse(sla.stdout).dueAt).toBe('2026-06-05T16:30:00+07:00');
    expect(sla.stderr).toContain('shipped calendar');

    // A desk that answers but whose table is gone: every part of the sweep fails, and so does the command.
    const server = createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const broken = mkdtempSync(join(tmpdir(), 'loket-broken-'));
      const deskEnv = {
        ...inject('emulatorEnv'),
        LOKET_TABLE: 'loket-no-such-table',
        LOKET_BUCKET: 'loket-test-files',
      };
      writeFileSync(
        join(broken, 'desk.json'),
        JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, env: deskEnv }),
      );
      const sweep = await loketIn({ ...env, LOKET_DATA_DIR: broken }, 'sweep');
      expect(sweep.code).toBe(1);
      expect(JSON.parse(sweep.stdout).sweep.error).toBeTruthy();
      expect(sweep.stderr).toMatch(
        /^loket sweep: 5 part\(s\) failed: recompute: .*; sweep: .*; letters: .*; signings: .*; mail: /,
      );
    } finally {
      server.close();
    }
  });

  it('lists the services and explains itself', async () => {
    expect((await loket('services')).stdout).toContain('rekomendasi-bbm');
    expect((await loket('--help')).stdout).toContain('sla --service');
  });
});
