import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, REQUIRED_SECRETS, TABLE_SCHEMA, type LoketFunction } from '@loket/adapters';

/**
 * sst.config.ts and infra/ run against stub globals that record what they declare: no AWS, no Pulumi
 * download (README, "Deploying"). `scripts/check-infra.sh` type-checks the same files against SST's
 * real types; this test checks what types cannot: handler paths, indexes, secrets, permissions.
 */
type Recorded = { kind: string; name: string; args: Record<string, any> };
const recorded: Recorded[] = [];
const resource = (kind: string) =>
  class {
    name: string;
    arn: string;
    url = `https://${kind}.example`;
    value: string;
    nodes: Record<string, { arn: string }>;
    constructor(name: string, args: Record<string, any> = {}) {
      this.name = name;
      this.arn = `arn:${kind}:${name}`;
      this.value = `secret:${name}`;
      this.nodes = {
        identity: { arn: `arn:ses-identity:${name}` },
        configurationSet: { arn: `arn:ses-configset:${name}` },
      };
      recorded.push({ kind, name, args });
    }
  };
const of = (kind: string) => recorded.filter((r) => r.kind === kind);

/** Every Lambda, the API and each scheduled job, with its function arguments. */
const lambdas = () => [
  ...of('Function').map((r) => ({ name: r.name, args: r.args })),
  ...of('CronV2').map((r) => ({ name: r.name, args: r.args.function })),
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
const source = [...sourceFiles('packages/adapters/src'), ...sourceFiles('functions')]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

let config: { app(input: { stage: string }): any; run(): Promise<any> };
beforeAll(async () => {
  Object.assign(globalThis, {
    $config: (c: unknown) => c,
    $app: { stage: 'test', name: 'loket' },
    $interpolate: (parts: TemplateStringsArray, ...values: unknown[]) =>
      parts.reduce((s, p, i) => s + p + (i < values.length ? String(values[i]) : ''), ''),
    sst: {
      Secret: resource('Secret'),
      Linkable: resource('Linkable'),
      aws: {
        Dynamo: resource('Dynamo'),
        Bucket: resource('Bucket'),
        Function: resource('Function'),
        CronV2: resource('CronV2'),
        Email: resource('Email'),
      },
    },
    aws: { s3: { BucketServerSideEncryptionConfiguration: resource('BucketEncryption') } },
  });
  process.env.LOKET_PUBLIC_URL = 'https://loket.example.go.id';
  // A computed path: tsc must not follow it (its types come from `sst install`, scripts/check-infra.sh).
  config = (await import(/* @vite-ignore */ pathToFileURL(resolve('sst.config.ts')).href)).default as typeof config;
  await config.run();
});

describe('infrastructure (sst.config.ts + infra/)', () => {
  it('retains and protects production only', () => {
    expect(config.app({ stage: 'production' })).toMatchObject({
      removal: 'retain',
      protect: true,
      providers: { aws: { region: 'ap-southeast-3' } },
    });
    expect(config.app({ stage: 'dev' })).toMatchObject({ removal: 'remove', protect: false });
  });

  it('declares the table as the local emulator creates it: on demand, point-in-time recovery, TTL', () => {
    const [table, ...more] = of('Dynamo');
    expect(more).toHaveLength(0);
    expect(table!.args).toMatchObject({
      fields: TABLE_SCHEMA.fields,
      primaryIndex: TABLE_SCHEMA.primaryIndex,
      globalIndexes: TABLE_SCHEMA.globalIndexes,
      ttl: 'expiresAt',
    });
    expect(table!.args.transform.table).toEqual({
      billingMode: 'PAY_PER_REQUEST',
      pointInTimeRecovery: { enabled: true },
    });
  });

  it('declares exactly the indexes the code queries', () => {
    const queried = new Set([...source.matchAll(/IndexName: '(\w+)'/g)].map((m) => m[1]));
    expect([...queried].sort()).toEqual(Object.keys(of('Dynamo')[0]!.args.globalIndexes).sort());
  });

  it('keeps the bucket private, encrypted, without CORS, and expires raw and temporary files', () => {
    const [bucket] = of('Bucket');
    expect(bucket!.args.cors).toBe(false);
    expect(bucket!.args.access).toBeUndefined(); // SST then blocks public ACLs and policies
    expect(bucket!.args.lifecycle).toEqual([
      { id: 'raw-submissions', prefix: 'raw/', expiresIn: '730 days' },
      { id: 'temporary-files', prefix: 'tmp/', expiresIn: '2 days' },
    ]);
    expect(of('BucketEncryption')[0]!.args).toMatchObject({
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
  });

  it('points every function at a handler that exists and exports it, on Node 22 arm64, bundled as the bench measures', async () => {
    expect(lambdas()).toHaveLength(5);
    for (const fn of lambdas()) {
      expect(fn.args).toMatchObject({
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        nodejs: { format: 'esm', splitting: true, minify: true },
      });
      // Both issue letters (the API at the step, the jobs on a retry): the fonts must be in the bundle.
      const [fonts, standard] = fn.args.copyFiles as { from: string; to: string }[];
      expect(readdirSync(fonts!.from).filter((f: string) => f.endsWith('.ttf')).length, fonts!.from).toBe(2);
      // The office's standard, checked at deploy, beside the code and named by LOKET_STANDARD.
      expect(fn.args.environment.LOKET_STANDARD).toBe(standard!.to);
      expect(JSON.parse(readFileSync(standard!.from, 'utf8')).id).toBe('dinkop-pasuruan');
      const [file, exported] = (fn.args.handler as string).split(/\.(?=[^.]+$)/) as [string, string];
      expect(existsSync(`${file}.ts`), file).toBe(true);
      const mod = await import(/* @vite-ignore */ pathToFileURL(resolve(`${file}.ts`)).href);
      expect(typeof mod[exported], fn.args.handler).toBe('function');
    }
  });

  it('gives each function the secrets it needs, from declared SST secrets, and no other', () => {
    const declared = new Set(of('Secret').map((s) => `secret:${s.name}`));
    for (const fn of lambdas()) {
      const env = fn.args.environment as Record<string, string>;
      const role = env.LOKET_FUNCTION as LoketFunction;
      expect(['api', 'jobs']).toContain(role);
      for (const name of REQUIRED_SECRETS[role]) expect(declared.has(env[name]!), `${fn.name} ${name}`).toBe(true);
      // A secret value only ever comes from a declared secret, and the jobs hold neither HMAC key.
      for (const [k, v] of Object.entries(env))
        if (v.startsWith('secret:')) expect(declared.has(v), `${fn.name} ${k}`).toBe(true);
      if (role === 'jobs')
        expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['GOOGLE_FORMS_WEBHOOK_SECRET']));
      if (role === 'jobs') expect(Object.keys(env)).not.toContain('LOKET_AUTH_SECRET');
      // What the function will see at start: its configuration must load (config.ts refuses a missing secret).
      const deployed = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          !v.startsWith('secret:')
            ? v
            : k === 'GOOGLE_SERVICE_ACCOUNT_KEY'
              ? JSON.stringify({ client_email: 'loket@example.iam.gserviceaccount.com', private_key: 'k' })
              : `${v}-`.padEnd(40, 'x'),
        ]),
      );
      // The checked standard as the task root holds it (copyFiles puts it there).
      deployed.LOKET_STANDARD = (fn.args.copyFiles as { from: string }[])[1]!.from;
      expect(() => loadConfig(deployed), fn.name).not.toThrow();
      for (const name of REQUIRED_SECRETS[role])
        expect(() => loadConfig({ ...deployed, [name]: undefined }), `${fn.name} ${name}`).toThrow(
          /required outside the local stage/,
        );
    }
  });

  it('grants each function only the actions the code calls: no wildcard, and only the jobs send mail', () => {
    // Local-only calls (the emulator's table and bucket are created by the desk, never in AWS).
    const localOnly = new Set(['CreateTable', 'ListTables', 'UpdateTimeToLive', 'CreateBucket']);
    const called = new Set(
      [...source.matchAll(/new (?:sdk\.)?(\w+)Command\(/g)].map((m) => m[1]!).filter((c) => !localOnly.has(c)),
    );
    const needs: Record<string, string[]> = {
      GetItem: ['dynamodb:GetItem'],
      PutItem: ['dynamodb:PutItem'],
      UpdateItem: ['dynamodb:UpdateItem'],
      DeleteItem: ['dynamodb:DeleteItem'],
      Query: ['dynamodb:Query'],
      DescribeTable: ['dynamodb:DescribeTable'],
      TransactWriteItems: [
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:ConditionCheckItem',
      ],
      PutObject: ['s3:PutObject'],
      GetObject: ['s3:GetObject'],
      HeadObject: ['s3:GetObject'],
      DeleteObject: ['s3:DeleteObject'],
      HeadBucket: ['s3:ListBucket'],
      SendEmail: ['ses:SendEmail'],
      GetSecretValue: ['secretsmanager:GetSecretValue'],
      CreateSecret: ['secretsmanager:CreateSecret'],
      PutSecretValue: ['secretsmanager:PutSecretValue'],
    };
    for (const c of called)
      expect(needs[c], `no IAM action known for ${c}Command: add it to infra/access.ts and here`).toBeDefined();
    for (const fn of lambdas()) {
      const granted = (fn.args.permissions as { actions: string[]; resources: string[] }[]).flatMap((p) => p.actions);
      expect(fn.args.link ?? [], `${fn.name}: links grant service-wide wildcards`).toEqual([]);
      expect(granted.filter((a) => a.includes('*'))).toEqual([]);
      const signs = fn.args.environment.LOKET_FUNCTION === 'api';
      const required = [...called]
        .filter((c) => c !== 'SendEmail' && (signs || !needs[c]!.some((a) => a.startsWith('secretsmanager:'))))
        .flatMap((c) => needs[c]!);
      expect(granted, fn.name).toEqual(expect.arrayContaining(required));
      // Only the API signs letters, so only it reaches the desk certificate's secret.
      expect(
        granted.some((a) => a.startsWith('secretsmanager:')),
        fn.name,
      ).toBe(signs);
      const sends = granted.some((a) => a.startsWith('ses:'));
      expect(sends, fn.name).toBe(fn.args.environment.LOKET_FUNCTION === 'jobs');
      expect(fn.args.environment.LOKET_MAIL_DELIVERY).toBe(sends ? 'inline' : 'scheduled');
    }
  });

  it('tells the CLI inside `sst shell` where the desk lives', () => {
    expect(of('Linkable')[0]).toMatchObject({
      name: 'Desk',
      args: { properties: { publicUrl: 'https://loket.example.go.id' } },
    });
  });

  it('schedules the jobs in Indonesian time: every minute, every 15 minutes, 07:30 on weekdays', () => {
    const crons = Object.fromEntries(of('CronV2').map((r) => [r.args.function.handler, r.args]));
    expect(crons['functions/jobs/index.minutely']).toMatchObject({
      schedule: 'rate(1 minute)',
      timezone: 'Asia/Jakarta',
    });
    expect(crons['functions/jobs/index.reconcile']).toMatchObject({
      schedule: 'rate(15 minutes)',
      timezone: 'Asia/Jakarta',
    });
    expect(crons['functions/jobs/index.morning']).toMatchObject({
      schedule: 'cron(30 7 ? * MON-FRI *)',
      timezone: 'Asia/Jakarta',
    });
  });
});
