import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { loadConfig } from '@loket/adapters';
import { createApp, type AppEnv } from '../api/app';
import { createDeps, type Deps } from '../deps';
import { demoFormRoutes } from './demo-forms';
import { EmulatorError, startEmulators, type Emulators } from './emulators';
import { assertPortFree } from './free-port';
import { startGoogleApi, type GoogleApi } from './google-emulator';
import { startScheduler } from './scheduler';
import { prepareStorage, seedDemoCases, seedDemoLetterSettings, seedDemoStaff } from './seed';

export class DeskError extends Error {}

export interface Desk {
  url: string;
  deps: Deps;
  emulators: Emulators;
  /** The desk's own Google (Drive and Forms), when no real key is configured. */
  google?: GoogleApi;
  stop(): Promise<void>;
}

/** A second desk on the same data directory would corrupt it; the lock names the holder. */
const takeLock = (dataDir: string) => {
  const lock = join(dataDir, 'desk.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0); // signal 0 only asks whether the process exists
      alive = true;
    } catch {
      alive = false; // a stale lock from a desk that crashed
    }
    if (alive)
      throw new DeskError(
        `The data directory ${dataDir} is in use by process ${pid}. Stop that desk or set LOKET_DATA_DIR to another folder.`,
      );
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
};

const portError = (e: NodeJS.ErrnoException, port: number) =>
  e.code === 'EADDRINUSE'
    ? new DeskError(`Port ${port} is already in use. Set PORT to a free port, e.g. PORT=3001 npm start.`)
    : e;

const listen = (app: Hono<AppEnv>, port: number) =>
  new Promise<ReturnType<typeof serve>>((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolvePromise(server));
    server.once('error', (e: NodeJS.ErrnoException) => reject(portError(e, port)));
  });

/**
 * The whole desk on loopback: emulators, storage prepared and seeded, the Hono app, and `/dev/mail`.
 * `persist: false` keeps everything in memory/temp (tests); otherwise data lives in `dataDir`.
 */
export const startDesk = async (opts: {
  port: number;
  dataDir?: string;
  env?: Record<string, string | undefined>;
}): Promise<Desk> => {
  // Fail on a busy port before starting Java and friends.
  if (opts.port !== 0)
    await assertPortFree(opts.port).catch((e) => {
      throw portError(e, opts.port);
    });
  const dataDir = opts.dataDir && resolve(opts.dataDir);
  let release = () => undefined as void;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = takeLock(dataDir);
  }
  const scratch = join(tmpdir(), `loket-${process.pid}-${Date.now()}`);
  let emulators: Emulators;
  const baseConfig = loadConfig({ ...process.env, ...opts.env });
  try {
    emulators = await startEmulators({ dataDir, scratchDir: scratch, buckets: [baseConfig.LOKET_BUCKET] });
  } catch (e) {
    release();
    throw e instanceof EmulatorError ? new DeskError(e.message) : e;
  }
  Object.assign(process.env, emulators.env);
  // Without a real Google key the desk plays Google too: the demo forms' uploads go to this emulated
  // Drive, and the same Drive client as on a stage copies them into S3.
  let google: GoogleApi | undefined;
  const googleEnv: Record<string, string> = {};
  if (!baseConfig.GOOGLE_SERVICE_ACCOUNT_KEY) {
    google = await startGoogleApi();
    Object.assign(googleEnv, {
      GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey,
      GOOGLE_API_ROOT_URL: google.rootUrl,
    });
  }
  const config = loadConfig({
    // The desk certificate's keys stay beside the desk's data (else a temp file per table).
    ...(dataDir ? { LOKET_DESK_KEYS: `file:${join(dataDir, 'desk-keys.json')}` } : {}),
    ...process.env,
    ...opts.env,
    ...googleEnv,
    LOKET_PUBLIC_URL: opts.env?.LOKET_PUBLIC_URL ?? `http://localhost:${opts.port}`,
  });
  const deps = createDeps(config);
  try {
    await prepareStorage(deps);
    await seedDemoStaff(deps);
    await seedDemoLetterSettings(deps);
    await seedDemoCases(deps);
    // The desk certificate is made at the first start (a local CA and its key, in the data directory).
    await deps.signer.ensure();
    const app = createApp(deps, [
      (a) => a.get('/dev/mail', (c) => c.json({ messages: emulators.mail })),
      ...(google ? [demoFormRoutes(deps, google)] : []),
    ]);
    const server = await listen(app, opts.port);
    const scheduler = startScheduler(deps);
    const port = (server.address() as { port: number }).port;
    // The CLI finds the running local desk through this file (see functions/cli/target.ts), and takes its
    // public address from it: links in mail the CLI sends (a sweep's alerts) lead to this desk.
    const publicUrl = opts.env?.LOKET_PUBLIC_URL ?? `http://localhost:${port}`;
    if (dataDir)
      writeFileSync(
        join(dataDir, 'desk.json'),
        JSON.stringify(
          {
            url: `http://127.0.0.1:${port}`,
            env: { ...emulators.env, ...googleEnv, LOKET_PUBLIC_URL: publicUrl, LOKET_STANDARD: config.LOKET_STANDARD },
          },
          null,
          2,
        ),
      );
    return {
      url: `http://127.0.0.1:${port}`,
      deps,
      emulators,
      google,
      async stop() {
        scheduler.stop();
        await new Promise<void>((r) => server.close(() => r()));
        deps.db.destroy();
        deps.files.destroy();
        await emulators.stop();
        await google?.close();
        rmSync(scratch, { recursive: true, force: true });
        if (dataDir) rmSync(join(dataDir, 'desk.json'), { force: true });
        release();
      },
    };
  } catch (e) {
    await emulators.stop();
    await google?.close();
    release();
    throw e;
  }
};
