import { createHash } from 'node:crypto';
import { FileFetchError, type RemoteFiles } from '@loket/adapters';
import {
  type Attachment,
  attachmentDue,
  documentKey,
  documentLimit,
  formatNames,
  DOCUMENT_FORMATS,
  megabytes,
  type AttachmentOutcome,
  type Field,
  serviceFields,
  caseService,
} from '@loket/core';
import type { Deps } from '../deps';

/** Copying started inside an HTTP request stops here: Apps Script and the API Lambda (29 s) must not time out. */
export const INLINE_COPY_BUDGET_MS = 10_000;

/** What the first bytes say the file is; a claimed type is not trusted. */
export const sniff = (b: Uint8Array): string | undefined => {
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'application/pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  return undefined;
};

const refusal = (field: Field, problem: string) => `${field.label}: ${problem}`;

/** One file: its source (Drive, LAPOR!) → checks → private bucket under the case, content-addressed. Never throws. */
const copyOne = async (
  deps: Deps,
  source: RemoteFiles,
  caseId: string,
  a: Attachment,
  field: Field,
): Promise<AttachmentOutcome> => {
  const maxBytes = documentLimit(field);
  const accepted = field.accept ?? [];
  const allowed = formatNames(accepted);
  try {
    const file = await source.fetch(a.sourceId, maxBytes);
    // A file claiming a type we can recognise but not looking like it (a renamed program) is refused.
    const type = sniff(file.bytes) ?? (DOCUMENT_FORMATS[file.mimeType] ? 'unrecognised' : file.mimeType);
    if (accepted.length && !(accepted as string[]).includes(type)) {
      return { status: 'rejected', reason: refusal(field, `jenis berkas tidak diterima; unggah berkas ${allowed}.`) };
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const s3Key = documentKey(caseId, field.id, sha256);
    await deps.files.put(s3Key, file.bytes, type, {
      source: a.origin ?? 'google_drive',
      'source-id': encodeURI(a.sourceId).slice(0, 500),
      sha256,
    });
    return { status: 'stored', s3Key, sha256, size: file.bytes.byteLength, mimeType: type };
  } catch (e) {
    if (e instanceof FileFetchError && e.reason === 'too_large') {
      return {
        status: 'rejected',
        reason: refusal(
          field,
          `berkas terlalu besar${e.size ? ` (${megabytes(e.size)})` : ''}; maksimal ${megabytes(maxBytes)}.`,
        ),
      };
    }
    return { status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
};

/** Where a file is copied from: Google Drive, or the LAPOR! API for a complaint's attachments. */
const sourceOf = async (deps: Deps, a: Attachment): Promise<RemoteFiles | undefined> =>
  a.origin === 'sp4n_lapor' ? deps.lapor?.() : deps.google?.drive;

/**
 * Copies every file of a case that is owed an attempt (new, or failed and due again), starting no new
 * file after `budgetMs`. Each attempt is recorded on the case, so failures stay visible to officers
 * and the retry job finds them.
 */
export const copyAttachments = async (deps: Deps, caseId: string, budgetMs = Number.POSITIVE_INFINITY) => {
  const started = performance.now();
  const counts = { stored: 0, failed: 0, rejected: 0 };
  const c = await deps.cases.get(caseId);
  const fields = new Map(serviceFields(caseService(c)).map((f) => [f.id, f]));
  const now = deps.time.now();
  for (const a of c.attachments.filter((x) => attachmentDue(x) && (x.nextAttemptAt ?? 0) <= now)) {
    // Out of time (the sender is waiting): the rest stay due and the minutely job copies them.
    if (performance.now() - started > budgetMs) break;
    const field = fields.get(a.fieldId);
    // Without the file's source configured (a service account, the LAPOR! API) nothing is attempted:
    // the file stays pending, visible to officers, until it is.
    const source = await sourceOf(deps, a);
    if (!field || !source) continue;
    const outcome = await copyOne(deps, source, c.id, a, field);
    counts[outcome.status]++;
    if (outcome.status !== 'stored')
      deps.log.warn('attachment.not_stored', {
        caseId: c.id,
        fieldId: a.fieldId,
        status: outcome.status,
        error: outcome.status === 'failed' ? outcome.error : undefined,
      });
    await deps.cases.recordAttachment(c.id, { fieldId: a.fieldId, sourceId: a.sourceId, outcome });
  }
  return counts;
};

/** The scheduled retry: every case whose next file attempt is due. */
export const retryDueAttachments = async (deps: Deps, limit = 100) => {
  const totals = { cases: 0, stored: 0, failed: 0, rejected: 0 };
  if (!deps.google && !deps.lapor) return totals;
  for (const caseId of await deps.repo.listAttachmentsDue(deps.time.now(), limit)) {
    const r = await copyAttachments(deps, caseId);
    totals.cases++;
    totals.stored += r.stored;
    totals.failed += r.failed;
    totals.rejected += r.rejected;
  }
  return totals;
};
