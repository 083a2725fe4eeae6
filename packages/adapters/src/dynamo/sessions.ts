import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { SessionStore, StoredSession, TicketStore } from '@loket/core';
import { type Item, stripKeys, toItem } from './codec';

/** A ticket item's data, or undefined when there is none or it expired (TTL removes items late). */
const freshData = <T>(item: Item | undefined, now: number): T | undefined => {
  if (!item) return undefined;
  const ticket = stripKeys<{ data: T; expiresAtMs: number }>(item);
  return ticket.expiresAtMs > now ? ticket.data : undefined;
};

/**
 * Short-lived, single-use records (`TICKET#<kind>#<id>` / `TICKET`): e-mailed sign-in links and the
 * state of a Google sign-in in progress. `take` deletes and returns in one call, so a ticket can be
 * used once even when two requests race; an expired one is refused even before TTL removes it.
 * Ids are stored as the caller gives them: callers pass a hash, never the secret itself.
 */
export class DynamoTickets implements TicketStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  private key(kind: string, id: string) {
    return toItem({ pk: `TICKET#${kind}#${id}`, sk: 'TICKET' });
  }

  async put(
    kind: string,
    id: string,
    data: Record<string, unknown>,
    expiresAtMs: number,
    now: number,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({
            pk: `TICKET#${kind}#${id}`,
            sk: 'TICKET',
            data,
            expiresAtMs,
            expiresAt: Math.ceil(expiresAtMs / 1000),
          }),
          // An expired ticket may linger until TTL removes it: it no longer counts.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAtMs <= :now',
          ExpressionAttributeValues: { ':now': { N: String(now) } },
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  async peek<T>(kind: string, id: string, now: number): Promise<T | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: this.key(kind, id), ConsistentRead: true }),
    );
    return freshData<T>(r.Item, now);
  }

  async take<T>(kind: string, id: string, now: number): Promise<T | undefined> {
    const r = await this.db.send(
      new DeleteItemCommand({ TableName: this.table, Key: this.key(kind, id), ReturnValues: 'ALL_OLD' }),
    );
    return freshData<T>(r.Attributes, now);
  }
}

/**
 * Officers' browser sessions (`SESSION#<sha256 of the cookie value>` / `SESSION`). Revocable (delete),
 * expiring after `idleMs` without use; `lastSeenAt` is written at most once per `touchEveryMs` so a
 * busy officer does not cost a write per page.
 */
export class DynamoSessions implements SessionStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
    readonly idleMs = 12 * 3600_000,
    private readonly touchEveryMs = 5 * 60_000,
  ) {}

  private key(hash: string) {
    return toItem({ pk: `SESSION#${hash}`, sk: 'SESSION' });
  }

  private expiry(lastSeenAt: number) {
    return Math.ceil((lastSeenAt + this.idleMs) / 1000);
  }

  async create(hash: string, session: StoredSession): Promise<void> {
    await this.db.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({ pk: `SESSION#${hash}`, sk: 'SESSION', ...session, expiresAt: this.expiry(session.lastSeenAt) }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** The session if it exists and was used within the idle limit; marks it used. */
  async use(hash: string, now: number): Promise<StoredSession | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: this.key(hash), ConsistentRead: true }),
    );
    if (!r.Item) return undefined;
    const s = stripKeys<StoredSession>(r.Item);
    if (now - s.lastSeenAt > this.idleMs) return undefined;
    if (now - s.lastSeenAt > this.touchEveryMs) {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: this.key(hash),
          UpdateExpression: 'SET lastSeenAt = :now, expiresAt = :exp',
          ExpressionAttributeValues: { ':now': { N: String(now) }, ':exp': { N: String(this.expiry(now)) } },
        }),
      );
    }
    return s;
  }

  async revoke(hash: string): Promise<void> {
    await this.db.send(new DeleteItemCommand({ TableName: this.table, Key: this.key(hash) }));
  }
}
