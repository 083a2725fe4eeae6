import { type DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { type KlinikSeats, type KlinikSession, monthOfSession } from '@loket/core';
import { toItem } from './codec';
import { queryAll } from './query';

const key = (s: Pick<KlinikSession, 'date' | 'time' | 'id'>) =>
  toItem({ pk: `KLINIK#${monthOfSession(s.date)}`, sk: `S#${s.date}#${s.time}#${s.id}` });

/** The Klinik KUKM schedule: one partition per month, sessions sorted by date and time. */
export class DynamoKlinik implements KlinikSeats {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async put(s: KlinikSession) {
    await this.db.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({ pk: `KLINIK#${monthOfSession(s.date)}`, sk: `S#${s.date}#${s.time}#${s.id}`, ...s }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  month(month: string): Promise<KlinikSession[]> {
    return queryAll<KlinikSession>(this.db, {
      TableName: this.table,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': { S: `KLINIK#${month}` }, ':s': { S: 'S#' } },
    });
  }

  /** Takes a seat atomically: never over capacity, never the same case twice (a repeat is a no-op). */
  async book(s: Pick<KlinikSession, 'date' | 'time' | 'id'>, caseId: string): Promise<'booked' | 'full'> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(s),
          UpdateExpression: 'SET booked = list_append(booked, :c)',
          ConditionExpression: 'attribute_exists(pk) AND size(booked) < #capacity AND NOT contains(booked, :id)',
          ExpressionAttributeNames: { '#capacity': 'capacity' },
          ExpressionAttributeValues: toItem({ ':c': [caseId], ':id': caseId }),
        }),
      );
      return 'booked';
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
      const current = (await this.month(monthOfSession(s.date))).find((x) => x.id === s.id);
      return current?.booked.includes(caseId) ? 'booked' : 'full';
    }
  }

  /** Gives a seat back (the scheduling step could not be stored). */
  async unbook(s: Pick<KlinikSession, 'date' | 'time' | 'id'>, caseId: string) {
    const current = (await this.month(monthOfSession(s.date))).find((x) => x.id === s.id);
    const at = current?.booked.indexOf(caseId) ?? -1;
    if (at < 0) return;
    await this.db
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(s),
          UpdateExpression: `REMOVE booked[${at}]`,
          ConditionExpression: `booked[${at}] = :id`,
          ExpressionAttributeValues: toItem({ ':id': caseId }),
        }),
      )
      .catch(() => undefined);
  }
}
