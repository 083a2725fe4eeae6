import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CalendarData,
  type CalendarStore,
  defaultCalendar,
  type FormMapping,
  FormMappingSchema,
  type FormMappingStore,
  LoketError,
  type MarkStore,
  parseMailAddress,
  type RecomputeProgress,
  type RecomputeProgressStore,
  type StaffDirectory,
  type StaffMember,
} from '@loket/core';
import { stripKeys, toItem } from './codec';
import { READ_CACHE_MS, ShortCache } from './short-cache';

const CALENDAR_KEY = { pk: 'CONFIG', sk: 'CALENDAR' };

/** The admin-editable working calendar, seeded once from the official lists shipped in core. */
export class DynamoCalendarStore implements CalendarStore {
  /** Every case opened or moved reads the calendar: one read per container per few seconds, not per request. */
  private readonly cached: ShortCache<CalendarData>;

  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
    cacheMs = READ_CACHE_MS,
  ) {
    this.cached = new ShortCache(cacheMs, async () => (await this.loadVersioned()).data);
  }

  load(): Promise<CalendarData> {
    return this.cached.get();
  }

  async loadVersioned(): Promise<{ data: CalendarData; version: number }> {
    const r = await this.db.send(
      new GetItemCommand({ TableName: this.table, Key: toItem(CALENDAR_KEY), ConsistentRead: true }),
    );
    if (!r.Item) return { data: defaultCalendar(), version: 0 };
    const item = stripKeys<{ calendar: unknown; version?: number }>(r.Item);
    return { data: CalendarData.parse(item.calendar), version: item.version ?? 0 };
  }

  async save(data: CalendarData, expectedVersion: number): Promise<number> {
    const calendar = CalendarData.parse(data);
    const version = expectedVersion + 1;
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({ ...CALENDAR_KEY, calendar, version }),
          // The seeded calendar has no version attribute: it counts as version 0.
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(version) OR version = :v' : 'version = :v',
          ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } },
        }),
      );
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
      this.cached.clear();
      throw new LoketError(
        'conflict',
        'Kalender kerja baru saja diubah oleh admin lain. Muat ulang lalu coba lagi.',
        [],
        `calendar version is not ${expectedVersion}`,
      );
    }
    this.cached.clear();
    return version;
  }

  /** Stores the default calendar unless one exists (an admin's edits are never overwritten). */
  async seed(): Promise<boolean> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: toItem({ ...CALENDAR_KEY, calendar: defaultCalendar() }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}

export class DynamoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async list(): Promise<StaffMember[]> {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'STAFF' } },
      }),
    );
    return (r.Items ?? []).map((i) => stripKeys<StaffMember>(i));
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: toItem({ pk: 'STAFF', sk: id }) }));
    return r.Item ? stripKeys<StaffMember>(r.Item) : undefined;
  }

  async put(member: StaffMember): Promise<void> {
    if (parseMailAddress(member.email) !== member.email) {
      throw new LoketError('validation', `Alamat email petugas "${member.id}" tidak valid: harus satu alamat email.`, [
        { field: 'email', message: 'Harus satu alamat email.' },
      ]);
    }
    await this.db.send(
      new PutItemCommand({ TableName: this.table, Item: toItem({ pk: 'STAFF', sk: member.id, ...member }) }),
    );
  }
}

/**
 * How far the recomputation of open deadlines after a calendar edit has come: the calendar version it
 * works for and the cursor of the next page. Resumable: each run continues where the last one stopped.
 */
export class DynamoRecomputeProgress implements RecomputeProgressStore {
  private readonly key = toItem({ pk: 'CONFIG', sk: 'JOB#recompute' });
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async get(): Promise<RecomputeProgress> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: this.key, ConsistentRead: true }));
    return r.Item ? stripKeys<RecomputeProgress>(r.Item) : { calendarVersion: 0, done: true };
  }

  async put(p: RecomputeProgress): Promise<void> {
    await this.db.send(
      new PutItemCommand({ TableName: this.table, Item: toItem({ pk: 'CONFIG', sk: 'JOB#recompute', ...p }) }),
    );
  }
}

/**
 * Per-job progress marks (`CONFIG` / `MARK#<name>`), e.g. how far a form's responses were reconciled
 * or when a digest last ran. A mark only moves forward, so an overlapping slower run cannot rewind it.
 */
export class DynamoMarks implements MarkStore {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async get(name: string): Promise<number | undefined> {
    const r = await this.db.send(
      new GetItemCommand({
        TableName: this.table,
        Key: toItem({ pk: 'CONFIG', sk: `MARK#${name}` }),
        ConsistentRead: true,
      }),
    );
    return r.Item?.at?.N === undefined ? undefined : Number(r.Item.at.N);
  }

  /** Moves the mark to `at`; false when it was already there or beyond. */
  async advance(name: string, at: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: toItem({ pk: 'CONFIG', sk: `MARK#${name}` }),
          UpdateExpression: 'SET #at = :at',
          ConditionExpression: 'attribute_not_exists(#at) OR #at < :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': { N: String(at) } },
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}

/**
 * Form → service mappings an administrator edits (`CONFIG` / `FORM#<formId>`). The desk also knows
 * mappings from configuration (LOKET_FORM_MAPPINGS, the local demo forms); a stored one wins.
 */
export class DynamoFormMappings implements FormMappingStore {
  /** Every webhook looks its form up: one read per container per few seconds, not per submission. */
  private readonly cached: ShortCache<FormMapping[]>;

  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
    cacheMs = READ_CACHE_MS,
  ) {
    this.cached = new ShortCache(cacheMs, () => this.read());
  }

  list(): Promise<FormMapping[]> {
    return this.cached.get();
  }

  private async read(): Promise<FormMapping[]> {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :form)',
        ExpressionAttributeValues: { ':pk': { S: 'CONFIG' }, ':form': { S: 'FORM#' } },
      }),
    );
    return (r.Items ?? []).map((i) => stripKeys<{ mapping: FormMapping }>(i).mapping);
  }

  async put(mapping: FormMapping): Promise<void> {
    const parsed = FormMappingSchema.parse(mapping);
    await this.db.send(
      new PutItemCommand({
        TableName: this.table,
        Item: toItem({ pk: 'CONFIG', sk: `FORM#${parsed.formId}`, mapping: parsed }),
      }),
    );
    this.cached.clear();
  }

  async remove(formId: string): Promise<void> {
    await this.db.send(
      new DeleteItemCommand({ TableName: this.table, Key: toItem({ pk: 'CONFIG', sk: `FORM#${formId}` }) }),
    );
    this.cached.clear();
  }
}
