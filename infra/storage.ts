import { RAW_RETENTION_DAYS, TABLE_SCHEMA } from '../packages/adapters/src/dynamo/table';
import { MAIL_SENDER } from './standard';

/**
 * The single table: on demand, point-in-time recovery (35 days of restores), TTL on `expiresAt`, and
 * keys and indexes from the same definition the local emulator is created from.
 */
export const table = new sst.aws.Dynamo('Loket', {
  fields: TABLE_SCHEMA.fields,
  primaryIndex: TABLE_SCHEMA.primaryIndex,
  globalIndexes: TABLE_SCHEMA.globalIndexes,
  ttl: TABLE_SCHEMA.ttl,
  // SST's defaults today; stated so that a change of default cannot silently drop them.
  transform: { table: { billingMode: 'PAY_PER_REQUEST', pointInTimeRecovery: { enabled: true } } },
});

/**
 * How long objects live under each prefix. Raw submissions are the evidence behind every case
 * (docs/RULES.md, "Nothing is lost"): kept two years, then the case itself is the record. `tmp/` holds
 * exports and files in passing.
 */
export const FILE_LIFETIMES = [
  { id: 'raw-submissions', prefix: 'raw/', expiresIn: `${RAW_RETENTION_DAYS} days` as const },
  { id: 'temporary-files', prefix: 'tmp/', expiresIn: '2 days' as const },
];

/**
 * Applicants' documents and raw submissions: private (SST blocks public access and policies, and
 * refuses plain HTTP), no CORS (browsers only follow presigned links, they never call S3 from a page).
 */
export const files = new sst.aws.Bucket('Files', { cors: false, lifecycle: FILE_LIFETIMES });

/** Encrypted at rest with S3-managed keys, stated rather than left to the account default. */
export const filesEncryption = new aws.s3.BucketServerSideEncryptionConfiguration('FilesEncryption', {
  bucket: files.name,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
});

/** The verified SES sender. Only the jobs function may send as it (infra/access.ts). */
export const mail = new sst.aws.Email('Mail', { sender: MAIL_SENDER });
