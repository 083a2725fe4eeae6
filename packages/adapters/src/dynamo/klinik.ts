import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { type KlinikSeats, type KlinikSession, monthOfSession } from '@loket/core';
import { toItem } from './codec';
import { queryAll } from './query';

/** A session's item: one partition per month, sorted by date and time. */
export const klinikSessionKey = (s: Pick<KlinikSession, 'date' | 'time' | 'id'>) =>
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
        Item: { ...toItem({ ...s }), ...klinikSessionKey(s) },
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
}
