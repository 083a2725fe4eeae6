import { PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { mapLimit, serviceFields, services } from '@loket/core';
import { signBody } from '../functions/intake/signature';
import { startReadyProcess } from './fixtures/ready-process';
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
 * The API runs in a process of its own, as a Lambda would (bench/fixtures/api-process.ts), against the
 * bench's emulators. Mail as the deployed API sends it: queued with the case and delivered by the
 * scheduled drain (infra/runtime.ts), so no submission waits on a mail server.
 */
const startApiProcess = async () => {
  const api = await startReadyProcess<{ port: number }>(
    'the bench API process',
    process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [],
    'bench/fixtures/api-process.ts',
    [],
    { ...process.env, LOKET_STAGE: 'local', LOKET_MAIL_DELIVERY: 'scheduled', LOKET_LOG_LEVEL: 'warn' },
  );
  const deps = createDeps(loadConfig(), {
    log: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
  });
  return {
    url: `http://127.0.0.1:${api.ready.port}`,
    deps,
    async stop() {
      deps.db.destroy();
      await api.stop();
    },
  };
};

const WARM_UP = 300;

export const benchIntake = async (total = Number(process.env.BENCH_INTAKE ?? 1000), concurrency = 20) => {
  const desk = await startApiProcess();
  try {
    const secret = desk.deps.config.GOOGLE_FORMS_WEBHOOK_SECRET;
    const run = `bench-${Date.now().toString(36)}`;
    // The first service taking Google Forms, answered on its demo form (questions titled as its fields).
    const service = services().find((s) => s.channels.includes('google_form'))!;
    const texts = serviceFields(service).filter((f) => f.kind === 'text' || f.kind === 'textarea');
    const post = async (i: number) => {
      const body = JSON.stringify({
        formId: `demo-${service.id}`,
        responseId: `${run}-${i}`,
        submittedAt: new Date().toISOString(),
        respondentEmail: `warga${i}@contoh.id`,
        answers: texts.map((f, q) => ({
          questionId: String(q + 1),
          title: f.label,
          type: 'TEXT',
          values: [f.applicantName ? `Warga ${i}` : 'Contoh jawaban'],
        })),
      });
      const ts = String(Math.floor(Date.now() / 1000));
      const started = performance.now();
      const res = await fetch(`${desk.url}/webhooks/google-forms`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-loket-timestamp': ts,
          'x-loket-signature': signBody(secret, ts, body),
        },
      });
      await res.arrayBuffer();
      return { ms: performance.now() - started, status: res.status };
    };
    // Warm-up, not counted, the same for each path measured: DynamoDB Local's JIT compiles a path over
    // its first few hundred calls, and the transaction path, unlike PutItem's, is cold when this starts.
    const warm = (f: (i: number) => Promise<unknown>) =>
      mapLimit(
        Array.from({ length: WARM_UP }, (_, i) => i + total),
        concurrency,
        f,
      );
    await warm(post);
    const results = await mapLimit(
      Array.from({ length: total }, (_, i) => i),
      concurrency,
      post,
    );
    const cases = (await desk.deps.repo.listOpen()).filter((c) => c.source?.externalId.startsWith(`${run}-`));
    const ids = new Set(cases.map((c) => c.source!.externalId));
    const measured = new Set(Array.from({ length: total }, (_, i) => `${run}-${i}`));
    const lost = [...measured].filter((id) => !ids.has(id)).length;

    const table = desk.deps.config.LOKET_TABLE;
    const put = async (i: number) => {
      const started = performance.now();
      await desk.deps.db.send(
        new PutItemCommand({
          TableName: table,
          Item: { pk: { S: `BENCH#${run}#${i}` }, sk: { S: 'X' }, v: { S: 'x'.repeat(200) } },
        }),
      );
      return performance.now() - started;
    };
    await warm(put);
    const puts = await mapLimit(
      Array.from({ length: total }, (_, i) => i),
      concurrency,
      put,
    );
    // The write a new case makes, without the desk around it: case, first event, tracking-number
    // reservation, the receipt and the raw body in one conditional transaction (case-repository.ts).
    const transact = async (i: number) => {
      const started = performance.now();
      const item = (sk: string, size: number) => ({
        Put: {
          TableName: table,
          Item: { pk: { S: `BENCHTX#${run}#${i}#${sk}` }, sk: { S: sk }, v: { S: 'x'.repeat(size) } },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
      await desk.deps.db.send(
        new TransactWriteItemsCommand({
          TransactItems: [item('CASE', 2000), item('EVT', 300), item('TRK', 50), item('MAIL', 1200), item('RAW', 600)],
        }),
      );
      return performance.now() - started;
    };
    await warm(transact);
    const transacts = await mapLimit(
      Array.from({ length: total }, (_, i) => i),
      concurrency,
      transact,
    );
    const latency = results.map((r) => r.ms);
    return {
      submissions: total,
      concurrency,
      statuses: results.reduce<Record<number, number>>(
        (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
        {},
      ),
      lost,
      duplicated: cases.length - ids.size,
      intakeMs: { p50: percentile(latency, 50), p95: percentile(latency, 95) },
      putItemMs: { p50: percentile(puts, 50), p95: percentile(puts, 95) },
      p95VsPutItem: Math.round((percentile(latency, 95) / percentile(puts, 95)) * 10) / 10,
      transactWriteMs: { p50: percentile(transacts, 50), p95: percentile(transacts, 95) },
    };
  } finally {
    await desk.stop();
  }
};
