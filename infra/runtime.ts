import { authSecret, googleKey, oauthClientId, oauthClientSecret, webhookSecret } from './secrets';
import { LAMBDA_BUNDLE } from './bundle';
import { files, mail, table } from './storage';

/**
 * The address citizens and officers reach the desk at; every email link is built on it. Given at
 * deploy time (`LOKET_PUBLIC_URL=https://… npx sst deploy`): a wrong default would mail dead links.
 */
const publicUrl = () => {
  const url = process.env.LOKET_PUBLIC_URL;
  if (!url || !/^https:\/\//.test(url)) throw new Error('Set LOKET_PUBLIC_URL (https://…) for this stage before deploying: it is the base of every link in emails.');
  return url;
};

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
    LOKET_PUBLIC_URL: publicUrl(),
    LOKET_MAIL_FROM: 'Loket Dinkop UKM Kab. Pasuruan <loket@dinkop.pasuruankab.go.id>',
    GOOGLE_FORMS_WEBHOOK_SECRET: webhookSecret.value,
    LOKET_AUTH_SECRET: authSecret.value,
    GOOGLE_SERVICE_ACCOUNT_KEY: googleKey.value,
    GOOGLE_OAUTH_CLIENT_ID: oauthClientId.value,
    GOOGLE_OAUTH_CLIENT_SECRET: oauthClientSecret.value,
  },
  architecture: 'arm64' as const,
  nodejs: { format: LAMBDA_BUNDLE.format, minify: LAMBDA_BUNDLE.minify, splitting: LAMBDA_BUNDLE.splitting, esbuild: { mainFields: LAMBDA_BUNDLE.mainFields } },
});
