import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@loket/adapters';
import { createDeps } from '../deps';

export class CliError extends Error {}

/**
 * Where the CLI acts: AWS when LOKET_STAGE names a deployed stage (credentials and LOKET_TABLE from the
 * environment, e.g. inside `sst shell`), otherwise the local desk started by `npm start`, found through
 * the desk.json it writes into LOKET_DATA_DIR.
 */
export const localDesk = () => {
  const file = join(process.env.LOKET_DATA_DIR ?? '.data', 'desk.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { url: string; env: Record<string, string> }) : undefined;
};

export const isAws = () => (process.env.LOKET_STAGE ?? 'local') !== 'local';

export const connect = () => {
  if (!isAws()) {
    const desk = localDesk();
    if (!desk) throw new CliError('No local desk is running here: start it with `npm start` (or set LOKET_STAGE for AWS).');
    Object.assign(process.env, desk.env);
  }
  return createDeps(loadConfig(), { log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } } });
};
