import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mapLimit } from '@loket/core';
import { signBody } from '../functions/intake/signature';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@loket/adapters';
import { createDeps } from '../functions/deps';

/**
 * Intake under load: signed Google Form submissions posted to a running local desk over HTTP at a
 * fixed concurrency, then counted back from the table — none may be lost or doubled. Latency is set
 * beside a bare DynamoDB PutItem at the same concurrency on the same emulator, measured in the same run.
 */
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

/**
 * The desk runs in a process of its own, as a Lambda would: started like `npm start` into a scratch
 * data folder, found through the desk.json it writes. Mail as the deployed API sends it: queued with the
 * case and delivered by the scheduled drain (infra/runtime.ts), so no submission waits on a mail server.
 */
const startDeskProcess = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-desk-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    env: { ...process.env, PORT: '0', LOKET_DATA_DIR: dataDir, LOKET_MAIL_DELIVERY: 'scheduled', LOKET_SWEEP_INTERVAL_SECONDS: '3600', LOKET_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deskFile = join(dataDir, 'desk.json');
  for (let waited = 0; !existsSync(deskFile); waited += 100) {
    if (child.exitCode !== null || waited > 120_000) throw new Error('the bench desk did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const desk = JSON.parse(readFileSync(deskFile, 'utf8')) as { url: string; env: Record<string, string> };
  // The SDK finds its endpoints in the environment (on each request): from here on, the desk's emulators.
  // Intake runs last in `npm run bench`, so nothing after it needs the bench's own.
  Object.assign(process.env, desk.env);
  const deps = createDeps(loadConfig(), { log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } } });
  return {
    url: desk.url, deps,
    async stop() {
      deps.db.destroy();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const benchIntake = async (total = Number(process.env.BENCH_INTAKE ?? 1000), concurrency = 20) => {
  const desk = await startDeskProcess();
  try {
    const secret = desk.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET;
    const run = `bench-${Date.now().toString(36)}`;
    const post = async (i: number) => {
      const body = JSON.stringify({
        formId: 'demo-konsultasi', responseId: `${run}-${i}`, submittedAt: new Date().toISOString(), respondentEmail: `warga${i}@contoh.id`,
        answers: [
          { questionId: '1', title: 'Nama lengkap pemohon', type: 'TEXT', values: [`Warga ${i}`] },
          { questionId: '2', title: 'Permasalahan yang akan dikonsultasikan', type: 'TEXT', values: ['Modal usaha'] },
        ],
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const started = performance.now();
      const res = await fetch(`${desk.url}/webhooks/google-forms`, {
        method: 'POST', body, headers: { 'content-type': 'application/json', 'x-loket-timestamp': ts, 'x-loket-signature': signBody(secret, ts, body) },
      });
      await res.arrayBuffer();
      return { ms: performance.now() - started, status: res.status };
    };
    await mapLimit(Array.from({ length: 20 }, (_, i) => i + total), concurrency, post); // warm-up, not counted
    const results = await mapLimit(Array.from({ length: total }, (_, i) => i), concurrency, post);
    const cases = (await desk.deps.repo.listOpen()).filter((c) => c.source?.externalId.startsWith(`${run}-`));
    const ids = new Set(cases.map((c) => c.source!.externalId));
    const measured = new Set(Array.from({ length: total }, (_, i) => `${run}-${i}`));
    const lost = [...measured].filter((id) => !ids.has(id)).length;

    const table = desk.deps.config.LOKET_TABLE;
    const put = async (i: number) => {
      const started = performance.now();
      await desk.deps.db.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `BENCH#${run}#${i}` }, sk: { S: 'X' }, v: { S: 'x'.repeat(200) } } }));
      return performance.now() - started;
    };
    await mapLimit(Array.from({ length: 20 }, (_, i) => i + total), concurrency, put);
    const puts = await mapLimit(Array.from({ length: total }, (_, i) => i), concurrency, put);
    const latency = results.map((r) => r.ms);
    return {
      submissions: total, concurrency,
      statuses: results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
      lost, duplicated: cases.length - ids.size,
      intakeMs: { p50: percentile(latency, 50), p95: percentile(latency, 95) },
      putItemMs: { p50: percentile(puts, 50), p95: percentile(puts, 95) },
      p95VsPutItem: Math.round((percentile(latency, 95) / percentile(puts, 95)) * 10) / 10,
    };
  } finally {
    await desk.stop();
  }
};
