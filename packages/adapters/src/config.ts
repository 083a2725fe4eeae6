import * as z from 'zod';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_LAPOR_STATUS_MAP, FormMappingSchema, installStandard, LaporStatusMap, office } from '@loket/core';
import { loadStandard } from './standard-file';

/**
 * Every configuration variable of the desk, read and validated once. An error names the variable.
 * In AWS the values come from the function's environment (SST links and secrets); locally from
 * defaults so that `npm start` needs nothing.
 */
/** The secrets a local desk runs with; known to everyone who reads this file, so never valid in AWS. */
export const LOCAL_SECRETS = {
  GOOGLE_FORMS_WEBHOOK_SECRET: 'loket-local-webhook-secret-change-me',
  LOKET_AUTH_SECRET: 'loket-local-auth-secret-change-me',
} as const;
/**
 * Which process this is. Each Lambda is given only the secrets it uses (infra/runtime.ts) and refuses
 * to start without them; the jobs sign nothing and verify nothing, so they hold neither HMAC key.
 * `desk` is the local desk and the CLI: everything.
 */
const LOKET_FUNCTIONS = ['desk', 'api', 'jobs'] as const;
export type LoketFunction = (typeof LOKET_FUNCTIONS)[number];
export const REQUIRED_SECRETS: Record<LoketFunction, (keyof typeof LOCAL_SECRETS)[]> = {
  desk: ['GOOGLE_FORMS_WEBHOOK_SECRET', 'LOKET_AUTH_SECRET'],
  api: ['GOOGLE_FORMS_WEBHOOK_SECRET', 'LOKET_AUTH_SECRET'],
  jobs: [],
};
/** 256 bits: an HMAC key shorter than its hash's output is easier to guess than it needs to be. */
const MIN_SECRET_BYTES = 32;

