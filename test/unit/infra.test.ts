import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '@loket/adapters';

/**
 * sst.config.ts and infra/ run against stub globals that record what they declare: no AWS, no Pulumi
 * download (stack.md), but the stages, table, links and handler paths are checked for real.
 */
type Recorded = { kind: string; name: string; args: Record<string, any> };
const recorded: Recorded[] = [];
const resource = (kind: string) =>
  class {
    name: string;
    url = `https://${kind}.example`;
    value = `secret:${kind}`;
    constructor(name: string, args: Record<string, any> = {}) {
      this.name = name;
      recorded.push({ kind, name, args });
    }
  };

let config: { app(input: { stage: string }): any; run(): Promise<any> };
beforeAll(async () => {
  Object.assign(globalThis, {
    $config: (c: unknown) => c,
    $app: { stage: 'test', name: 'loket' },
    sst: { Secret: resource('Secret'), aws: { Dynamo: resource('Dynamo'), Bucket: resource('Bucket'), Function: resource('Function'), CronV2: resource('CronV2'), Email: resource('Email') } },
  });
  process.env.LOKET_PUBLIC_URL = 'https://loket.example.go.id';
  // A computed path: tsc must not follow it (sst.config.ts types need `sst install`, see README).
  config = (await import(/* @vite-ignore */ pathToFileURL(resolve('sst.config.ts')).href)).default as typeof config;
  await config.run();
});

describe('infrastructure (sst.config.ts + infra/)', () => {
  it('retains and protects production only', () => {
    expect(config.app({ stage: 'production' })).toMatchObject({ removal: 'retain', protect: true, providers: { aws: { region: 'ap-southeast-3' } } });
    expect(config.app({ stage: 'dev' })).toMatchObject({ removal: 'remove', protect: false });
  });

  it('declares the table exactly as the local emulator creates it', () => {
    const table = recorded.find((r) => r.kind === 'Dynamo')!;
    expect(table.args).toEqual({ fields: TABLE_SCHEMA.fields, primaryIndex: TABLE_SCHEMA.primaryIndex, globalIndexes: TABLE_SCHEMA.globalIndexes, ttl: 'expiresAt' });
  });

  it('points every function at a handler that exists and exports it, on Node 22', async () => {
    const fns = [...recorded.filter((r) => r.kind === 'Function'), ...recorded.filter((r) => r.kind === 'CronV2').map((r) => ({ ...r, args: r.args.function }))];
    expect(fns.length).toBeGreaterThan(0);
    for (const fn of fns) {
      expect(fn.args.runtime).toBe('nodejs22.x');
      expect(fn.args.architecture).toBe('arm64');
      expect(fn.args.nodejs).toMatchObject({ format: 'esm', splitting: true, minify: true });
      const [file, exported] = (fn.args.handler as string).split(/\.(?=[^.]+$)/) as [string, string];
      expect(existsSync(`${file}.ts`), file).toBe(true);
      const mod = await import(/* @vite-ignore */ pathToFileURL(resolve(`${file}.ts`)).href);
      expect(typeof mod[exported]).toBe('function');
      expect(Object.keys(fn.args.environment)).toEqual(expect.arrayContaining(['LOKET_TABLE', 'LOKET_BUCKET', 'GOOGLE_FORMS_WEBHOOK_SECRET', 'LOKET_AUTH_SECRET', 'GOOGLE_SERVICE_ACCOUNT_KEY', 'LOKET_PUBLIC_URL', 'GOOGLE_OAUTH_CLIENT_ID', 'GOOGLE_OAUTH_CLIENT_SECRET']));
      expect(fn.args.link.map((l: { name: string }) => l.name)).toEqual(['Loket', 'Files', 'Mail']);
    }
  });

  it('schedules the jobs in Indonesian time: every minute, every 15 minutes, 07:30 on weekdays', () => {
    const crons = Object.fromEntries(recorded.filter((r) => r.kind === 'CronV2').map((r) => [r.args.function.handler, r.args]));
    expect(crons['functions/jobs/index.minutely']).toMatchObject({ schedule: 'rate(1 minute)', timezone: 'Asia/Jakarta' });
    expect(crons['functions/jobs/index.reconcile']).toMatchObject({ schedule: 'rate(15 minutes)', timezone: 'Asia/Jakarta' });
    expect(crons['functions/jobs/index.morning']).toMatchObject({ schedule: 'cron(30 7 ? * MON-FRI *)', timezone: 'Asia/Jakarta' });
  });
});
