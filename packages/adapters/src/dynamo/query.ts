import { type DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { type Item, stripKeys } from './codec';

/** Index sort keys that order items by time: `<ISO instant>#<id>`. */
export const timeKey = (ms: number, id: string) => `${new Date(ms).toISOString()}#${id}`;

/** Follows a query's pages until `max` items (or the end), returning them as domain objects. */
export const queryAll = async <T>(
  db: DynamoDBClient,
  input: QueryCommandInput,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> => {
  const out: T[] = [];
  let start: Item | undefined;
  do {
    const r = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) out.push(stripKeys<T>(item));
    start = r.LastEvaluatedKey;
  } while (start && out.length < max);
  return out.slice(0, max);
};

/**
 * Items of one sparse gsi1 queue (`DUE` cases, `ATTACH` markers, `OUTBOX` mail) whose time key is at
 * or before `at`, soonest first. "~" sorts after any id, so everything at exactly `at` is included.
 */
export const queryDueOnGsi1 = <T>(db: DynamoDBClient, table: string, queue: string, at: number, limit: number) =>
  queryAll<T>(
    db,
    {
      TableName: table,
      IndexName: 'gsi1',
      Limit: limit,
      KeyConditionExpression: 'gsi1pk = :q AND gsi1sk <= :at',
      ExpressionAttributeValues: { ':q': { S: queue }, ':at': { S: timeKey(at, '~') } },
    },
    limit,
  );
