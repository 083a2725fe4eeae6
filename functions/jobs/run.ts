import type { Deps } from '../deps';
import { retryDueAttachments } from '../intake/attachments';
import { deliverOutbox } from '../mail/dispatch';
import { recomputeAfterCalendarEdit } from './recompute';
import { sweepDeadlines } from './sweep';

/**
 * The every-minute job: move deadlines after a calendar edit, chase deadlines, send what the outbox owes (retries included), retry file
 * copies that are due. Each part is independent; one failing does not keep the others from running.
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
    mail: await part('mail', () => deliverOutbox(deps)),
    attachments: await part('attachments', () => retryDueAttachments(deps)),
  };
};
