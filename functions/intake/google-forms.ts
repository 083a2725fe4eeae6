import { createHash } from 'node:crypto';
import {
  alreadyRecorded,
  attachmentDue,
  type CaseRecord,
  demoFormMappings,
  findService,
  type FormMapping,
  type FormSubmission,
  LoketError,
  mapSubmission,
  type RawBody,
  requirePlausibleInstant,
  type Service,
  unmatchedFormMail,
  wibDate,
  isAdmin,
} from '@loket/core';
import { queueAndSend } from '../mail/dispatch';
import type { Deps } from '../deps';
import { copyAttachments, INLINE_COPY_BUDGET_MS } from './attachments';

/**
 * Form → service mappings: those an administrator stored in the table, over those of configuration
 * (LOKET_FORM_MAPPINGS seeds them; the local desk adds its demo forms). A stored mapping wins.
 */
export const formMappingSources = async (deps: Deps) => {
  const byForm = new Map<string, FormMapping & { source: 'contoh lokal' | 'konfigurasi' | 'tersimpan' }>();
  const add = (ms: FormMapping[], source: 'contoh lokal' | 'konfigurasi' | 'tersimpan') =>
    ms.forEach((m) => byForm.set(m.formId, { ...m, source }));
  if (deps.config.LOKET_STAGE === 'local') add(demoFormMappings(deps.config.LOKET_DEMO_FORMS === 'on'), 'contoh lokal');
  add(deps.config.LOKET_FORM_MAPPINGS, 'konfigurasi');
  add(await deps.formMappings.list(), 'tersimpan');
  return [...byForm.values()];
};

export const formMappings = async (deps: Deps): Promise<FormMapping[]> =>
  (await formMappingSources(deps)).map(({ source: _source, ...m }) => m);

const putRaw = (deps: Deps, key: string, rawBody: string) => deps.files.put(key, rawBody, 'application/json');

/** Where a raw body is kept: content-addressed, so a repeated delivery names the same object. */
export const rawKeyOf = (deps: Deps, source: string, rawBody: string) =>
  `raw/${source}/${wibDate(deps.time.now())}/${createHash('sha256').update(rawBody, 'utf8').digest('hex')}.json`;

/**
 * Keeps the raw body before anything else can fail. A repeated delivery overwrites the same object
 * with the same bytes.
 */
export const archiveRaw = async (deps: Deps, source: string, rawBody: string) => {
  const key = rawKeyOf(deps, source, rawBody);
  await putRaw(deps, key, rawBody);
  return key;
};

/** A raw body up to this size is kept in the case's own transaction (a table item holds 400 KB). */
const RAW_IN_TABLE_MAX = 300 * 1024;

/**
 * Receives a signed body so that whatever the sender is told, its bytes are kept (docs/RULES.md §3):
 * - a body that opens a case is written in the case's own transaction: one write, atomic with the case;
 * - any other answer (a repeat, an edit, an ignored blank, a refusal, a failure) waits until the bytes
 *   are in the bucket, under the same key;
 * - a body too large for a table item goes to the bucket side by side with the work.
 * Should the bucket fail where it is needed, the answer is that failure (503) and the sender retries.
 */
export const receiveKeepingRaw = async <T extends { outcome: IntakeResult['outcome'] }>(
  deps: Deps,
  source: string,
  body: string,
  work: (raw: RawBody | undefined, rawKey: string) => Promise<T>,
): Promise<T> => {
  const raw: RawBody = { key: rawKeyOf(deps, source, body), body, receivedAt: deps.time.now() };
  const toBucket = () => putRaw(deps, raw.key, body);
  if (Buffer.byteLength(body, 'utf8') > RAW_IN_TABLE_MAX) {
    const [archived, done] = await Promise.allSettled([toBucket(), work(undefined, raw.key)]);
    if (archived.status === 'rejected') throw archived.reason;
    if (done.status === 'rejected') throw done.reason;
    return done.value;
  }
  let result: T;
  try {
    result = await work(raw, raw.key);
  } catch (e) {
    await toBucket();
    throw e;
  }
  if (result.outcome !== 'created') await toBucket();
  return result;
};

