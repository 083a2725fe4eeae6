import { lambda } from './runtime';

/**
 * Scheduled work on EventBridge Scheduler, in Indonesian time. Every job is idempotent, so a retried
 * or overlapping invocation sends nothing twice.
 */
const job = (
  name: string,
  handler: string,
  schedule: `rate(${string})` | `cron(${string})`,
  timeout: `${number} seconds`,
) => new sst.aws.CronV2(name, { schedule, timezone: 'Asia/Jakarta', function: lambda('jobs', handler, timeout) });

/** Deadlines, the mail outbox and file-copy retries, every minute. */
export const minutely = job('Minutely', 'functions/jobs/index.minutely', 'rate(1 minute)', '55 seconds');
/** Google Forms reconciliation, the safety net under the Apps Script push. */
export const reconcile = job('Reconcile', 'functions/jobs/index.reconcile', 'rate(15 minutes)', '300 seconds');
/** SP4N-LAPOR!: status changes and follow-ups of open complaints (does nothing without the API channel). */
export const laporSync = job('LaporSync', 'functions/jobs/index.lapor', 'rate(15 minutes)', '300 seconds');
/** Morning digests (the job itself skips holidays) and the Monday report to the head of office (weeklyReport duty). */
export const morning = job('Morning', 'functions/jobs/index.morning', 'cron(30 7 ? * MON-FRI *)', '300 seconds');
