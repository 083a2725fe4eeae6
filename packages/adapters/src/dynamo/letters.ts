import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  defaultLetterSettings,
  type LetterClaim,
  type LetterRecord,
  LetterSettings,
  type LetterStore,
  LoketError,
  type StoredLetter,
} from '@loket/core';
import { stripKeys, toItem } from './codec';
import { queryAll, queryDueOnGsi1, timeKey } from './query';

/**
 * The letter register. Numbers come from one atomic counter per unit and year (and classification
 * when configured), so concurrent issues never share a number and a number is never given back. Each
 * case holds a claim (`CASE#<id>` / `LETTER`) that makes issuing its letter happen once: whoever holds
 * the claim draws the number and writes it into the claim before anything else, so a retry after a
 * crash continues with the same number.
 */
const claimKey = (caseId: string) => toItem({ pk: `CASE#${caseId}`, sk: 'LETTER' });
const letterKey = (id: string) => toItem({ pk: `LETTER#${id}`, sk: 'L' });
/** A signing in progress (markIssuing), found by the minutely job on gsi1 once due. */
const issuingKey = (id: string) => ({ pk: `LETTERISSUING#${id}`, sk: 'I' });
const SETTINGS_KEY = { pk: 'CONFIG', sk: 'LETTERS' };
/**
 * SET every attribute of a register line (the download hashes and keys stay), REMOVE the optional ones
 * it no longer has (a failure cleared by the signature).
 */
const setAll = (letter: LetterRecord, expectedVersion: number) => {
  const { id: _, ...fields } = letter;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets = Object.entries(fields).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:v${i}`] = v;
    return `#a${i} = :v${i}`;
  });
  const removable = ['signingFailure', 'signature', 'revokedAt', 'revokedBy', 'revokeReason'].filter(
    (k) => !(k in fields),
  );
  removable.forEach((k, i) => (names[`#r${i}`] = k));
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removable.length ? ` REMOVE ${removable.map((_, i) => `#r${i}`).join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: toItem(values),
  };
};
const conditionFailed = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';

