import './quiet-sdk';
import { ConfigError } from '@loket/adapters';
import { DeskError, demoToken, startDesk } from './desk';

/** `npm start`: the whole desk on this machine, no cloud account. Ctrl-C stops every child process. */
const main = async () => {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DeskError(`PORT must be a port number, got "${process.env.PORT}".`);
  const dataDir = process.env.LOKET_DATA_DIR ?? '.data';
  const started = Date.now();
  const desk = await startDesk({ port, dataDir });
  const { config } = desk.deps;
  const lines = [
    '',
    `Loket is running (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API and pages     ${desk.url}  (health: ${desk.url}/health)`,
    `  Services          ${desk.url}/api/services   Open311: ${desk.url}/open311/v2/services.json`,
    `  Caught e-mail     ${desk.url}/dev/mail  (SMTP on 127.0.0.1:${desk.emulators.smtpPort})`,
    `  DynamoDB Local    ${desk.emulators.dynamoEndpoint}  table ${config.LOKET_TABLE}`,
    `  S3 (s3rver)       ${desk.emulators.s3Endpoint}  bucket ${config.LOKET_BUCKET}`,
    `  Data directory    ${dataDir}`,
    `  Webhook secret    ${config.GOOGLE_FORMS_WEBHOOK_SECRET}  (GOOGLE_FORMS_WEBHOOK_SECRET)`,
    `  Jobs              deadlines + mail every ${config.LOKET_SWEEP_INTERVAL_SECONDS} s, digests from 07:30 WIB; ` +
      (desk.deps.google ? 'Google Forms reconciliation every 15 min' : 'Google not configured (files stay pending, no reconciliation)'),
    `  Demo token (petugas layanan):  ${demoToken(desk.deps, 'frontdesk')}`,
    `  Other officers:   npx loket token <staff id>  (ids: kadis, kasi-hukum, fungsional, admin, …)`,
    '',
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
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
