import '../../functions/local/quiet-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulators } from '../../functions/local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorEnv: Record<string, string>;
    smtpPort: number;
  }
}

/** Starts the emulators once per test run, on free ports, in memory. */
export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'loket-test-'));
  const emulators = await startEmulators({ scratchDir: scratch, buckets: ['loket-test-files'] });
  project.provide('emulatorEnv', emulators.env);
  project.provide('smtpPort', emulators.smtpPort);
  return async () => {
    await emulators.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
