import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '@loket/adapters';
import type { Deps } from '../functions/deps';

/** Counts every item DynamoDB reads for us (Query ScannedCount, GetItem hits): the cost a job or report pays. */
export const countReads = (db: DynamoDBClient) => {
  const counter = { items: 0 };
  db.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const out = (result.output ?? {}) as { ScannedCount?: number; Item?: unknown };
      counter.items += out.ScannedCount ?? (out.Item ? 1 : 0);
      return result;
    },
    { step: 'initialize', name: 'countReads' },
  );
  return counter;
};

/** Writes prepared items in bulk (BatchWriteItem, 8 at a time, unprocessed ones again): history for a benchmark. */
export const writeItems = async (deps: Deps, items: Item[]) => {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      let pending = b.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const r = await deps.db.send(
          new BatchWriteItemCommand({ RequestItems: { [deps.config.LOKET_TABLE]: pending } }),
        );
        pending = (r.UnprocessedItems?.[deps.config.LOKET_TABLE] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
};
