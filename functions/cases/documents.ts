import { createHash } from 'node:crypto';
import {
  type Actor,
  attachDocument,
  type CaseRecord,
  caseService,
  DOCUMENT_FORMATS,
  documentKey,
  workflowFor,
  LoketError,
  letterDownloadRefusal,
  type LetterSource,
  mayOpenDocuments,
  notFound,
  toWibIso,
} from '@loket/core';
import type { Deps } from '../deps';
import { sniff } from '../intake/attachments';

/** The ports this use-case reaches (not the whole composition root). */
export type DocumentDeps = Pick<Deps, 'files' | 'letters' | 'log' | 'repo' | 'time'>;

/** How long a document link works: long enough to open it, too short to pass around. */
const FILE_LINK_SECONDS = 300;

/**
 * A short-lived link to one stored document of a case. The look is written to the case's access log
 * before the link exists, for the API and the console alike.
 */
export const documentLink = async (
  deps: DocumentDeps,
  record: CaseRecord,
  fieldId: string,
  sha256: string,
  officer: Actor,
) => {
  if (!mayOpenDocuments(record, officer.roles))
    throw new LoketError('forbidden', 'Anda tidak berwenang membuka dokumen pemohon berkas ini.');
  const staffId = officer.id;
  const file = record.attachments.find((a) => a.status === 'stored' && a.fieldId === fieldId && a.sha256 === sha256);
  if (!file?.s3Key || !file.sha256) throw notFound('Dokumen');
  const now = deps.time.now();
  await deps.repo.logDocumentAccess({
    caseId: record.id,
    at: now,
    staffId,
    fieldId: file.fieldId,
    sha256: file.sha256,
  });
  const url = await deps.files.linkTo(file.s3Key, {
    seconds: FILE_LINK_SECONDS,
    contentType: file.mimeType,
    fileName: `${file.fieldId}.${DOCUMENT_FORMATS[file.mimeType]?.extension ?? 'bin'}`,
  });
  deps.log.info('document accessed', { caseId: record.id, fieldId: file.fieldId });
  return { url, expiresAt: toWibIso(now + FILE_LINK_SECONDS * 1000) };
};

/** An officer showed an applicant's personal data unmasked: logged like a document look. */
const REVEAL_FIELD = 'data_pribadi';
export const logReveal = (deps: DocumentDeps, record: CaseRecord, staffId: string) =>
  deps.repo.logDocumentAccess({ caseId: record.id, at: deps.time.now(), staffId, fieldId: REVEAL_FIELD, sha256: '-' });

/**
 * The case's letter, from the case or the register, for an officer letterDownloadRefusal lets have it
 * there: logged like any document.
 */
export const letterLink = async (deps: DocumentDeps, record: CaseRecord, officer: Actor, from: LetterSource) => {
  const staffId = officer.id;
  const letter = record.letterId ? await deps.letters.get(record.letterId) : undefined;
  // Who may not have it is told so before whether there is one.
  const refusal = letterDownloadRefusal(letter ?? { status: 'berlaku' }, record, from, officer.roles);
  if (refusal) throw new LoketError(refusal.code, refusal.message);
  if (!letter?.s3Key || !letter.sha256) throw notFound('Surat');
  await deps.repo.logDocumentAccess({
    caseId: record.id,
    at: deps.time.now(),
    staffId,
    fieldId: 'surat',
    sha256: letter.sha256,
  });
  return deps.files.linkTo(letter.s3Key, {
    seconds: FILE_LINK_SECONDS,
    contentType: 'application/pdf',
    fileName: `${letter.number.replace(/\//g, '-')}.pdf`,
  });
};

/**
 * What one scan attached in the console may weigh: what a request through API Gateway can carry
 * (functions/api/body-limits.ts), less room for the form around it. Smaller than most fields' own limit.
 */
export const SCAN_MAX_BYTES = 4 * 1024 * 1024;

/**
 * An officer's scan of a paper document: the same command decides on the case as it is (field, step,
 * role, type by its bytes, size) before a byte is stored, then the file goes to the private bucket
 * under its content address and the case takes it, version-checked. Logged like a copied file.
 */
export const attachScan = async (
  deps: Pick<Deps, 'cases' | 'files' | 'log' | 'time'>,
  record: CaseRecord,
  input: { fieldId: string; fileName: string; bytes: Uint8Array; actor: Actor; expectedVersion?: number },
) => {
  const service = caseService(record);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const mimeType = sniff(input.bytes);
  const size = input.bytes.byteLength;
  const command = {
    fieldId: input.fieldId,
    fileName: input.fileName,
    // An unknown type is refused by the command before anything is stored.
    stored: { sha256, size, mimeType: mimeType ?? 'application/octet-stream' },
    transportMaxBytes: SCAN_MAX_BYTES,
    actor: input.actor,
  };
  // Decided on the case as loaded: refused here, nothing is stored.
  attachDocument(record, service, workflowFor(service), { ...command, now: deps.time.now() });
  await deps.files.put(documentKey(record.id, input.fieldId, sha256), input.bytes, mimeType!, {
    source: 'loket_desk',
    'source-id': input.actor.id,
    sha256,
  });
  const change = await deps.cases.attachDocument(record.id, { ...command, expectedVersion: input.expectedVersion });
  deps.log.info('attachment.desk_stored', { caseId: record.id, fieldId: input.fieldId, size });
  return change;
};
