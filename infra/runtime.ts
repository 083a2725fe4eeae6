import type { LoketFunction } from '../packages/adapters/src/config';
import { apiAccess, DESK_KEYS_SECRET, jobsAccess } from './access';
import { LAMBDA_BUNDLE } from './bundle';
import {
  authSecret,
  bsrePassword,
  googleKey,
  laporAuth,
  laporToken,
  oauthClientId,
  oauthClientSecret,
  webhookSecret,
} from './secrets';
import { MAIL_FROM, STANDARD_FILE } from './standard';
import { files, table } from './storage';

/**
 * The address citizens and officers reach the desk at; every email link is built on it. Given at
 * deploy time (`LOKET_PUBLIC_URL=https://… npx sst deploy`): a wrong default would mail dead links.
 */
const publicUrl = () => {
  const url = process.env.LOKET_PUBLIC_URL;
  if (!url || !/^https:\/\//.test(url))
    throw new Error(
      'Set LOKET_PUBLIC_URL (https://…) for this stage before deploying: it is the base of every link in emails.',
    );
  return url;
};

/**
 * Form → service mappings to start a stage with (DEPLOY.md): a JSON array, checked here so a typo fails
 * the deploy, not every webhook. Optional: administrators edit mappings on the console's Formulir page,
 * and a stored mapping wins over this one.
 */
const formMappings = () => {
  const text = process.env.LOKET_FORM_MAPPINGS ?? '[]';
  try {
    if (!Array.isArray(JSON.parse(text))) throw new Error('not an array');
  } catch (e) {
    throw new Error(`LOKET_FORM_MAPPINGS must be a JSON array of form mappings: ${(e as Error).message}`);
  }
  return text;
};

/**
 * The SP4N-LAPOR! API channel's plain settings, given at deploy time like the public address (its two
 * credentials are secrets). Without a base URL the desk takes complaints by hand only.
 */
const laporSettings = () => ({
  LAPOR_API_BASE_URL: process.env.LAPOR_API_BASE_URL ?? '',
  LAPOR_API_AUTH: laporAuth.value,
  LAPOR_API_TOKEN: laporToken.value,
  ...Object.fromEntries(
    ['LAPOR_USER_ID', 'LAPOR_INSTITUTION_ID', 'LAPOR_STATUS_MAP', 'LAPOR_INBOX_PATH'].flatMap((k) =>
      process.env[k] ? [[k, process.env[k]!]] : [],
    ),
  ),
});

/**
 * How the API signs letters (docs/RULES.md §5): through the office's BSrE gateway when
 * LOKET_BSRE_URL is given at deploy (its account's password is the BsrePassword secret), else with the
 * desk certificate, whose keys the API keeps in the stage's Secrets Manager secret.
 */
const signingSettings = (): Record<string, $util.Input<string>> => {
  const bsreUrl = process.env.LOKET_BSRE_URL;
  return bsreUrl
    ? {
        LOKET_SIGNING: 'bsre',
        LOKET_BSRE_URL: bsreUrl,
        LOKET_BSRE_USER: process.env.LOKET_BSRE_USER ?? '',
        LOKET_BSRE_PASSWORD: bsrePassword.value,
        LOKET_DESK_KEYS: `secretsmanager:${DESK_KEYS_SECRET}`,
      }
    : { LOKET_SIGNING: 'desk', LOKET_DESK_KEYS: `secretsmanager:${DESK_KEYS_SECRET}` };
};

/** Read by the CLI inside `npx sst shell` (functions/cli/target-connect.ts): where links point. */
export const desk = new sst.Linkable('Desk', { properties: { publicUrl: publicUrl(), mailFrom: MAIL_FROM } });

/**
 * Per function: the secrets it reads (and config.ts's REQUIRED_SECRETS makes it refuse to start
 * without), its IAM actions (infra/access.ts), and how it sends mail. The API queues mail and the
 * jobs' minutely drain sends it, so the API never waits on SES and may not send at all.
 */
const PROFILES = {
  api: {
    access: apiAccess,
    environment: {
      GOOGLE_FORMS_WEBHOOK_SECRET: webhookSecret.value,
      LOKET_AUTH_SECRET: authSecret.value,
      GOOGLE_OAUTH_CLIENT_ID: oauthClientId.value,
      GOOGLE_OAUTH_CLIENT_SECRET: oauthClientSecret.value,
      // The webhook copies a submission's Drive files while Apps Script waits (within a budget).
      GOOGLE_SERVICE_ACCOUNT_KEY: googleKey.value,
      LOKET_MAIL_DELIVERY: 'scheduled',
    },
  },
  jobs: {
    access: jobsAccess,
    environment: {
      // Reconciliation and the file-copy retries.
      GOOGLE_SERVICE_ACCOUNT_KEY: googleKey.value,
      LOKET_MAIL_DELIVERY: 'inline',
    },
  },
} satisfies Record<Exclude<LoketFunction, 'desk'>, unknown>;

/**
 * One Loket Lambda: Node 22 on arm64, bundled as `npm run bench` measures it (infra/bundle.ts), with
 * the environment functions/deps.ts validates, so the same code runs here and on the local desk.
 */
export const lambda = (fn: keyof typeof PROFILES, handler: string, timeout: `${number} seconds`) => ({
  handler,
  runtime: 'nodejs22.x' as const,
  architecture: 'arm64' as const,
  memory: '1024 MB' as const,
  timeout,
  permissions: PROFILES[fn].access,
  // The letter fonts, read from the task root when a letter is rendered (packages/adapters/src/pdf).
  // The office's checked standard, read at start (infra/standard.ts).
  copyFiles: [{ from: 'packages/adapters/src/pdf/fonts', to: 'fonts' }, STANDARD_FILE],
  environment: {
    LOKET_STAGE: $app.stage,
    LOKET_FUNCTION: fn,
    LOKET_TABLE: table.name,
    LOKET_BUCKET: files.name,
    LOKET_PUBLIC_URL: publicUrl(),
    LOKET_MAIL_FROM: MAIL_FROM,
    LOKET_STANDARD: STANDARD_FILE.to,
    LOKET_FORM_MAPPINGS: formMappings(),
    // The UMKM registry's Online Data System, linked in the mail to a business just recorded (optional).
    ...(process.env.LOKET_ODS_URL ? { LOKET_ODS_URL: process.env.LOKET_ODS_URL } : {}),
    // Both functions: the API registers complaints, the jobs sync them and post the desk's answers.
    ...laporSettings(),
    ...signingSettings(),
    ...PROFILES[fn].environment,
  },
  nodejs: {
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    splitting: LAMBDA_BUNDLE.splitting,
    esbuild: { mainFields: LAMBDA_BUNDLE.mainFields },
  },
});
