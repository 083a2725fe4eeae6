import {
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type CaseChange,
  type SideWrite,
  type CaseEvent,
  type CaseRecord,
  type CaseRepository,
  type DocumentAccess,
  type ExternalKey,
  type RawBody,
  LoketError,
  nextThreshold,
  attachmentDue,
  type OutboxEntry,
  wibMonth,
  SEAT_CONTENTION,
  sessionFull,
} from '@loket/core';
import { type Item, stripKeys, toItem } from './codec';
import { klinikSessionKey } from './klinik';
import { outboxPut } from './outbox';
import { queryAll, queryDueOnGsi1, timeKey } from './query';
import { RAW_RETENTION_DAYS } from './table';
import { externalCaseId } from '../system';

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'META' });
const trkKey = (tn: string) => ({ pk: `TRK#${tn}`, sk: 'TRK' });

/** The case item with its index keys derived from the record, so indexes can never disagree with it. */
export const caseItem = (c: CaseRecord) => {
  const threshold = nextThreshold(c);
  const open = c.closedAt === undefined;
  return toItem({
    ...caseKey(c.id),
    ...c,
    gsi1pk: threshold ? 'DUE' : undefined,
    gsi1sk: threshold ? timeKey(threshold.at, c.id) : undefined,
    gsi2pk: `SVC#${c.serviceId}#${wibMonth(c.clock.receivedAt)}`,
    gsi2sk: timeKey(c.clock.receivedAt, c.id),
    gsi3pk: c.assigneeId ? `STAFF#${c.assigneeId}` : undefined,
    gsi3sk: c.assigneeId ? `${open ? 'OPEN' : 'CLOSED'}#${timeKey(c.createdAt, c.id)}` : undefined,
    gsi4pk: open ? 'OPEN' : undefined,
    gsi4sk: open ? timeKey(c.createdAt, c.id) : undefined,
  });
};

/**
 * A case with files still to copy from Drive has a marker in the sparse gsi1 under `ATTACH`, keyed by
 * its earliest attempt; the marker is derived from the case on every write, like the index keys.
 */
const attachmentMarker = (table: string, c: CaseRecord) => {
  const key = { pk: `ATTQ#${c.id}`, sk: 'ATTQ' };
  const due = c.attachments.filter(attachmentDue).map((a) => a.nextAttemptAt ?? c.createdAt);
  if (!due.length) return c.attachments.length ? [{ Delete: { TableName: table, Key: toItem(key) } }] : [];
  return [
    {
      Put: {
        TableName: table,
        Item: toItem({ ...key, caseId: c.id, gsi1pk: 'ATTACH', gsi1sk: timeKey(Math.min(...due), c.id) }),
      },
    },
  ];
};

/**
 * The records a change writes besides the case (decided in core, `SideWrite`). An owed letter is a
 * marker in gsi1 under `LETTERDUE`, so the minutely job finds any issue that failed; a registry entry
 * is listed by kecamatan on gsi2; a clinic seat is appended to its session only while one is left.
 */
const sideWrite = (table: string, caseId: string, w: SideWrite): TransactWriteItem => {
  const letterKey = { pk: `LETTERQ#${caseId}`, sk: 'LETTERQ' };
  switch (w.kind) {
    case 'letter_owed':
      return {
        Put: {
          TableName: table,
          Item: toItem({ ...letterKey, caseId, gsi1pk: 'LETTERDUE', gsi1sk: timeKey(w.since, caseId) }),
        },
      };
    case 'letter_settled':
      return { Delete: { TableName: table, Key: toItem(letterKey) } };
    case 'registry_entry':
      return {
        Put: {
          TableName: table,
          Item: toItem({
            pk: `UMKM#${w.entry.caseId}`,
            sk: 'U',
            ...w.entry,
            gsi2pk: 'UMKM',
            gsi2sk: `${w.entry.kecamatan}#${w.entry.caseId}`,
          }),
        },
      };
    case 'klinik_seat':
      return {
        Update: {
          TableName: table,
          Key: klinikSessionKey(w.session),
          UpdateExpression: 'SET booked = list_append(booked, :c)',
          ConditionExpression: 'attribute_exists(pk) AND size(booked) < #capacity AND NOT contains(booked, :id)',
          ExpressionAttributeNames: { '#capacity': 'capacity' },
          ExpressionAttributeValues: toItem({ ':c': [w.caseId], ':id': w.caseId }),
        },
      };
  }
};

