import { files, mail, table } from './storage';

/**
 * What each function may do, action by action (least privilege). SST's `link` would grant
 * `dynamodb:*` and `s3:*`; these lists grant only what the code calls. test/unit/infra.test.ts reads
 * every SDK command in packages/ and functions/ and fails if one has no action here.
 *
 * | function | table                         | bucket                           | SES              |
 * |----------|-------------------------------|----------------------------------|------------------|
 * | Api      | read/write items, query       | put/delete objects, reads, head  | none (queues)    |
 * | jobs     | read/write items, query       | put/delete objects, reads, head  | send as Mail     |
 *
 * The API alone reads and writes one Secrets Manager secret: the desk certificate's keys.
 *
 * TransactWriteItems has no action of its own: it needs the item actions of what it writes.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];
/** HeadBucket (the health check) is authorised as ListBucket on the bucket itself. */
export const BUCKET_ACTIONS = ['s3:ListBucket'];
/** DeleteObject: a manual LAPOR! registration removes the files it stored when its case is not stored. */
export const OBJECT_ACTIONS = ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'];
export const MAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];
/**
 * The desk certificate's keys (LOKET_DESK_KEYS): the API signs letters, and creates the stage's secret
 * at the first signing. Only that one secret name; the jobs sign nothing.
 */
export const SECRET_ACTIONS = [
  'secretsmanager:GetSecretValue',
  'secretsmanager:CreateSecret',
  'secretsmanager:PutSecretValue',
];
export const DESK_KEYS_SECRET = `loket/${$app.stage}/desk-keys`;

const tableAccess = { actions: TABLE_ACTIONS, resources: [table.arn, $interpolate`${table.arn}/index/*`] };
const fileAccess = [
  { actions: BUCKET_ACTIONS, resources: [files.arn] },
  { actions: OBJECT_ACTIONS, resources: [$interpolate`${files.arn}/*`] },
];

export const apiAccess = [
  tableAccess,
  ...fileAccess,
  // Secrets Manager appends six random characters to a secret's ARN.
  { actions: SECRET_ACTIONS, resources: [`arn:aws:secretsmanager:*:*:secret:${DESK_KEYS_SECRET}-*`] },
];
export const jobsAccess = [
  tableAccess,
  ...fileAccess,
  { actions: MAIL_ACTIONS, resources: [mail.nodes.identity.arn, mail.nodes.configurationSet.arn] },
];
