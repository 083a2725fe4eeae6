import { type DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { type Item, stripKeys } from './codec';

/** Follows a query's pages until `max` items (or the end), returning them as domain objects. */
export const queryAll = async <T>(db: DynamoDBClient, input: QueryCommandInput, max = Number.POSITIVE_INFINITY): Promise<T[]> => {
  const out: T[] = [];
  let start: Item | undefined;
  do {
    const r = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) out.push(stripKeys<T>(item));
    start = r.LastEvaluatedKey;
  } while (start && out.length < max);
  return out.slice(0, max);
};
