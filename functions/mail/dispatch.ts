import {
  deliveryFailureMail,
  MailDeliveryError,
  mapLimit,
  newOutboxEntry,
  nextRetryAt,
  type OutboxEntry,
  type OutgoingMail,
  parseMailAddress,
  isAdmin,
} from '@loket/core';
import type { Deps } from '../deps';
import { type CourierDeps, deliverToLapor, recordOnCase } from '../lapor/courier';
import { composeSignInLink, type SignInLinkDeps } from '../web/auth/sign-in-link';

/** The ports this use-case reaches (not the whole composition root). */
export type MailDeps = Pick<Deps, 'config' | 'log' | 'mailer' | 'outbox' | 'staff' | 'time'> &
  CourierDeps &
  SignInLinkDeps;

/** How long one attempt holds a message before another dispatcher may take it (a crashed attempt). */
const LEASE_MS = 2 * 60_000;
/** Messages sent at once: SES and SMTP servers take a few in parallel; more would be throttled. */
const SEND_CONCURRENCY = 4;

interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Taken by a concurrent dispatcher. */
  skipped: number;
  /** Sign-in requests that needed no mail (no officer's address, or a fresh link already out). */
  dropped: number;
}

/**
 * Sends outbox messages: the given fresh ones (right after the change that queued them), or every
 * pending message whose attempt is due (the scheduled drain). A temporary failure is retried with
 * backoff; a permanent one, or one that exhausted its attempts, is marked failed and reported to the
 * administrators, so a bad address never blocks the queue or vanishes silently.
 */
export const deliverOutbox = async (deps: MailDeps, entries?: OutboxEntry[], limit = 200): Promise<DeliveryReport> => {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0, dropped: 0 };
  const now = deps.time.now();
  await mapLimit(entries ?? (await deps.outbox.due(now, limit)), SEND_CONCURRENCY, async (entry) => {
    const claimed = await deps.outbox.claim(entry, now, now + LEASE_MS);
    if (!claimed) {
      report.skipped++;
      return;
    }
    // A message for SP4N-LAPOR! rather than a mailbox (typed so the courier knows it has its action).
    const lapor = claimed.lapor && { ...claimed, lapor: claimed.lapor };
    const signIn = claimed.signIn && { ...claimed, signIn: claimed.signIn };
    try {
      if (lapor) {
        await deliverToLapor(deps, lapor);
      } else {
        // The last gate before any mailer: exactly one valid mailbox per recipient, whatever queued it.
        if (!claimed.to.length || claimed.to.some((a) => parseMailAddress(a) !== a))
          throw new MailDeliveryError('invalid recipient address', true);
        const mail = signIn ? await composeSignInLink(deps, signIn) : claimed;
        if (!mail) {
          // Nothing to send, and a stranger's address is not kept.
          await deps.outbox.discard(claimed.id);
          report.dropped++;
          return;
        }
        await deps.mailer.send(mail);
      }
      await deps.outbox.markSent(claimed.id, deps.time.now());
      if (lapor) await recordOnCase(deps, lapor, { posted: true });
      report.sent++;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const permanent = e instanceof MailDeliveryError && e.permanent;
      deps.log.warn('mail.delivery_failed', {
        mailId: claimed.id,
        kind: claimed.kind,
        attempt: claimed.attempts,
        permanent,
        error,
      });
      const retryAt = permanent ? undefined : nextRetryAt(claimed.attempts, now);
      if (retryAt === undefined) {
        await deps.outbox.markFailed(claimed.id, now, error);
        if (lapor) await recordOnCase(deps, lapor, { posted: false, error });
        await reportFailure(deps, { ...claimed, lastError: error });
        report.failed++;
      } else {
        await deps.outbox.reschedule(claimed.id, retryAt, error);
        report.retrying++;
      }
    }
  });
  return report;
};

/**
 * Mail just queued by a change: sent now where this function sends (LOKET_MAIL_DELIVERY=inline),
 * otherwise left to the scheduled drain, which sends within a minute.
 */
export const sendFresh = async (deps: MailDeps, entries: OutboxEntry[]): Promise<DeliveryReport> =>
  deps.config.LOKET_MAIL_DELIVERY === 'inline'
    ? deliverOutbox(deps, entries)
    : { sent: 0, retrying: 0, failed: 0, skipped: 0, dropped: 0 };

/**
 * Mail not tied to a case change (digests, reports): queued if its id is new, then sent at once.
 * Returns how many were new; a repeat run of the same job sends nothing.
 */
export const queueAndSend = async (deps: MailDeps, mails: OutgoingMail[]): Promise<number> => {
  const now = deps.time.now();
  const queued = await deps.outbox.enqueue(mails, now);
  await sendFresh(
    deps,
    mails.filter((m) => queued.includes(m.id)).map((m) => newOutboxEntry(m, now)),
  );
  return queued.length;
};

const reportFailure = async (deps: MailDeps, failed: OutboxEntry) => {
  if (failed.kind === 'delivery_failure') return; // a report about a report would loop
  const admins = (await deps.staff.list()).filter((s) => s.active && isAdmin(s.roles));
  await queueAndSend(
    deps,
    admins.map((a) => deliveryFailureMail(a, failed, deps.config.LOKET_PUBLIC_URL)),
  );
};

/**
 * An administrator sends a failed message again (after fixing the address): back in the queue and tried
 * now (or by the next drain where this function does not send). Undefined when no failed message has that id (an id over 300 characters names none).
 */
export const resendFailed = async (deps: MailDeps, id: string): Promise<'sent' | 'failed' | 'pending' | undefined> => {
  if (id.length > 300 || !(await deps.outbox.requeue(id, deps.time.now()))) return undefined;
  const report = await sendFresh(deps, [(await deps.outbox.get(id))!]);
  return report.sent ? 'sent' : report.failed ? 'failed' : 'pending';
};
