import '../functions/local/quiet-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulators } from '../functions/local/emulators';
import { benchSweep } from './sweep';
import { benchColdStart } from './cold-start';

/**
 * `npm run bench`: benchmarks against the real emulators on free ports, printed as one JSON document.
 * The sweep must cost the same with a year of closed cases as with none: it reads only the due index.
 * Cold start: each Lambda entry's bundle and cold import next to a minimal Hono handler and the floor.
 */
const scratch = mkdtempSync(join(tmpdir(), 'loket-bench-'));
const emulators = await startEmulators({ scratchDir: scratch, buckets: ['loket-local-files'] });
Object.assign(process.env, emulators.env);
try {
  await benchSweep(0, 60); // warm-up (JIT, connections), not reported
  const withClosed = await benchSweep(Number(process.env.BENCH_CLOSED ?? 50_000));
  const without = await benchSweep(0);
  const coldStart = await benchColdStart();
  process.stdout.write(JSON.stringify({
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    coldStart,
    sweep: [withClosed, without],
    sameItemsRead: without.firstSweep.itemsRead === withClosed.firstSweep.itemsRead && without.idleSweep.itemsReadPerRun === withClosed.idleSweep.itemsReadPerRun,
  }, null, 2) + '\n');
} finally {
  await emulators.stop();
  rmSync(scratch, { recursive: true, force: true });
}