/** A raw body under its content-addressed key: rewriting the same bytes is harmless, so no condition. */
const rawPut = (table: string, raw: RawBody): TransactWriteItem => ({
  Put: {
    TableName: table,
    Item: toItem({
      pk: `RAW#${raw.key}`,
      sk: 'RAW',
      body: raw.body,
      receivedAt: raw.receivedAt,
      expiresAt: Math.floor(raw.receivedAt / 1000) + RAW_RETENTION_DAYS * 86_400,
    }),
  },
});

const eventItem = (e: CaseEvent) =>
  toItem({ pk: `CASE#${e.caseId}`, sk: `EVT#${String(e.seq).padStart(8, '0')}`, ...e });

const reasons = (e: unknown) => (e instanceof TransactionCanceledException ? (e.CancellationReasons ?? []) : undefined);

export class DynamoCaseRepository implements CaseRepository {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  /**
   * A case from outside is named by its external key (`IdSource.caseId`), so the condition on the case
   * item itself is what keeps one form response or complaint to one case.
   */
  async create(change: CaseChange, externalKey?: ExternalKey, mails: OutboxEntry[] = [], raw?: RawBody): Promise<void> {
    const c = change.record;
    if (externalKey && c.id !== externalCaseId(externalKey))
      throw new Error(`case ${c.id} is not named by its external key`);
    const items: TransactWriteItem[] = [
      { Put: { TableName: this.table, Item: caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Put: { TableName: this.table, Item: eventItem(change.event), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      {
        Put: {
          TableName: this.table,
          Item: toItem({ ...trkKey(c.trackingNumber), caseId: c.id }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...attachmentMarker(this.table, c),
      ...mails.map((m) => outboxPut(this.table, m)),
      ...(raw ? [rawPut(this.table, raw)] : []),
    ];
    try {
      await this.db.send(new TransactWriteItemsCommand({ TransactItems: items }));
    } catch (e) {
      const r = reasons(e);
      if (!r) throw e;
      if (externalKey && r[0]?.Code === 'ConditionalCheckFailed') {
        throw new LoketError('duplicate', 'Permohonan ini sudah terdaftar.', [], c.id);
      }
      // Tracking number taken, or a concurrent transaction on the same keys: the caller retries.
      throw new LoketError(
        'conflict',
        'Permohonan sedang diproses, silakan coba lagi.',
        [],
        r.map((x) => x.Code).join(','),
      );
    }
  }

  async save(change: CaseChange, mails: OutboxEntry[] = []): Promise<void> {
    const c = change.record;
    const items = [
      {
        Put: {
          TableName: this.table,
          Item: caseItem(c),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': { N: String(c.version - 1) } },
        },
      },
      {
        Put: { TableName: this.table, Item: eventItem(change.event), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      ...attachmentMarker(this.table, c),
      ...(change.writes ?? []).map((w) => sideWrite(this.table, c.id, w)),
    ];
    try {
      await this.db.send(
        new TransactWriteItemsCommand({ TransactItems: [...items, ...mails.map((m) => outboxPut(this.table, m))] }),
      );
    } catch (e) {
      const r = reasons(e);
      if (!r) throw e;
      // Only messages queued before failed their condition: they are queued already (deterministic ids),
      // so the change is stored without them rather than refused.
      const failed = r.map((x, i) => (x.Code && x.Code !== 'None' ? i : -1)).filter((i) => i >= 0);
      if (failed.length && failed.every((i) => i >= items.length)) {
        return this.save(
          change,
          mails.filter((_, j) => !failed.includes(items.length + j)),
        );
      }
      // The side writes close the change's own items, in their order.
      const writes = change.writes ?? [];
      const seatAt = writes.findIndex((w) => w.kind === 'klinik_seat');
      const seat = seatAt < 0 ? -1 : items.length - writes.length + seatAt;
      if (seat >= 0 && r[seat]?.Code === 'ConditionalCheckFailed' && r[0]?.Code !== 'ConditionalCheckFailed') {
        throw sessionFull();
      }
      if (seat >= 0 && r.some((x) => x.Code === 'TransactionConflict')) {
        throw new LoketError('conflict', 'Sesi sedang dipesan bersamaan; coba lagi.', [], SEAT_CONTENTION);
      }
      throw new LoketError(
        'conflict',
        'Berkas telah diubah oleh petugas lain. Muat ulang lalu coba lagi.',
        [],
        `case ${c.id} version ${c.version - 1}: ${r.map((x) => x.Code).join(',')}`,
      );
    }
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: toItem(caseKey(id)), ConsistentRead: true }),
    );
    return r.Item ? stripKeys<CaseRecord>(r.Item) : undefined;
  }

  async getByTrackingNumber(tn: string): Promise<CaseRecord | undefined> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: toItem(trkKey(tn)) }));
    const caseId = r.Item?.caseId?.S;
    return caseId ? this.get(caseId) : undefined;
  }

  /** A raw body kept with the case it opened (the others are in the bucket under the same key). */
  async getRaw(key: string): Promise<string | undefined> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: toItem({ pk: `RAW#${key}`, sk: 'RAW' }) }),
    );
    return r.Item?.body?.S;
  }

  getByExternalKey(key: ExternalKey): Promise<CaseRecord | undefined> {
    return this.get(externalCaseId(key));
  }

  async events(id: string): Promise<CaseEvent[]> {
    return queryAll<CaseEvent>(this.db, {
      TableName: this.table,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${id}` }, ':evt': { S: 'EVT#' } },
    });
  }

  listDue(at: number, limit: number) {
    return queryDueOnGsi1<CaseRecord>(this.db, this.table, 'DUE', at, limit);
  }

  async logDocumentAccess(entry: DocumentAccess): Promise<void> {
    // The id suffix keeps two looks in the same millisecond apart.
    const sk = `ACC#${timeKey(entry.at, entry.staffId)}#${entry.sha256.slice(0, 12)}`;
    await this.db.send(
      new PutItemCommand({ TableName: this.table, Item: toItem({ pk: `CASE#${entry.caseId}`, sk, ...entry }) }),
    );
  }

  documentAccessLog(caseId: string) {
    return queryAll<DocumentAccess>(this.db, {
      TableName: this.table,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :acc)',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${caseId}` }, ':acc': { S: 'ACC#' } },
    });
  }

  /** Cases whose letter is owed (see `letterMarker`), oldest first. */
  async listLettersDue(at: number, limit: number): Promise<string[]> {
    return (await queryDueOnGsi1<{ caseId: string }>(this.db, this.table, 'LETTERDUE', at, limit)).map((m) => m.caseId);
  }

  async listAttachmentsDue(at: number, limit: number): Promise<string[]> {
    return (await queryDueOnGsi1<{ caseId: string }>(this.db, this.table, 'ATTACH', at, limit)).map((m) => m.caseId);
  }

  private get openQuery() {
    return {
      TableName: this.table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :open',
      ExpressionAttributeValues: { ':open': { S: 'OPEN' } },
    };
  }

  listOpen() {
    return queryAll<CaseRecord>(this.db, this.openQuery);
  }

  async listOpenPage(cursor: string | undefined, limit: number) {
    const r = await this.db.send(
      new QueryCommand({
        ...this.openQuery,
        Limit: limit,
        ExclusiveStartKey: cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Item) : undefined,
      }),
    );
    return {
      cases: (r.Items ?? []).map((i) => stripKeys<CaseRecord>(i)),
      next: r.LastEvaluatedKey ? Buffer.from(JSON.stringify(r.LastEvaluatedKey)).toString('base64url') : undefined,
    };
  }

  async countOpen() {
    let count = 0;
    let start: Item | undefined;
    do {
      const r = await this.db.send(new QueryCommand({ ...this.openQuery, Select: 'COUNT', ExclusiveStartKey: start }));
      count += r.Count ?? 0;
      start = r.LastEvaluatedKey;
    } while (start);
    return count;
  }

  listByServiceMonth(serviceId: string, month: string) {
    return queryAll<CaseRecord>(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :k',
      ExpressionAttributeValues: { ':k': { S: `SVC#${serviceId}#${month}` } },
    });
  }

  listByAssignee(staffId: string) {
    return queryAll<CaseRecord>(this.db, {
      TableName: this.table,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :k',
      ExpressionAttributeValues: { ':k': { S: `STAFF#${staffId}` } },
    });
  }
}
