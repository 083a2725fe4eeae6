import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { Standard, StandardArchive } from '@loket/core';
import { stripKeys, toItem } from './codec';

const key = (version: string) => ({ pk: `STANDARD#${version}`, sk: 'DOCUMENT' });
const digest = (json: string) => createHash('sha256').update(json).digest('hex');

/**
 * The versions of the office's standard the desk has run, one item each (the document as JSON and its
 * hash), written once: a stored version is never overwritten, so the cases opened under it keep it.
 */
export class DynamoStandardArchive implements StandardArchive {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async record(standard: Standard) {
    const json = JSON.stringify(standard);
    const sha256 = digest(json);
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({ ...key(standard.version), document: json, sha256 }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { changedWithoutNewVersion: false };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      const stored = await this.db.send(
        new GetItemCommand({
          TableName: this.table,
          Key: toItem(key(standard.version)),
          ProjectionExpression: 'sha256',
        }),
      );
      return { changedWithoutNewVersion: stored.Item?.sha256?.S !== sha256 };
    }
  }

  async get(version: string): Promise<Standard | undefined> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: toItem(key(version)) }));
    return r.Item ? (JSON.parse(stripKeys<{ document: string }>(r.Item).document) as Standard) : undefined;
  }
}
