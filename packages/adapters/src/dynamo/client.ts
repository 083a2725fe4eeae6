import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from './table';

/** The endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB locally), so one bundle serves both. */
export const createDynamoClient = (region: string) => new DynamoDBClient({ region, maxAttempts: 4 });

/** Creates the table and its indexes from TABLE_SCHEMA if missing; safe to call on every start. */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> => {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  const attrs = Object.keys(TABLE_SCHEMA.fields).map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attrs,
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.primaryIndex.hashKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.primaryIndex.rangeKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.entries(TABLE_SCHEMA.globalIndexes).map(([IndexName, k]) => ({
          IndexName,
          KeySchema: [
            { AttributeName: k.hashKey, KeyType: 'HASH' },
            { AttributeName: k.rangeKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (e) {
    if (e instanceof ResourceInUseException) return 'exists';
    throw e;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttl, Enabled: true },
    }),
  );
  return 'created';
};
