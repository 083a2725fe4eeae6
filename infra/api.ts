import { authSecret, webhookSecret } from './secrets';
import { files, table } from './storage';

/**
 * The Hono app on one Lambda with a function URL. Configuration reaches the code only as the
 * environment variables that functions/deps.ts validates, so the same bundle runs here and locally.
 */
export const api = new sst.aws.Function('Api', {
  handler: 'functions/api/index.handler',
  runtime: 'nodejs22.x',
  memory: '1024 MB',
  timeout: '29 seconds',
  url: true,
  link: [table, files],
  environment: {
    LOKET_STAGE: $app.stage,
    LOKET_TABLE: table.name,
    LOKET_BUCKET: files.name,
    GOOGLE_FORMS_WEBHOOK_SECRET: webhookSecret.value,
    LOKET_AUTH_SECRET: authSecret.value,
  },
  nodejs: { esbuild: { mainFields: ['module', 'main'] } },
});
