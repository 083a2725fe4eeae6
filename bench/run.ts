import '../functions/local/quiet-sdk';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReadyProcess } from './fixtures/ready-process';
import { benchSweep } from './sweep';
import { benchColdStart } from './cold-start';
import { benchIntake } from './intake';
import { benchReport } from './report';
import { benchSignIn } from './sign-in';

/**
 * `npm run bench`: benchmarks against the real emulators on free ports, printed as one JSON document.
 * The sweep must cost the same with a year of closed cases as with none: it reads only the due index.
 * Cold start: each Lambda entry's bundle and cold import next to a minimal Hono handler and the floor.
 * Intake: signed submissions at concurrency 20 against a local desk, none lost or doubled, next to PutItem.
 * Sign-in: the link form's answer time for an officer's address and a stranger's (they must not differ).
 */
const PARTS = ['sweep', 'report', 'cold', 'intake', 'signin'] as const;
type Part = (typeof PARTS)[number];
// `npm run bench -- intake cold` runs only those parts (all by default); the result says which ran.
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length) {
  process.stderr.write(`unknown part(s): ${unknown.join(', ')} (parts: ${PARTS.join(', ')})\n`);
  process.exit(2);
}
const runs = (part: Part) => !asked.length || asked.includes(part);

const scratch = mkdtempSync(join(tmpdir(), 'loket-bench-'));
const emulators = await startReadyProcess<Record<string, string>>(
  'the emulators',
  [],
  'bench/fixtures/emulators-process.ts',
  [scratch],
);
Object.assign(process.env, emulators.ready);
try {
  // Cold imports first, on a machine no emulator is busy on. Then intake, while DynamoDB Local's JIT
  // has compiled neither of the two paths it compares (the submission's transaction, a bare PutItem):
  // both get the same warm-up. After the sweep and report benches the PutItem path would come
  // pre-compiled by their 150,000 writes and the transaction path not (README, Benchmarks).
  const coldStart = runs('cold') ? await benchColdStart() : undefined;
  const intake = runs('intake') ? await benchIntake() : undefined;
  const reportRead = runs('report') ? await benchReport() : undefined;
  const signIn = runs('signin') ? await benchSignIn() : undefined;
  let sweep;
  if (runs('sweep')) {
    await benchSweep(0, 60); // warm-up (JIT, connections), not reported
    const withClosed = await benchSweep(Number(process.env.BENCH_CLOSED ?? 50_000));
    const without = await benchSweep(0);
    sweep = {
      sweep: [withClosed, without],
      sameItemsRead:
        without.firstSweep.itemsRead === withClosed.firstSweep.itemsRead &&
        without.idleSweep.itemsReadPerRun === withClosed.idleSweep.itemsReadPerRun,
    };
  }
  const report = JSON.stringify(
    {
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      parts: PARTS.filter(runs),
      coldStart,
      intake,
      report: reportRead,
      signIn,
      ...sweep,
    },
    null,
    2,
  );
  // Each run is kept, so figures can be compared across changes and machines.
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, report + '\n');
  process.stdout.write(report + '\n');
} finally {
  await emulators.stop();
  rmSync(scratch, { recursive: true, force: true });
}
