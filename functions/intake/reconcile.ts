import type { forms_v1 } from '@googleapis/forms';
import type { FormQuestion } from '@loket/adapters';
import { alreadyRecorded, FormSubmission, LoketError } from '@loket/core';
import type { Deps } from '../deps';
import { archiveRaw, formMappings, intakeFormSubmission } from './google-forms';

/** Re-read this much before the mark: a response indexed late by Google is still found; repeats cost only a read. */
const OVERLAP_MS = 30 * 60_000;
/** A form reconciled for the first time, with no `since` in its mapping, is read this far back. */
const FIRST_RUN_LOOKBACK_MS = 7 * 86_400_000;

/** A Forms API response in the webhook's shape, so both roads enter the same intake. */
const toSubmission = (formId: string, r: forms_v1.Schema$FormResponse, questions: FormQuestion[]): unknown => {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  return {
    formId,
    responseId: r.responseId,
    submittedAt: r.lastSubmittedTime ?? r.createTime,
    respondentEmail: r.respondentEmail ?? undefined,
    answers: Object.values(r.answers ?? {}).map((a) => {
      const q = a.questionId ? byId.get(a.questionId) : undefined;
      const files = a.fileUploadAnswers?.answers?.map((f) => ({
        fileId: f.fileId ?? '',
        fileName: f.fileName ?? '',
        mimeType: f.mimeType ?? '',
      }));
      return {
        questionId: a.questionId ?? '',
        title: q?.title ?? '',
        type: q?.type ?? (files ? 'FILE_UPLOAD' : 'TEXT'),
        values: files ? files.map((f) => f.fileId) : (a.textAnswers?.answers ?? []).map((t) => t.value ?? ''),
        ...(files ? { files } : {}),
      };
    }),
  };
};

interface FormReconcileReport {
  formId: string;
  listed: number;
  created: number;
  resubmitted: number;
  /** Already in the desk with this or a newer submission time. */
  seen: number;
  ignored: number;
  invalid: number;
  error?: string;
}

const emptyReport = (formId: string): FormReconcileReport => ({
  formId,
  listed: 0,
  created: 0,
  resubmitted: 0,
  seen: 0,
  ignored: 0,
  invalid: 0,
});

const reconcileForm = async (
  deps: Deps,
  formId: string,
  since: number,
  startedAt: number,
): Promise<FormReconcileReport> => {
  const report = emptyReport(formId);
  const google = deps.google!;
  const [questions, responses] = await Promise.all([
    google.forms.questions(formId),
    google.forms.responses(formId, new Date(since)),
  ]);
  report.listed = responses.length;
  for (const r of responses) {
    const parsed = FormSubmission.safeParse(toSubmission(formId, r, questions));
    if (parsed.success) {
      const known = await deps.repo.getByExternalKey({ kind: 'google_form', id: parsed.data.responseId });
      if (known && alreadyRecorded(known, Date.parse(parsed.data.submittedAt))) {
        report.seen++;
        continue;
      }
    }
    const rawKey = await archiveRaw(deps, 'google-forms-api', JSON.stringify({ formId, response: r }));
    if (!parsed.success) {
      report.invalid++;
      deps.log.warn('reconcile.invalid_response', {
        formId,
        rawKey,
        issues: parsed.error.issues.map((i) => i.path.join('.')),
      });
      continue;
    }
    const result = await intakeFormSubmission(deps, parsed.data, rawKey);
    if (result.outcome === 'created') report.created++;
    else if (result.outcome === 'resubmitted') report.resubmitted++;
    else if (result.outcome === 'ignored') report.ignored++;
    else report.seen++;
  }
  await deps.marks.advance(`forms#${formId}`, startedAt);
  return report;
};

/**
 * The safety net under the Apps Script push: lists each mapped form's responses since its mark and
 * sends every one the desk has not seen through the same intake. One form failing does not stop the
 * others, and its mark stays put so the next run covers the gap.
 */
export const reconcileForms = async (deps: Deps): Promise<FormReconcileReport[]> => {
  if (!deps.google) {
    throw new LoketError(
      'unavailable',
      'Kredensial Google belum diatur; rekonsiliasi formulir tidak dapat berjalan.',
      [],
      'Google is not configured (GOOGLE_SERVICE_ACCOUNT_KEY is unset): forms cannot be reconciled',
    );
  }
  const startedAt = deps.time.now();
  const reports: FormReconcileReport[] = [];
  // Only real forms: the local desk's demo forms deliver each response to the webhook themselves
  // (functions/local/demo-forms.tsx), and exist on no Google.
  for (const mapping of (await formMappings(deps)).filter((m) => !m.formId.startsWith('demo-'))) {
    const mark = await deps.marks.get(`forms#${mapping.formId}`);
    const since =
      mark !== undefined
        ? mark - OVERLAP_MS
        : mapping.since
          ? Date.parse(mapping.since)
          : startedAt - FIRST_RUN_LOOKBACK_MS;
    try {
      reports.push(await reconcileForm(deps, mapping.formId, since, startedAt));
    } catch (e) {
      deps.log.error('reconcile.form_failed', { formId: mapping.formId, error: String(e) });
      reports.push({ ...emptyReport(mapping.formId), error: e instanceof Error ? e.message : String(e) });
    }
  }
  return reports;
};
