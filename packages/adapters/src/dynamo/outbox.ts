import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { newOutboxEntry, type OutboxEntry, type OutboxStore, type OutgoingMail } from '@loket/core';
import { type Item, stripKeys, toItem } from './codec';
import { queryAll, queryDueOnGsi1, timeKey } from './query';

const key = (id: string) => toItem({ pk: `OUTBOX#${id}`, sk: 'MSG' });
/** Sent mail holds addresses: it is kept 30 days for support questions, then expires. */
const SENT_RETENTION_S = 30 * 86_400;

/**
 * The outbox item. While pending it sits in the sparse gsi1 under `OUTBOX`, keyed by its next attempt;
 * a failed one moves to `MAILFAIL` so administrators can list it. Case transactions write these same
 * items (see case-repository.ts), which is what makes "record the alert" and "queue its email" one step.
 */
const outboxItem = (e: OutboxEntry): Item =>
  toItem({
    pk: `OUTBOX#${e.id}`,
    sk: 'MSG',
    ...e,
    gsi1pk: e.status === 'pending' ? 'OUTBOX' : e.status === 'failed' ? 'MAILFAIL' : undefined,
    gsi1sk:
      e.status === 'pending'
        ? timeKey(e.nextAttemptAt, e.id)
        : e.status === 'failed'
          ? timeKey(e.failedAt ?? 0, e.id)
          : undefined,
  });

/** A Put for a transaction: only if no message with this id was ever queued. */
export const outboxPut = (table: string, e: OutboxEntry) => ({
  Put: { TableName: table, Item: outboxItem(e), ConditionExpression: 'attribute_not_exists(pk)' },
});

export class DynamoOutbox implements OutboxStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async enqueue(mails: OutgoingMail[], now: number): Promise<string[]> {
    const queued: string[] = [];
    for (const m of mails) {
      try {
        await this.db.send(new PutItemCommand({ ...outboxPut(this.table, newOutboxEntry(m, now)).Put }));
        queued.push(m.id);
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e; // queued before: once is enough
      }
    }
    return queued;
  }

  async get(id: string) {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    return r.Item ? stripKeys<OutboxEntry>(r.Item) : undefined;
  }

  due(now: number, limit: number) {
    return queryDueOnGsi1<OutboxEntry>(this.db, this.table, 'OUTBOX', now, limit);
  }

  listFailed(limit: number) {
    return queryAll<OutboxEntry>(
      this.db,
      {
        TableName: this.table,
        IndexName: 'gsi1',
        Limit: limit,
        ScanIndexForward: false,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': { S: 'MAILFAIL' } },
      },
      limit,
    );
  }

  async claim(entry: OutboxEntry, now: number, leaseUntil: number) {
    const claimed: OutboxEntry = { ...entry, attempts: entry.attempts + 1, nextAttemptAt: leaseUntil };
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: outboxItem(claimed),
          ConditionExpression: '#s = :pending AND attempts = :n AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':pending': { S: 'pending' },
            ':n': { N: String(entry.attempts) },
            ':now': { N: String(now) },
          },
        }),
      );
      return claimed;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return undefined; // another dispatcher has it
      throw e;
    }
  }

  async markSent(id: string, now: number) {
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: key(id),
        UpdateExpression: 'SET #s = :sent, sentAt = :now, expiresAt = :exp REMOVE gsi1pk, gsi1sk, lastError',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sent': { S: 'sent' },
          ':now': { N: String(now) },
          ':exp': { N: String(Math.floor(now / 1000) + SENT_RETENTION_S) },
        },
      }),
    );
  }

  async discard(id: string) {
    await this.db.send(new DeleteItemCommand({ TableName: this.table, Key: key(id) }));
  }

  async reschedule(id: string, nextAttemptAt: number, error: string) {
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: key(id),
        UpdateExpression: 'SET nextAttemptAt = :at, gsi1sk = :sk, lastError = :err',
        ExpressionAttributeValues: {
          ':at': { N: String(nextAttemptAt) },
          ':sk': { S: timeKey(nextAttemptAt, id) },
          ':err': { S: error.slice(0, 500) },
        },
      }),
    );
  }

  async requeue(id: string, now: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(id),
          UpdateExpression:
            'SET #s = :pending, attempts = :zero, nextAttemptAt = :now, gsi1pk = :p, gsi1sk = :sk REMOVE failedAt',
          ConditionExpression: '#s = :failed',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':pending': { S: 'pending' },
            ':failed': { S: 'failed' },
            ':zero': { N: '0' },
            ':now': { N: String(now) },
            ':p': { S: 'OUTBOX' },
            ':sk': { S: timeKey(now, id) },
          },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  async markFailed(id: string, now: number, error: string) {
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: key(id),
        UpdateExpression: 'SET #s = :failed, failedAt = :now, lastError = :err, gsi1pk = :p, gsi1sk = :sk',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':failed': { S: 'failed' },
          ':now': { N: String(now) },
          ':err': { S: error.slice(0, 500) },
          ':p': { S: 'MAILFAIL' },
          ':sk': { S: timeKey(now, id) },
        },
      }),
    );
  }
}
