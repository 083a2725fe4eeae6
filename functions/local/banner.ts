import { office } from '@loket/core';
import type { Desk } from './desk';
import { demoStaff } from './seed';

const demoIds = () => {
  const ids = demoStaff().map((m) => m.id);
  return ids.length > 5 ? `${ids.slice(0, 5).join(', ')}, …` : ids.join(', ');
};

/**
 * What `npm start` prints: where everything is. Only the local stage's well-known webhook secret is
 * shown; no officer token, because this text ends up in terminals' scrollback and CI logs.
 */
export const bannerLines = (desk: Desk, dataDir: string, startupMs: number): string[] => {
  const { config } = desk.deps;
  return [
    '',
    `Loket is running for ${office().name} (${(startupMs / 1000).toFixed(1)} s)`,
    `  Public pages      ${desk.url}/  (status: ${desk.url}/status)`,
    ...(desk.google
      ? [
          `  Demo forms        ${desk.url}/contoh/formulir/<service>  (linked from each service page: "Ajukan permohonan")`,
        ]
      : []),
    `  Officers' console ${desk.url}/konsol  (local demo sign-in: ${desk.url}/konsol/masuk/dev)`,
    `  JSON API          ${desk.url}/api/openapi.json  (health: ${desk.url}/health)`,
    `  Services          ${desk.url}/api/services   Open311: ${desk.url}/open311/v2/services.json`,
    `  Caught e-mail     ${desk.url}/dev/mail  (SMTP on 127.0.0.1:${desk.emulators.smtpPort})`,
    `  DynamoDB Local    ${desk.emulators.dynamoEndpoint}  table ${config.LOKET_TABLE}`,
    `  S3 (s3rver)       ${desk.emulators.s3Endpoint}  bucket ${config.LOKET_BUCKET}`,
    `  Data directory    ${dataDir}`,
    `  Webhook secret    ${config.GOOGLE_FORMS_WEBHOOK_SECRET}  (GOOGLE_FORMS_WEBHOOK_SECRET)`,
    `  Jobs              deadlines + mail every ${config.LOKET_SWEEP_INTERVAL_SECONDS} s, digests from 07:30 WIB; ` +
      (desk.deps.google
        ? desk.google
          ? 'Google played locally (demo forms upload to an emulated Drive)'
          : 'Google Forms reconciliation every 15 min'
        : 'Google not configured (files stay pending, no reconciliation)'),
    `  Officer token     npx loket token <staff id>  (12 h; ids: ${demoIds()})`,
    '',
    'Press Ctrl-C to stop.',
  ];
};