export class DynamoLetters implements LetterStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async settings(): Promise<{ data: LetterSettings; version: number }> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: toItem(SETTINGS_KEY), ConsistentRead: true }),
    );
    if (!r.Item) return { data: defaultLetterSettings(), version: 0 };
    const item = stripKeys<{ settings: unknown; version: number }>(r.Item);
    return { data: LetterSettings.parse(item.settings), version: item.version };
  }

  async saveSettings(data: LetterSettings, expectedVersion: number): Promise<number> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({ ...SETTINGS_KEY, settings: LetterSettings.parse(data), version: expectedVersion + 1 }),
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } } }),
        }),
      );
      return expectedVersion + 1;
    } catch (e) {
      if (!conditionFailed(e)) throw e;
      throw new LoketError('conflict', 'Pengaturan surat baru saja diubah oleh admin lain. Muat ulang lalu coba lagi.');
    }
  }

  /** The next running number of a counter (atomic: DynamoDB's ADD). */
  async nextSeq(counter: string): Promise<number> {
    const r = await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: toItem({ pk: `COUNTER#LETTER#${counter}`, sk: 'N' }),
        UpdateExpression: 'ADD seq :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes!.seq!.N);
  }

  async claimOf(caseId: string): Promise<LetterClaim | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: claimKey(caseId), ConsistentRead: true }),
    );
    return r.Item ? stripKeys<LetterClaim>(r.Item) : undefined;
  }

  /** Takes the case's claim if nobody has; otherwise returns the claim that exists. */
  async claim(claim: LetterClaim): Promise<LetterClaim> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({ pk: `CASE#${claim.caseId}`, sk: 'LETTER', ...claim }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return claim;
    } catch (e) {
      if (!conditionFailed(e)) throw e;
      return (await this.claimOf(claim.caseId))!;
    }
  }

  /** Takes over a claim whose holder went quiet (crashed); false if someone else was quicker. */
  async takeOver(caseId: string, fromToken: string, toToken: string, now: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: claimKey(caseId),
          UpdateExpression: 'SET #t = :to, claimedAt = :now',
          ConditionExpression: '#t = :from',
          ExpressionAttributeNames: { '#t': 'token' },
          ExpressionAttributeValues: toItem({ ':to': toToken, ':from': fromToken, ':now': now }),
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  /** Writes the drawn number into the claim, once; false if the claim is no longer the caller's or has one. */
  async setNumber(
    caseId: string,
    token: string,
    n: { seq: number; number: string; classification: string; year: number },
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: claimKey(caseId),
          UpdateExpression: 'SET seq = :seq, #n = :number, classification = :cls, #y = :year',
          ConditionExpression: '#t = :token AND attribute_not_exists(seq)',
          ExpressionAttributeNames: { '#t': 'token', '#n': 'number', '#y': 'year' },
          ExpressionAttributeValues: toItem({
            ':seq': n.seq,
            ':number': n.number,
            ':cls': n.classification,
            ':year': n.year,
            ':token': token,
          }),
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  async markDone(caseId: string) {
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: claimKey(caseId),
        UpdateExpression: 'SET done = :t',
        ExpressionAttributeValues: { ':t': { BOOL: true } },
      }),
    );
  }

  /** Stores a letter's register line (the same line again is harmless: a retry writes what it wrote). */
  async put(letter: StoredLetter) {
    await this.db.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({
          pk: `LETTER#${letter.id}`,
          sk: 'L',
          ...letter,
          gsi2pk: `LETTERS#${letter.year}`,
          gsi2sk: `${String(letter.seq).padStart(7, '0')}#${letter.id}`,
        }),
      }),
    );
  }

  async update(letter: LetterRecord, expectedVersion: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: letterKey(letter.id),
          ...setAll(letter, expectedVersion),
          ConditionExpression: 'version = :expected',
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  async get(id: string): Promise<StoredLetter | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: letterKey(id), ConsistentRead: true }),
    );
    return r.Item ? stripKeys<StoredLetter>(r.Item) : undefined;
  }

  /** Adds a download link's hash; older links stay valid until they expire. */
  async addDownload(id: string, download: { hash: string; until: number }) {
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: letterKey(id),
        UpdateExpression: 'SET downloads = list_append(if_not_exists(downloads, :empty), :d)',
        ExpressionAttributeValues: toItem({ ':d': [download], ':empty': [] }),
      }),
    );
  }

  /** One year's register, in number order (one index query; a year holds hundreds of letters). */
  listYear(year: number): Promise<StoredLetter[]> {
    return queryAll<StoredLetter>(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': { S: `LETTERS#${year}` } },
    });
  }

  async markIssuing(letterId: string, caseId: string, dueAt: number) {
    await this.db.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({
          ...issuingKey(letterId),
          letterId,
          caseId,
          gsi1pk: 'LETTERISSUING',
          gsi1sk: timeKey(dueAt, letterId),
        }),
      }),
    );
  }

  async clearIssuing(letterId: string) {
    await this.db.send(new DeleteItemCommand({ TableName: this.table, Key: toItem(issuingKey(letterId)) }));
  }

  listIssuingDue(at: number, limit: number) {
    return queryDueOnGsi1<{ letterId: string; caseId: string }>(this.db, this.table, 'LETTERISSUING', at, limit);
  }

  /** Revokes a letter that is in force; its number stays in the register. False if it was not in force. */
  async revoke(id: string, r: { by: string; reason: string; at: number }): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: letterKey(id),
          UpdateExpression: 'SET #s = :dicabut, revokedAt = :at, revokedBy = :by, revokeReason = :reason',
          ConditionExpression: '#s = :berlaku',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: toItem({
            ':dicabut': 'dicabut',
            ':berlaku': 'berlaku',
            ':at': r.at,
            ':by': r.by,
            ':reason': r.reason,
          }),
        }),
      );
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }
}
