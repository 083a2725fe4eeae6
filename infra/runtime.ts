import { authSecret, googleKey, webhookSecret } from './secrets';
import { files, mail, table } from './storage';

/**
 * What every Loket function shares: Node 22, links (which grant the IAM permissions) and the
 * environment functions/deps.ts validates, so the same bundle runs here and on the local desk.
 */
export const functionDefaults = (handler: string, timeout: `${number} seconds`) => ({
  handler,
  runtime: 'nodejs22.x' as const,
  memory: '1024 MB' as const,
  timeout,
  link: [table, files, mail],
  environment: {
    LOKET_STAGE: $app.stage,
    LOKET_TABLE: table.name,
    LOKET_BUCKET: files.name,
    LOKET_MAIL_FROM: 'Loket Dinkop UKM Kab. Pasuruan <loket@dinkop.pasuruankab.go.id>',
    GOOGLE_FORMS_WEBHOOK_SECRET: webhookSecret.value,
    LOKET_AUTH_SECRET: authSecret.value,
    GOOGLE_SERVICE_ACCOUNT_KEY: googleKey.value,
  },
  nodejs: { esbuild: { mainFields: ['module', 'main'] } },
});
