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

const tableAccess = { actions: TABLE_ACTIONS, resources: [table.arn, $interpolate`${table.arn}/index/*`] };
const fileAccess = [
  { actions: BUCKET_ACTIONS, resources: [files.arn] },
  { actions: OBJECT_ACTIONS, resources: [$interpolate`${files.arn}/*`] },
];

export const apiAccess = [tableAccess, ...fileAccess];
export const jobsAccess = [
  tableAccess,
  ...fileAccess,
  { actions: MAIL_ACTIONS, resources: [mail.nodes.identity.arn, mail.nodes.configurationSet.arn] },
];
