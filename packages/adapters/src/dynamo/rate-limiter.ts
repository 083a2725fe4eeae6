import { type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem } from './codec';

/**
 * Fixed-window counters in the table (`RL#<key>#<window>`), expiring by TTL. Shared by every Lambda
 * instance, so a client guessing tracking numbers is slowed down wherever its requests land.
 */
export class DynamoRateLimiter {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
    private readonly windowSeconds = 600,
  ) {}

  private window(now: number) {
    return Math.floor(now / 1000 / this.windowSeconds);
  }

  private key(client: string, window: number) {
    return toItem({ pk: `RL#${client}#${window}`, sk: 'RL' });
  }

  /** The client's count in the current window (a read: looking is not counted). */
  async count(client: string, now: number): Promise<number> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: this.key(client, this.window(now)) }),
    );
    return Number(r.Item?.hits?.N ?? 0);
  }

  /** Adds one to the client's counter for the current window and returns the new count. */
  async hit(client: string, now: number): Promise<number> {
    const window = this.window(now);
    const r = await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: this.key(client, window),
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp)',
        ExpressionAttributeValues: { ':one': { N: '1' }, ':exp': { N: String((window + 2) * this.windowSeconds) } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes?.hits?.N ?? 0);
  }

  retryAfterSeconds(now: number) {
    return this.windowSeconds - (Math.floor(now / 1000) % this.windowSeconds);
  }
}