/** An optional setting an SST secret or a deploy variable may hand over as "": the same as not set. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const Env = z
  .object({
    LOKET_STAGE: z.string().default('local'),
    LOKET_FUNCTION: z.enum(LOKET_FUNCTIONS).default('desk'),
    LOKET_TABLE: z.string().min(3).default('loket-local'),
    LOKET_BUCKET: z.string().min(3).default('loket-local-files'),
    AWS_REGION: z.string().default('ap-southeast-3'),
    LOKET_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    GOOGLE_FORMS_WEBHOOK_SECRET: z.string().min(16).optional(),
    LOKET_AUTH_SECRET: z.string().min(16).optional(),
    /** The sender of the desk's mail; defaults to the office's own (its standard's `office.email`). */
    LOKET_MAIL_FROM: unsetIfEmpty(z.string()),
    /**
     * The office's standard document (docs/STANDARD.md). In AWS the deploy checks it and ships it beside
     * the code (infra/standard.ts); locally the default is package.json's `loket.standard`.
     */
    LOKET_STANDARD: unsetIfEmpty(z.string()),
    /** Production form → service mappings: `[{"formId","serviceId","questions":{"<question id or title>":"<field id>"}}]`. */
    LOKET_FORM_MAPPINGS: z
      .string()
      .default('[]')
      .transform((s, ctx) => {
        try {
          return z.array(FormMappingSchema).parse(JSON.parse(s));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a JSON array of {formId, serviceId, questions, since?, formUrl?}',
          });
          return z.NEVER;
        }
      }),
    /**
     * Whether this function sends a change's mail at once (`inline`) or leaves it in the outbox for the
     * minutely drain (`scheduled`). In AWS the API is `scheduled`: it never waits on SES and needs no
     * permission to send; the jobs function sends. Locally everything is inline.
     */
    LOKET_MAIL_DELIVERY: z.enum(['inline', 'scheduled']).default('inline'),
    /** Send mail by SMTP (`smtp://host:port`) instead of Amazon SES. The local desk points it at its catcher. */
    LOKET_SMTP_URL: z.string().url().optional(),
    /** The Google service account's JSON key (an SST secret): reads form responses and uploaded files. */
    GOOGLE_SERVICE_ACCOUNT_KEY: z
      .string()
      .optional()
      .refine((s) => {
        if (s === undefined) return true;
        try {
          const k = JSON.parse(s);
          return typeof k.client_email === 'string' && typeof k.private_key === 'string';
        } catch {
          return false;
        }
      }, 'must be the JSON key file of a service account (client_email, private_key)'),
    /** "Masuk dengan Google" (OpenID Connect): the OAuth client of the Dinas's Google Cloud project. Without an id the button is hidden. */
    GOOGLE_OAUTH_CLIENT_ID: unsetIfEmpty(z.string()),
    GOOGLE_OAUTH_CLIENT_SECRET: unsetIfEmpty(z.string()),
    /** The OpenID provider, found through its discovery document; tests point it at a local provider. */
    GOOGLE_OIDC_ISSUER: z.string().url().default('https://accounts.google.com'),
    /** Where the Google APIs are (tests point it at a local server); Google's own when unset. */
    GOOGLE_API_ROOT_URL: z.string().url().optional(),
    /**
     * Local desk only, set by it when it plays Google itself: services taken by Google Form link their
     * page to the desk's demo form of them (`/contoh/formulir/<service>`).
     */
    LOKET_DEMO_FORMS: z.enum(['on', 'off']).default('off'),
    /** Local desk only: how often the deadline/outbox/file-retry job runs (AWS runs it every minute). */
    LOKET_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    LOKET_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** The Online Data System (ODS) of the UMKM registry, linked in the mail to a business just recorded. */
    LOKET_ODS_URL: unsetIfEmpty(z.string().url()),
    /** SP4N-LAPOR! API channel (README, "SP4N-LAPOR!"). Unset: the manual channel only. */
    LAPOR_API_BASE_URL: unsetIfEmpty(z.string().url()),
    /** Secrets in AWS: sent as `auth: Bearer <LAPOR_API_AUTH>` and `token: <LAPOR_API_TOKEN>`. */
    LAPOR_API_AUTH: unsetIfEmpty(z.string()),
    LAPOR_API_TOKEN: unsetIfEmpty(z.string()),
    /** The Dinas's user and institution ids in LAPOR! (the follow-up form asks for them). */
    LAPOR_USER_ID: z.string().max(64).optional(),
    LAPOR_INSTITUTION_ID: z.string().max(64).optional(),
    /** `{"<status code>": {"name", "stage": "baru|disposisi|proses|selesai|arsip"}}`; the default is an assumption (core/lapor). */
    LAPOR_STATUS_MAP: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return DEFAULT_LAPOR_STATUS_MAP;
        try {
          return LaporStatusMap.parse(JSON.parse(s));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a JSON object {"<code>": {"name": "…", "stage": "baru|disposisi|proses|selesai|arsip"}}',
          });
          return z.NEVER;
        }
      }),
    /** Optional discovery: a path on the LAPOR! API that lists the Dinas's complaints (off when unset). */
    LAPOR_INBOX_PATH: z.string().startsWith('/').optional(),
    LAPOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
    /**
     * How letters are signed (docs/RULES.md §5): `bsre` through the office's BSrE esign gateway, `desk`
     * with the desk certificate (not a certified signature; for the local desk and offices without BSrE).
     */
    LOKET_SIGNING: z.enum(['desk', 'bsre']).default('desk'),
    /**
     * Where the desk certificate's keys are kept: `file:<path>` (local) or `secretsmanager:<secret name>`
     * (AWS: the stage's secret `loket/<stage>/desk-keys`, created at the first signing). Locally defaults to a private temp file.
     */
    LOKET_DESK_KEYS: unsetIfEmpty(
      z.string().regex(/^(file:|secretsmanager:)./, 'file:<path> or secretsmanager:<name>'),
    ),
    /** The office's BSrE esign gateway (`LOKET_SIGNING=bsre`): its base URL and HTTP Basic account (a secret). */
    LOKET_BSRE_URL: unsetIfEmpty(z.string().url()),
    LOKET_BSRE_USER: unsetIfEmpty(z.string()),
    LOKET_BSRE_PASSWORD: unsetIfEmpty(z.string()),
    LOKET_BSRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
    /** The appearance the gateway adds: `visible` over the letter's signature box, or `invisible`. */
    LOKET_BSRE_TAMPILAN: z.enum(['visible', 'invisible']).default('visible'),
  })
  .transform((env, ctx) => {
    // Locally the well-known defaults keep `npm start` free of setup. Anywhere else a missing, short or
    // default secret would let anyone sign webhooks or officer sessions: refuse to start.
    const secret = (name: keyof typeof LOCAL_SECRETS) => {
      const value = env[name];
      if (env.LOKET_STAGE === 'local') return value ?? LOCAL_SECRETS[name];
      // Not this function's secret: held empty, and an empty key signs and verifies nothing (auth.ts, signature.ts).
      if (!REQUIRED_SECRETS[env.LOKET_FUNCTION].includes(name)) return '';
      if (!value)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `required outside the local stage (stage "${env.LOKET_STAGE}")`,
        });
      else if (value === LOCAL_SECRETS[name])
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is the public local default; set a secret of your own',
        });
      else if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `must be at least ${MIN_SECRET_BYTES} bytes outside the local stage`,
        });
      return value ?? '';
    };
    // The API channel needs all three; half a configuration would fail on the first complaint instead of now.
    if (env.LAPOR_API_BASE_URL && (!env.LAPOR_API_AUTH || !env.LAPOR_API_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.LAPOR_API_AUTH ? 'LAPOR_API_TOKEN' : 'LAPOR_API_AUTH'],
        message: 'required when LAPOR_API_BASE_URL is set',
      });
    }
    if (env.LOKET_SIGNING === 'bsre')
      for (const name of ['LOKET_BSRE_URL', 'LOKET_BSRE_USER', 'LOKET_BSRE_PASSWORD'] as const)
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when LOKET_SIGNING=bsre' });
    return {
      ...env,
      // Locally a private temp file per table; on a stage the stage's secret (infra/access.ts names it).
      LOKET_DESK_KEYS:
        env.LOKET_DESK_KEYS ??
        (env.LOKET_STAGE === 'local'
          ? `file:${join(tmpdir(), `loket-desk-keys-${env.LOKET_TABLE}.json`)}`
          : `secretsmanager:loket/${env.LOKET_STAGE}/desk-keys`),
      GOOGLE_FORMS_WEBHOOK_SECRET: secret('GOOGLE_FORMS_WEBHOOK_SECRET'),
      LOKET_AUTH_SECRET: secret('LOKET_AUTH_SECRET'),
    };
  });
export type Config = Omit<z.infer<typeof Env>, 'LOKET_MAIL_FROM' | 'LOKET_STANDARD'> & {
  LOKET_MAIL_FROM: string;
  LOKET_STANDARD: string;
};

/** The repository's own office standard, named in package.json (`loket.standard`): the local default. */
export const defaultStandardFile = () =>
  (JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8')) as { loket: { standard: string } }).loket
    .standard;

export class ConfigError extends Error {}

export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  // Parsed once per process: compiling zod's fast path for a single parse costs more than it saves.
  const parsed = Env.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // The office this process serves: installed before anything reads a service, role or the office.
  const standardFile = parsed.data.LOKET_STANDARD ?? defaultStandardFile();
  const started = performance.now();
  try {
    installStandard(loadStandard(standardFile));
  } catch (e) {
    throw new ConfigError(`LOKET_STANDARD: ${(e as Error).message}`);
  }
  // What reading the office's standard costs a cold start (`npm run bench -- cold` reports it).
  performance.measure('loket.standard', { start: started });
  return {
    ...parsed.data,
    LOKET_STANDARD: standardFile,
    LOKET_MAIL_FROM: parsed.data.LOKET_MAIL_FROM ?? `Loket ${office().shortName} <${office().email}>`,
  };
};
