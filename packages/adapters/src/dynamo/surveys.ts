import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { type SurveyResponse, type SurveyStore, wibMonth } from '@loket/core';
import { toItem } from './codec';
import { queryAll, timeKey } from './query';

/**
 * Survey answers, one item per case (`SURVEY#<case>`, written only if absent), indexed by month in
 * gsi2 (`IKM#<yyyy-mm>`), so a period's index reads that period's answers and nothing else.
 */
export class DynamoSurveys implements SurveyStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  /** False when this case was already answered. */
  async put(r: SurveyResponse): Promise<boolean> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({
            pk: `SURVEY#${r.caseId}`,
            sk: 'R',
            ...r,
            gsi2pk: `IKM#${wibMonth(r.at)}`,
            gsi2sk: timeKey(r.at, r.caseId),
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  async answered(caseId: string): Promise<boolean> {
    const r = await this.db.send(
      new GetItemCommand({
        TableName: this.table,
        Key: toItem({ pk: `SURVEY#${caseId}`, sk: 'R' }),
        ConsistentRead: true,
      }),
    );
    return r.Item !== undefined;
  }

  /** The answers of one month (`yyyy-mm`). */
  month(month: string): Promise<SurveyResponse[]> {
    return queryAll<SurveyResponse>(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': { S: `IKM#${month}` } },
    });
  }
}
