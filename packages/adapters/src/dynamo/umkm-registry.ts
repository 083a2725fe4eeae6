import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { UmkmEntry, UmkmRegistry } from '@loket/core';
import { queryAll } from './query';

/** The UMKM registry: one partition of gsi2 (`UMKM`), a few thousand entries for a kabupaten. */
export class DynamoUmkmRegistry implements UmkmRegistry {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  list(): Promise<UmkmEntry[]> {
    return queryAll<UmkmEntry>(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': { S: 'UMKM' } },
    });
  }
}
