import type { Deps } from '../deps';
import { retryDueAttachments } from '../intake/attachments';
import { prepareLetter } from '../letters/prepare';
import { finishSigningsLeftOver } from '../letters/sign';
import { deliverOutbox } from '../mail/dispatch';
import { recomputeAfterCalendarEdit } from './recompute';
import { sweepDeadlines } from './sweep';

/** Letters a step owes whose numbering failed right after the step (the "letter due" index); each is idempotent. */
const prepareDueLetters = async (deps: Deps, limit = 20) => {
  const due = await deps.repo.listLettersDue(deps.time.now(), limit);
  if (!due.length) return { issued: 0, failed: 0 };
  let issued = 0;
  const failures: { caseId: string; error: string }[] = [];
  for (const caseId of due) {
    try {
      await prepareLetter(deps, caseId, 'system');
      issued++;
    } catch (e) {
      failures.push({ caseId, error: (e as Error).message });
    }
  }
  return { issued, failed: failures.length, ...(failures.length ? { failures } : {}) };
};

/**
 * The every-minute job: move deadlines after a calendar edit, chase deadlines, number owed letters and
 * finish signings a crash cut short, send what the outbox owes (retries included), retry file copies
 * that are due. Each part is independent; one failing does not keep the others from running.
 */
export const runMinutely = async (deps: Deps) => {
  const part = async <T>(name: string, fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      deps.log.error(`job.${name}_failed`, { error: String(e) });
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  return {
    // Deadlines first follow a calendar edit, so the sweep does not alert on the old ones.
    recompute: await part('recompute', () => recomputeAfterCalendarEdit(deps)),
    sweep: await part('sweep', () => sweepDeadlines(deps)),
    // Before the mail: a letter issued now has its applicant's mail sent in this same run.
    letters: await part('letters', () => prepareDueLetters(deps)),
    signings: await part('signings', () => finishSigningsLeftOver(deps)),
    mail: await part('mail', () => deliverOutbox(deps)),
    attachments: await part('attachments', () => retryDueAttachments(deps)),
  };
};
