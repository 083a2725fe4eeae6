import {
  contentHash,
  type LaporAction,
  MailDeliveryError,
  recordLaporPosted,
  recordLaporPostFailed,
  type OutboxEntry,
} from '@loket/core';
import { LaporApiError } from '@loket/adapters';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type CourierDeps = Pick<Deps, 'cases' | 'lapor' | 'log' | 'time'>;

/**
 * The outbox's last step for a LAPOR! message. Failures become the outbox's own kind (permanent or
 * not), so LAPOR! posts get the same retry, backoff and failure report as mail.
 */
export const deliverToLapor = async (deps: CourierDeps, entry: OutboxEntry & { lapor: LaporAction }) => {
  if (!deps.lapor) throw new MailDeliveryError('the SP4N-LAPOR! API is not configured (LAPOR_API_BASE_URL)', true);
  const api = await deps.lapor();
  const action = entry.lapor;
  try {
    if (action.type === 'followup') {
      // An earlier attempt may have reached LAPOR! without the answer reaching us: look before posting again.
      if (entry.attempts > 1) {
        const posted = await api.followups(action.complaintId, deps.time.now());
        if (posted.some((f) => contentHash(f.content) === contentHash(action.content))) return;
      }
      await api.postFollowup({ complaintId: action.complaintId, content: action.content, isSecret: action.isSecret });
    } else {
      await api.reject({ complaintId: action.complaintId, institutionId: action.institutionId, reason: action.reason });
    }
  } catch (e) {
    if (e instanceof LaporApiError) throw new MailDeliveryError(e.message, !e.transient);
    throw e;
  }
};

/**
 * The case's timeline follows the outbox: posted or refused for good. A failure to write it is only
 * logged; the sync records any posted message the case does not show yet (`recordPostedMessages`).
 */
export const recordOnCase = async (
  deps: CourierDeps,
  entry: OutboxEntry & { lapor: LaporAction },
  outcome: { posted: true } | { posted: false; error: string },
) => {
  if (!entry.caseId) return;
  try {
    await deps.cases.applySystemChange(entry.caseId, (c) =>
      outcome.posted
        ? recordLaporPosted(c, { messageId: entry.id, content: entry.text, now: deps.time.now() })
        : recordLaporPostFailed(c, { messageId: entry.id, error: outcome.error, now: deps.time.now() }),
    );
  } catch (e) {
    deps.log.warn('lapor.timeline_write_failed', { caseId: entry.caseId, messageId: entry.id, error: String(e) });
  }
};
