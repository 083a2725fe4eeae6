import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createLogger, loadConfig, type Logger } from '@loket/adapters';
import type { IdSource, TimeSource } from '@loket/core';
import { createDeps, type Deps } from '../../functions/deps';
import { signBody } from '../../functions/intake/signature';
import { prepareStorage, seedDemoStaff } from '../../functions/local/seed';

/** A clock the test moves by hand. */
export const manualClock = (startIso: string) => {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    set: (iso: string) => (now = Date.parse(iso)),
    advance: (ms: number) => (now += ms),
  } satisfies TimeSource & Record<string, unknown>;
};

/** Log lines a test can inspect (e.g. that no personal data was logged). */
export const captureLog = () => {
  const lines: string[] = [];
  return { lines, log: createLogger({}, { level: 'debug', write: (l) => lines.push(l) }) as Logger };
};

/**
 * Deps against the shared emulators with a fresh table, so test files never see each other's data.
 * Storage is prepared and demo staff seeded exactly as `npm start` does.
 */
export const testDeps = async (opts: { time?: TimeSource; ids?: IdSource; log?: Logger; env?: Record<string, string> } = {}): Promise<Deps> => {
  Object.assign(process.env, inject('emulatorEnv'));
  const config = loadConfig({
    ...process.env,
    LOKET_TABLE: `loket-test-${randomUUID().slice(0, 8)}`,
    LOKET_BUCKET: 'loket-test-files',
    ...opts.env,
  });
  const deps = createDeps(config, { time: opts.time, ids: opts.ids, log: opts.log ?? captureLog().log });
  await prepareStorage(deps);
  await seedDemoStaff(deps);
  return deps;
};

/** Posts a body to the Google Forms webhook signed as the Apps Script signs it. */
export const postFormWebhook = (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, deps: Deps, body: string) => {
  const ts = String(Math.floor(deps.time.now() / 1000));
  return app.request('/webhooks/google-forms', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-loket-timestamp': ts, 'x-loket-signature': signBody(deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, body) },
    body,
  });
};