/**
 * Files are copied while the sender waits, so a case usually has its documents at once. Any failure
 * here is already recorded on the case (or the case is still marked as owing files) and the retry
 * job takes over: the response itself is safe and must not be refused for it.
 */
const copyFilesNow = async (deps: Deps, caseId: string) => {
  try {
    await copyAttachments(deps, caseId, INLINE_COPY_BUDGET_MS);
  } catch (e) {
    deps.log.warn('attachment.copy_deferred', { caseId, error: String(e) });
  }
};

interface IntakeResult {
  caseId: string | null;
  trackingNumber: string | null;
  status: string;
  outcome: 'created' | 'duplicate' | 'resubmitted' | 'ignored';
}

/**
 * A form whose answers match no field (its questions were renamed): the administrators hear of it once
 * per form and day. A failure to queue this is logged; it must not fail the citizen's submission.
 */
const reportUnmatched = async (deps: Deps, formId: string, service: Service, record: CaseRecord) => {
  const titles = (record.unmatchedAnswers ?? []).map((u) => u.title);
  if (!titles.length) return;
  try {
    const admins = (await deps.staff.list()).filter((s) => s.active && isAdmin(s.roles));
    const form = { formId, serviceName: service.name, date: wibDate(deps.time.now()), titles, caseId: record.id };
    await queueAndSend(
      deps,
      admins.map((a) => unmatchedFormMail(a, form, deps.config.LOKET_PUBLIC_URL)),
    );
  } catch (e) {
    deps.log.warn('intake.unmatched_report_failed', { formId, error: String(e) });
  }
};

/**
 * One path for every Google Form response, pushed or reconciled: a case per responseId, the SLA clock
 * from the form's own submission time, an edited response recorded as a resubmission on the same case
 * (in submission order: an older edit arriving late changes nothing).
 */
export const intakeFormSubmission = async (
  deps: Deps,
  sub: FormSubmission,
  rawKey: string,
  raw?: RawBody,
): Promise<IntakeResult> => {
  const mapping = (await formMappings(deps)).find((m) => m.formId === sub.formId);
  const service = mapping && findService(mapping.serviceId);
  if (!mapping || !service) {
    throw new LoketError(
      'not_found',
      `Formulir "${sub.formId}" belum dipetakan ke layanan mana pun. Data disimpan untuk ditinjau petugas.`,
      [],
      `unmapped form, raw at ${rawKey}`,
    );
  }
  const mapped = mapSubmission(service, mapping, sub);
  // Forms sometimes deliver a blank extra submission seconds after a real one (docs/RULES.md §3).
  // Only a response without a single answer is that; it is archived raw and opens no case.
  if (mapped.empty) return { caseId: null, trackingNumber: null, status: 'ignored', outcome: 'ignored' };
  const submittedAt = requirePlausibleInstant(Date.parse(sub.submittedAt), deps.time.now(), 'submittedAt');
  const content = {
    answers: mapped.answers,
    attachments: mapped.attachments,
    unmatchedAnswers: mapped.unmatched,
    intakeIssues: mapped.problems,
  };
  const { record, created } = await deps.cases.open({
    serviceId: service.id,
    channel: 'google_form',
    externalKey: { kind: 'google_form', id: sub.responseId },
    source: {
      kind: 'google_form',
      externalId: sub.responseId,
      submittedAt,
      ...(sub.editUrl ? { editUrl: sub.editUrl } : {}),
    },
    applicant: mapped.applicant,
    ...content,
    receivedAt: submittedAt,
    actorId: 'google-forms',
    raw,
  });
  const result = async (r: CaseRecord, outcome: IntakeResult['outcome']): Promise<IntakeResult> => {
    if (outcome !== 'duplicate') {
      if (r.attachments.some(attachmentDue)) await copyFilesNow(deps, r.id);
      await reportUnmatched(deps, sub.formId, service, r);
    }
    return { caseId: r.id, trackingNumber: r.trackingNumber, status: r.state, outcome };
  };
  if (created) return result(record, 'created');
  const updated = alreadyRecorded(record, submittedAt)
    ? undefined
    : await deps.cases.resubmit(record.id, { ...content, submittedAt, actorId: 'google-forms' });
  return updated ? result(updated, 'resubmitted') : result(await deps.cases.get(record.id), 'duplicate');
};
