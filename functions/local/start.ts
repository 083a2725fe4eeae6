import './quiet-sdk';
import { ConfigError } from '@loket/adapters';
import { bannerLines } from './banner';
import { DeskError, startDesk } from './desk';
import { dataDir as deskDataDir } from '../cli/target';

/** `npm start`: the whole desk on this machine, no cloud account. Ctrl-C stops every child process. */
const main = async () => {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DeskError(`PORT must be a port number, got "${process.env.PORT}".`);
  const dataDir = deskDataDir();
  const started = Date.now();
  const desk = await startDesk({ port, dataDir });
  process.stdout.write(bannerLines(desk, dataDir, Date.now() - started).join('\n') + '\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Loket…\n');
    await desk.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((e) => {
  const known = e instanceof DeskError || e instanceof ConfigError;
  process.stderr.write(`\nLoket could not start: ${known ? e.message : (e as Error).stack}\n`);
  process.exit(1);
});
