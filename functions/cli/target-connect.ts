import { loadConfig } from '@loket/adapters';
import { createDeps } from '../deps';
import { CliError, deskFile, isAws, localDesk, settingsFromSstShell, dataDir } from './target';

/**
 * Where the CLI acts: AWS inside `npx sst shell --stage <stage>` (or when LOKET_STAGE and the rest are
 * set by hand), otherwise the local desk started by `npm start`, found through
 * the desk.json it writes into LOKET_DATA_DIR.
 */
export const connect = async () => {
  if (!isAws()) {
    const desk = await localDesk();
    if (!desk)
      throw new CliError(
        `no local desk found: looked for ${deskFile()} (data directory ${dataDir()}). ` +
          'Start one with `npm start`; for a desk started with another LOKET_DATA_DIR, run the CLI with that ' +
          'LOKET_DATA_DIR too (or set LOKET_STAGE for AWS)',
        1,
      );
    if (desk === 'stale')
      throw new CliError(
        `the local desk named in ${deskFile()} does not answer (stopped or crashed): start it with \`npm start\``,
        1,
      );
    Object.assign(process.env, desk.env);
  } else {
    Object.assign(process.env, settingsFromSstShell(process.env));
  }
  return createDeps(loadConfig(), {
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
};
