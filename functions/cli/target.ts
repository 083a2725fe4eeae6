import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A failure the CLI explains in one line. Exit code 2 for wrong usage (the default), 1 for anything else. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export const noArguments = (argv: string[]) => {
  if (argv.length) throw new CliError(`unexpected arguments: ${argv.join(' ')}`);
};

export const deskFile = () => join(process.env.LOKET_DATA_DIR ?? '.data', 'desk.json');

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

export const isAws = () => (process.env.LOKET_STAGE ?? 'local') !== 'local';

