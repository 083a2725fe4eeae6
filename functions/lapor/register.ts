import { createHash } from 'node:crypto';
import { type Actor, complaintCase, type LaporComplaint, LoketError } from '@loket/core';
import type { Deps } from '../deps';
import { archiveRaw, rawKeyOf } from '../intake/google-forms';
import { copyAttachments, INLINE_COPY_BUDGET_MS } from '../intake/attachments';

interface Registration {
  caseId: string;
  trackingNumber: string;
  complaintId: string;
  created: boolean;
}

/** What LAPOR! calls a complaint: its tracking number (digits; some instances use letters too). */
export const COMPLAINT_ID = /^[A-Za-z0-9-]{1,40}$/;

export const requireComplaintId = (id: string) => {
  if (!COMPLAINT_ID.test(id)) {
    throw new LoketError('validation', 'Nomor pengaduan SP4N-LAPOR! tidak valid.', [
      { field: 'complaintId', message: 'Gunakan nomor pelacakan LAPOR! (huruf, angka, tanda hubung).' },
    ]);
  }
  return id;
};

/**
 * One case per complaint id, whoever registers it and however often: the case transaction's
 * condition on the external key decides between concurrent registrations (as for form responses).
 */
const openComplaintCase = async (
  deps: Deps,
  complaint: LaporComplaint,
  mode: 'api' | 'manual',
  actorId: string,
): Promise<Registration> => {
  const input = complaintCase(complaint, mode, deps.config.LAPOR_STATUS_MAP);
  const { record, created } = await deps.cases.open({ ...input, actorId });
  if (created && record.attachments.length) {
    await copyAttachments(deps, record.id, INLINE_COPY_BUDGET_MS).catch((e) =>
      deps.log.warn('lapor.attachments_deferred', { caseId: record.id, error: String(e) }),
    );
  }
  return { caseId: record.id, trackingNumber: record.trackingNumber, complaintId: complaint.id, created };
};

/**
 * API channel: reads the complaint from LAPOR!, keeps the raw answer first, then opens its case. The
 * deadline counts from the disposition to the Dinas (docs/RULES.md §8).
 */
export const registerFromLapor = async (
  deps: Deps,
  complaintId: string,
  actorId = 'sp4n-lapor',
): Promise<Registration> => {
  requireComplaintId(complaintId);
  const c = await deps.repo.getByExternalKey({ kind: 'sp4n_lapor', id: complaintId });
  if (c) {
    return { caseId: c.id, trackingNumber: c.trackingNumber, complaintId, created: false };
  }
  if (!deps.lapor)
    throw new LoketError(
      'unavailable',
      'Kanal API SP4N-LAPOR! belum dikonfigurasi; daftarkan pengaduan secara manual.',
      [],
      'LAPOR_API_BASE_URL unset',
    );
  const { complaint, raw } = await (await deps.lapor()).complaint(complaintId, deps.time.now());
  await archiveRaw(deps, 'sp4n-lapor', raw);
  return openComplaintCase(deps, complaint, 'api', actorId);
};

/** A file an officer attached on the manual form: stored at once, like a copied upload. */
export interface ManualFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ManualComplaint {
  complaintId: string;
  dispositionAt: number;
  title: string;
  content: string;
  reporterName?: string;
  isSecret: boolean;
  isAnonymous: boolean;
}

/**
 * Manual channel, for a Dinas without API credentials: an officer types what LAPOR! shows. The same
 * case as the API channel would make; the desk's answers are then listed for copying back by hand.
 */
export const registerByHand = async (
  deps: Deps,
  input: ManualComplaint,
  files: ManualFile[],
  actor: Actor,
): Promise<Registration> => {
  requireComplaintId(input.complaintId);
  // Kept only together with the case: should the case not be stored, every object this call added to
  // the bucket is removed again (one that was there before, from an earlier registration, stays).
  const added: string[] = [];
  const keep = async (key: string, body: string | Uint8Array, type: string, metadata?: Record<string, string>) => {
    const existed = await deps.files.exists(key);
    await deps.files.put(key, body, type, metadata);
    if (!existed) added.push(key);
  };
  const removeAdded = () =>
    Promise.all(added.map((key) => deps.files.remove(key))).catch((cleanup) =>
      deps.log.warn('lapor.manual_cleanup_failed', { keys: added.length, error: String(cleanup) }),
    );
  try {
    const raw = JSON.stringify({
      ...input,
      files: files.map((f) => ({ name: f.name, mimeType: f.mimeType, size: f.bytes.byteLength })),
      by: actor.id,
    });
    await keep(rawKeyOf(deps, 'sp4n-lapor-manual', raw), raw, 'application/json');
    const stored = await Promise.all(
      files.map(async (f) => {
        const sha256 = createHash('sha256').update(f.bytes).digest('hex');
        const key = `lapor/${input.complaintId}/${sha256}`;
        await keep(key, f.bytes, f.mimeType, { source: 'sp4n_lapor_manual', sha256 });
        return { url: `manual:${sha256}`, name: f.name, key, sha256, size: f.bytes.byteLength, mimeType: f.mimeType };
      }),
    );
    const registration = await openManualCase(deps, input, stored, actor);
    // A repeat of a registered complaint: its case keeps what it holds, this call's objects go.
    if (!registration.created) await removeAdded();
    return registration;
  } catch (e) {
    await removeAdded();
    throw e;
  }
};

const openManualCase = async (
  deps: Deps,
  input: ManualComplaint,
  stored: { url: string; name: string; key: string; sha256: string; size: number; mimeType: string }[],
  actor: Actor,
): Promise<Registration> => {
  const complaint: LaporComplaint = {
    id: input.complaintId,
    title: input.title,
    content: input.content,
    createdAt: input.dispositionAt,
    logs: [],
    reporter: { name: input.reporterName },
    isSecret: input.isSecret,
    isAnonymous: input.isAnonymous,
    attachments: stored.map((s) => ({ url: s.url, name: s.name })),
  };
  const caseInput = complaintCase(complaint, 'manual', deps.config.LAPOR_STATUS_MAP);
  // The files are already in the bucket: the case holds them as stored, nothing is left to copy.
  const attachments = caseInput.attachments.map((a, i) => ({
    ...a,
    status: 'stored' as const,
    s3Key: stored[i]!.key,
    sha256: stored[i]!.sha256,
    size: stored[i]!.size,
    mimeType: stored[i]!.mimeType,
    attempts: 1,
  }));
  const { record, created } = await deps.cases.open({ ...caseInput, attachments, actorId: actor.id });
  return { caseId: record.id, trackingNumber: record.trackingNumber, complaintId: input.complaintId, created };
};
