import { type CaseRecord, laporStatus, recordLaporFollowup, recordLaporPosted, recordLaporStatus } from '@loket/core';
import type { Deps } from '../deps';
import { registerFromLapor } from './register';

interface LaporSyncReport {
  /** Open API-channel complaints looked at. */
  cases: number;
  statusChanges: number;
  followupsRecorded: number;
  /** Posted messages the timeline did not show yet (a write lost after the post). */
  postsRecorded: number;
  discovered?: { listed: number; registered: number; error?: string };
  /** One per complaint that could not be synced this time; the next run tries again. */
  failures: { caseId: string; complaintId: string; error: string }[];
  error?: string;
}

/** Open LAPOR! cases on the API channel, page by page over the open-case index. */
const openLaporCases = async function* (deps: Deps) {
  let cursor: string | undefined;
  do {
    const page = await deps.repo.listOpenPage(cursor, 100);
    for (const c of page.cases) if (c.lapor?.mode === 'api') yield c;
    cursor = page.next;
  } while (cursor);
};

/**
 * One complaint: its status, each new follow-up, and posts LAPOR! accepted that the timeline does not
 * show. Every record is its own version-checked write and skips what the case already holds, so a
 * sync that stops halfway, or two that overlap, leave each fact recorded exactly once.
 */
const syncOne = async (deps: Deps, c: CaseRecord, report: LaporSyncReport) => {
  const api = await deps.lapor!();
  const link = c.lapor!;
  const now = deps.time.now();
  const { complaint } = await api.complaint(link.complaintId, now);
  if (complaint.status) {
    const status = laporStatus(deps.config.LAPOR_STATUS_MAP, complaint.status.code, complaint.status.name);
    if (await deps.cases.applySystemChange(c.id, (x) => recordLaporStatus(x, status, deps.time.now())))
      report.statusChanges++;
  }
  for (const followup of (await api.followups(link.complaintId, now)).sort((a, b) => a.at - b.at)) {
    const recorded = await deps.cases.applySystemChange(c.id, (x) => recordLaporFollowup(x, followup, deps.time.now()));
    if (recorded?.event.note) report.followupsRecorded++;
  }
  for (const id of link.awaiting) {
    const sent = await deps.outbox.get(id);
    if (sent?.status !== 'sent') continue;
    if (
      await deps.cases.applySystemChange(c.id, (x) =>
        recordLaporPosted(x, { messageId: id, content: sent.text, now: deps.time.now() }),
      )
    )
      report.postsRecorded++;
  }
};

/**
 * The 15-minute LAPOR! sync (`npx loket lapor sync`): optional discovery of new complaints, then every
 * open API-channel complaint. A failure on one complaint is reported and the rest go on.
 */
export const syncLapor = async (deps: Deps): Promise<LaporSyncReport> => {
  const report: LaporSyncReport = { cases: 0, statusChanges: 0, followupsRecorded: 0, postsRecorded: 0, failures: [] };
  if (!deps.lapor)
    return {
      ...report,
      error: 'the SP4N-LAPOR! API is not configured (LAPOR_API_BASE_URL); complaints are registered by hand',
    };
  if (deps.config.LAPOR_INBOX_PATH) report.discovered = await discover(deps, deps.config.LAPOR_INBOX_PATH);
  for await (const c of openLaporCases(deps)) {
    report.cases++;
    try {
      await syncOne(deps, c, report);
    } catch (e) {
      report.failures.push({ caseId: c.id, complaintId: c.lapor!.complaintId, error: (e as Error).message });
      deps.log.warn('lapor.sync_failed', { caseId: c.id, complaintId: c.lapor!.complaintId, error: String(e) });
    }
  }
  return report;
};

/** Discovery, off unless LAPOR_INBOX_PATH names a listing: each id registered (idempotently). */
const discover = async (deps: Deps, path: string): Promise<NonNullable<LaporSyncReport['discovered']>> => {
  try {
    const ids = await (await deps.lapor!()).listIds(path);
    let registered = 0;
    for (const id of ids) if ((await registerFromLapor(deps, id)).created) registered++;
    return { listed: ids.length, registered };
  } catch (e) {
    return { listed: 0, registered: 0, error: (e as Error).message };
  }
};
