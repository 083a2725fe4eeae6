import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A failure the CLI explains in one line. Exit code 2 for wrong usage (the default), 1 for anything else. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const noArguments = (argv: string[]) => {
  if (argv.length) throw new CliError(`unexpected arguments: ${argv.join(' ')}`);
};

/**
 * Where the local desk keeps its data: LOKET_DATA_DIR, else `.data`, or `.data/<document name>` for a
 * desk started with another office's standard (LOKET_STANDARD), so two offices never share a table.
 */
export const dataDir = () =>
  process.env.LOKET_DATA_DIR ??
  (process.env.LOKET_STANDARD ? join('.data', basename(process.env.LOKET_STANDARD).replace(/\.[^.]*$/, '')) : '.data');

export const deskFile = () => join(dataDir(), 'desk.json');

/** The desk.json a running `npm start` wrote, or undefined; a corrupt file is an error naming it. */
const readDeskFile = () => {
  const file = deskFile();
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { url: string; env: Record<string, string> };
  } catch {
    throw new CliError(`${file} is not valid JSON: stop any desk and delete it, then run \`npm start\``, 1);
  }
};

/**
 * The local desk, if one answers at the address its desk.json names. A desk that crashed leaves the
 * file behind: that is reported as "stale", not discovered later as a connection error.
 */
export const localDesk = async (): Promise<{ url: string; env: Record<string, string> } | 'stale' | undefined> => {
  const desk = readDeskFile();
  if (!desk) return undefined;
  try {
    const res = await fetch(`${desk.url}/health`, { signal: AbortSignal.timeout(3000) });
    await res.body?.cancel();
    return desk;
  } catch {
    return 'stale';
  }
};

/** AWS when LOKET_STAGE names a stage, or inside `npx sst shell` (which names the app and its stage). */
export const isAws = () => (process.env.LOKET_STAGE ?? 'local') !== 'local' || Boolean(process.env.SST_RESOURCE_App);

/**
 * Inside `npx sst shell --stage <stage>`, SST puts each linkable resource in the environment as
 * `SST_RESOURCE_<Name>` (JSON of its link properties). The desk's settings follow from the names in
 * infra/ (table Loket, bucket Files, the Desk linkable, the secrets); a variable already set wins.
 */
export const settingsFromSstShell = (env: Record<string, string | undefined>): Record<string, string> => {
  const resource = (name: string): Record<string, string> | undefined => {
    const raw = env[`SST_RESOURCE_${name}`];
    try {
      return raw ? JSON.parse(raw) : undefined;
    } catch {
      throw new CliError(`SST_RESOURCE_${name} is not JSON: run the CLI inside \`npx sst shell --stage <stage>\``, 1);
    }
  };
  const app = resource('App');
  if (!app) return {};
  const found: Record<string, string | undefined> = {
    LOKET_STAGE: app.stage,
    LOKET_TABLE: resource('Loket')?.name,
    LOKET_BUCKET: resource('Files')?.name,
    LOKET_PUBLIC_URL: resource('Desk')?.publicUrl,
    LOKET_MAIL_FROM: resource('Desk')?.mailFrom,
    GOOGLE_FORMS_WEBHOOK_SECRET: resource('GoogleFormsWebhookSecret')?.value,
    LOKET_AUTH_SECRET: resource('AuthSecret')?.value,
    GOOGLE_SERVICE_ACCOUNT_KEY: resource('GoogleServiceAccountKey')?.value || undefined,
  };
  return Object.fromEntries(
    Object.entries(found).filter((e): e is [string, string] => Boolean(e[1]) && env[e[0]] === undefined),
  );
};
