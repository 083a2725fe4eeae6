import {
  type Config, createDynamoClient, createLogger, createS3Client, DynamoCalendarStore, DynamoCaseRepository, DynamoStaffDirectory,
  type Logger, systemIds, systemTime,
} from '@loket/adapters';
import { CaseService, type IdSource, type TimeSource } from '@loket/core';

/**
 * The one composition root: configuration in, every adapter and service out. Lambda handlers, the
 * local desk, the CLI and the tests all build their world here; nothing reads the environment elsewhere.
 */
export const createDeps = (config: Config, overrides: { time?: TimeSource; ids?: IdSource; log?: Logger } = {}) => {
  const db = createDynamoClient(config.AWS_REGION);
  const s3 = createS3Client(config.AWS_REGION);
  const time = overrides.time ?? systemTime;
  const ids = overrides.ids ?? systemIds;
  const log = overrides.log ?? createLogger({ stage: config.LOKET_STAGE });
  const repo = new DynamoCaseRepository(db, config.LOKET_TABLE);
  const calendars = new DynamoCalendarStore(db, config.LOKET_TABLE);
  const staff = new DynamoStaffDirectory(db, config.LOKET_TABLE);
  const cases = new CaseService({ repo, calendars, time, ids });
  return { config, db, s3, time, ids, log, repo, calendars, staff, cases };
};

export type Deps = ReturnType<typeof createDeps>;
