/**
 * The single table, described once in the shape SST's `sst.aws.Dynamo` takes. Infrastructure
 * (infra/storage.ts) and the local emulator setup both read this, so they cannot drift apart.
 *
 * Items (pk / sk):
 * - `CASE#<id>` / `META`: the case. gsi1 (sparse, `DUE`): open cases by next SLA threshold;
 *   gsi2 `SVC#<service>#<yyyy-mm>`: by service and month received; gsi3 `STAFF#<id>`: by assignee;
 *   gsi4 (sparse, `OPEN`): every open case.
 * - `CASE#<id>` / `EVT#<seq>`: the append-only event log, seq = the version the event produced.
 * - `TRK#<tracking number>` / `TRK`: the tracking number's reservation, written in the same transaction
 *   as the case. A case from outside needs no reservation of its own: its id is derived from its
 *   external key (`externalCaseId`), so the case item's own condition keeps it to one.
 * - `RAW#<raw key>` / `RAW`: a submission's raw body, written with the case it opened (TTL two years);
 *   other raw bodies are in the bucket under the same key.
 * - `STAFF` / `<id>`: the staff directory. `CONFIG` / `CALENDAR`: the working calendar.
 * - `ALERT#<case>#<threshold>` / `ALERT`, `OUTBOX#…`: once-only side effects (see their modules).
 */
export const TABLE_SCHEMA = {
  fields: {
    pk: 'string',
    sk: 'string',
    gsi1pk: 'string',
    gsi1sk: 'string',
    gsi2pk: 'string',
    gsi2sk: 'string',
    gsi3pk: 'string',
    gsi3sk: 'string',
    gsi4pk: 'string',
    gsi4sk: 'string',
  },
  primaryIndex: { hashKey: 'pk', rangeKey: 'sk' },
  globalIndexes: {
    gsi1: { hashKey: 'gsi1pk', rangeKey: 'gsi1sk' },
    gsi2: { hashKey: 'gsi2pk', rangeKey: 'gsi2sk' },
    gsi3: { hashKey: 'gsi3pk', rangeKey: 'gsi3sk' },
    gsi4: { hashKey: 'gsi4pk', rangeKey: 'gsi4sk' },
  },
  ttl: 'expiresAt',
} as const;

/**
 * How long a submission's raw body is kept, wherever it is (a `RAW#` item's TTL, the bucket's `raw/`
 * lifecycle): two years, then the case itself is the record (docs/RULES.md §3).
 */
export const RAW_RETENTION_DAYS = 730;
