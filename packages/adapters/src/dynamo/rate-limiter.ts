import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * Fixed-window counters in the table (`RL#<key>#<window>`), expiring by TTL. Shared by every Lambda
 * instance, so a client guessing tracking numbers is slowed down wherever its requests land.
 */
export class DynamoRateLimiter {
  constructor(private readonly db: DynamoDBClient, private readonly table: string, private readonly windowSeconds = 600) {}

  /** Adds `amount` to the client's counter for the current window and returns the new count. */
  async hit(key: string, now: number, amount = 1): Promise<number> {
    const window = Math.floor(now / 1000 / this.windowSeconds);
    const r = await this.db.send(new UpdateItemCommand({
      TableName: this.table,
      Key: { pk: { S: `RL#${key}#${window}` }, sk: { S: 'RL' } },
      UpdateExpression: 'ADD hits :n SET expiresAt = if_not_exists(expiresAt, :exp)',
      ExpressionAttributeValues: { ':n': { N: String(amount) }, ':exp': { N: String((window + 2) * this.windowSeconds) } },
      ReturnValues: 'UPDATED_NEW',
    }));
    return Number(r.Attributes?.hits?.N ?? 0);
  }

  retryAfterSeconds(now: number) {
    return this.windowSeconds - (Math.floor(now / 1000) % this.windowSeconds);
  }
}
