import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createLogger, loadConfig, type Logger } from '@loket/adapters';
import type { CaseRecord, IdSource, Role, TimeSource } from '@loket/core';
import { createApp, type Extension } from '../../functions/api/app';
import { createDeps, type Deps } from '../../functions/deps';
import { type MailCatcher, startMailCatcher } from '../../functions/local/mail-catcher';
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
export const testDeps = async (
  opts: { time?: TimeSource; ids?: IdSource; log?: Logger; env?: Record<string, string> } = {},
): Promise<Deps> => {
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

/** The Kepala Dinas disposes letters at every step (disposisi); tests assign through them unless they test the roles. */
export const KADIS = { id: 'kadis', roles: ['kepala_dinas' as const] };

/** Assigns a case to a seeded officer (the service reads the staff directory). */
export const assignTo = async (
  deps: Deps,
  caseId: string,
  assigneeId: string,
  opts: { actor?: { id: string; roles: Role[] }; expectedVersion?: number } = {},
) => {
  return deps.cases.assign(caseId, { assigneeId, actor: opts.actor ?? KADIS, expectedVersion: opts.expectedVersion });
};

/**
 * Puts a case where a test needs it (a later step, closed, assigned) as one stored change at `at`,
 * without walking the procedure: for tests about what happens from there on.
 */
export const forceCase = async (deps: Deps, caseId: string, patch: Partial<CaseRecord>, at: number, event = 'test') =>
  (await deps.cases.applySystemChange(caseId, (c) => ({
    record: { ...c, ...patch, version: c.version + 1, updatedAt: at },
    event: { caseId: c.id, seq: c.version + 1, at, actorId: 'test', type: 'transition', event },
    effects: [],
    // A case forced into owing its letter is queued for it, as the issuing step would queue it.
    ...(patch.letterOwed && !c.letterId ? { writes: [{ kind: 'letter_owed' as const, since: at }] } : {}),
  })))!.record;

/** Posts a body to the Google Forms webhook signed as the Apps Script signs it. */
export const postFormWebhook = (
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  deps: Deps,
  body: string,
) => {
  const ts = String(Math.floor(deps.time.now() / 1000));
  return app.request('/webhooks/google-forms', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-loket-timestamp': ts,
      'x-loket-signature': signBody(deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, body),
    },
    body,
  });
};

/** What a test file works with: deps on a fresh table, the app over them, optionally a mail catcher. */
export interface TestWorld {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  catcher: MailCatcher;
}

/**
 * Registers the file's setup and teardown: a fresh table seeded like `npm start`, the app, and with
 * `mail: true` a real SMTP catcher the desk's outbox delivers into. Fields are filled in `beforeAll`.
 */
export const useTestWorld = (
  opts: {
    time?: TimeSource;
    log?: Logger;
    env?: Record<string, string>;
    mail?: boolean;
    /** Routes only some modes have (the local desk's demo forms), made from the world's deps. */
    extensions?: (deps: Deps) => Extension[];
  } = {},
): TestWorld => {
  const world = {} as TestWorld;
  beforeAll(async () => {
    if (opts.mail) world.catcher = await startMailCatcher();
    world.deps = await testDeps({
      time: opts.time,
      log: opts.log,
      env: { ...(opts.mail ? { LOKET_SMTP_URL: world.catcher.url } : {}), ...opts.env },
    });
    world.app = createApp(world.deps, opts.extensions?.(world.deps));
  });
  afterAll(async () => {
    world.deps?.db.destroy();
    world.deps?.files.destroy();
    await world.catcher?.close();
  });
  return world;
};

/** A demo officer's console session cookie, signed in through the development sign-in. */
export const consoleCookie = async (app: TestWorld['app'], staffId: string) => {
  const res = await app.request('/konsol/masuk/dev', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ staffId, lanjut: '/konsol' }).toString(),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('loket_sesi='))!;
};

/** A walk-in request registered by the front desk now, with no answers unless given. */
export const walkIn = async (
  deps: Deps,
  serviceId: string,
  extra: { answers?: Record<string, string[]>; name?: string } = {},
) =>
  (
    await deps.cases.open({
      serviceId,
      channel: 'walk_in',
      applicant: { name: extra.name ?? 'A' },
      answers: extra.answers ?? {},
      receivedAt: deps.time.now(),
      actorId: 'frontdesk',
    })
  ).record;
