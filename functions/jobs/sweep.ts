import { dueThreshold, mapLimit, recordSlaAlert, slaAlertMails, type StaffMember } from '@loket/core';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type SweepDeps = Pick<Deps, 'cases' | 'config' | 'log' | 'repo' | 'staff' | 'time'>;
import { alertRecipients } from './recipients';

/** Cases handled at once: each is a write and a few emails, independent of the others. */
const SWEEP_CONCURRENCY = 8;

interface SweepReport {
  /** Cases the due index returned. */
  due: number;
  atRisk: number;
  breach: number;
  /** Already handled by a concurrent sweep, or changed meanwhile so nothing was due. */
  skipped: number;
}

/**
 * The deadline chaser. Reads only the sparse index of open cases whose next threshold has come (never
 * the closed ones), raises one alert per case and threshold, and moves each case to its next threshold
 * in the same write that queues the emails. Paused cases have no threshold and are never read.
 */
export const sweepDeadlines = async (deps: SweepDeps, limit = 1000): Promise<SweepReport> => {
  const now = deps.time.now();
  const due = await deps.repo.listDue(now, limit);
  const report: SweepReport = { due: due.length, atRisk: 0, breach: 0, skipped: 0 };
  if (!due.length) return report;
  const staff: StaffMember[] = await deps.staff.list();
  const outcomes = await mapLimit(due, SWEEP_CONCURRENCY, async (found) => {
    let raised: 'at_risk' | 'breach' | undefined;
    await deps.cases
      .applySystemChange(
        found.id,
        (c) => {
          const threshold = dueThreshold(c, now);
          raised = threshold;
          if (!threshold) return undefined;
          const recipients = alertRecipients(c, threshold, staff);
          const assignee = staff.find((s) => s.id === c.assigneeId);
          return {
            ...recordSlaAlert(c, { threshold, recipientIds: recipients.map((r) => r.id), now }),
            mails: slaAlertMails(c, threshold, recipients, assignee, now, deps.config.LOKET_PUBLIC_URL),
          };
        },
        found,
      )
      .catch((e) => {
        // One stubborn case must not stop the sweep; it stays in the index for the next run.
        deps.log.error('sweep.case_failed', { caseId: found.id, error: String(e) });
        raised = undefined;
      });
    return raised;
  });
  for (const raised of outcomes) {
    if (raised === 'at_risk') report.atRisk++;
    else if (raised === 'breach') report.breach++;
    else report.skipped++;
  }
  deps.log.info('sweep.done', { ...report });
  return report;
};
