import { TABLE_SCHEMA } from '../packages/adapters/src/dynamo/table';

/** The single table; keys and indexes come from the same definition the local emulator uses. */
export const table = new sst.aws.Dynamo('Loket', {
  fields: TABLE_SCHEMA.fields,
  primaryIndex: TABLE_SCHEMA.primaryIndex,
  globalIndexes: TABLE_SCHEMA.globalIndexes,
  ttl: TABLE_SCHEMA.ttl,
});

/** Private bucket for raw submissions and applicants' documents (encrypted at rest by S3's default). */
export const files = new sst.aws.Bucket('Files');

/** The verified SES sender; linking it lets a function send from it. */
export const mail = new sst.aws.Email('Mail', { sender: 'loket@dinkop.pasuruankab.go.id' });
