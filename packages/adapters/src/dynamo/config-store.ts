import { type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { CalendarData, type CalendarStore, DEFAULT_CALENDAR, type StaffDirectory, type StaffMember } from '@loket/core';
import { stripKeys, toItem } from './codec';

const CALENDAR_KEY = { pk: 'CONFIG', sk: 'CALENDAR' };

/** The admin-editable working calendar, seeded once from the official lists shipped in core. */
export class DynamoCalendarStore implements CalendarStore {
  constructor(private readonly db: DynamoDBClient, private readonly table: string) {}

  async load(): Promise<CalendarData> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: toItem(CALENDAR_KEY) }));
    return r.Item ? CalendarData.parse(stripKeys<{ calendar: unknown }>(r.Item).calendar) : DEFAULT_CALENDAR;
  }

  async save(data: CalendarData): Promise<void> {
    const calendar = CalendarData.parse(data);
    await this.db.send(new PutItemCommand({ TableName: this.table, Item: toItem({ ...CALENDAR_KEY, calendar }) }));
  }

  /** Stores the default calendar unless one exists (an admin's edits are never overwritten). */
  async seed(): Promise<boolean> {
    try {
      await this.db.send(new PutItemCommand({
        TableName: this.table, Item: toItem({ ...CALENDAR_KEY, calendar: DEFAULT_CALENDAR }), ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }
}

export class DynamoStaffDirectory implements StaffDirectory {
  constructor(private readonly db: DynamoDBClient, private readonly table: string) {}

  async list(): Promise<StaffMember[]> {
    const r = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'STAFF' } },
    }));
    return (r.Items ?? []).map((i) => stripKeys<StaffMember>(i));
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: toItem({ pk: 'STAFF', sk: id }) }));
    return r.Item ? stripKeys<StaffMember>(r.Item) : undefined;
  }

  async put(member: StaffMember): Promise<void> {
    await this.db.send(new PutItemCommand({ TableName: this.table, Item: toItem({ pk: 'STAFF', sk: member.id, ...member }) }));
  }
}
