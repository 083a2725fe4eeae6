import * as z from 'zod';
import { applicantNameField, services, serviceFields } from '../standard/current';
import type { Service } from '../standard/schema';
import type { Attachment } from '../case/model';
import { parseMailAddress } from '../mail/address';
import { normalizePhone } from './validate-field';
import { Instant } from '../util/instant';

/** Google's form and response ids are URL-safe base64: anything else is not from our script. */
const googleId = () => z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'harus berupa id Google (huruf, angka, - dan _)');

/** The webhook body the Apps Script sends (integrations/google-forms/). Built on first parse (z.lazy). */
export const FormSubmission = z.lazy(() =>
  z.object({
    formId: googleId(),
    responseId: googleId(),
    submittedAt: z.iso.datetime({ offset: true }),
    respondentEmail: z.string().max(320).optional(),
    /** The response's edit link (`FormResponse.getEditResponseUrl()`), when the form lets respondents edit. */
    editUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    answers: z
      .array(
        z.object({
          questionId: z.string().max(200),
          title: z.string().max(1000),
          type: z.string().max(100),
          values: z.array(z.string().max(20_000)).max(100),
          files: z
            .array(
              z.object({
                fileId: z.string().min(1).max(200),
                fileName: z.string().max(500),
                mimeType: z.string().max(200),
              }),
            )
            .max(20)
            .optional(),
        }),
      )
      .max(300),
  }),
);
export type FormSubmission = z.infer<typeof FormSubmission>;

/** Which service a form feeds, and which field each question fills (by question id, else by title). */
export interface FormMapping {
  formId: string;
  serviceId: string;
  questions: Record<string, string>;
  /** Responses before this instant (RFC 3339) belong to the old process: reconciliation starts here. */
  since?: string;
  /** The form's public address, shown on the service's page as "Ajukan melalui formulir". */
  formUrl?: string;
}

/** A mapping as an administrator edits it (and as LOKET_FORM_MAPPINGS seeds it). */
export const FormMappingSchema = z.lazy(() =>
  z.object({
    formId: googleId(),
    serviceId: z.string().max(64),
    questions: z
      .record(z.string().min(1).max(1000), z.string().max(64))
      .refine((q) => Object.keys(q).length <= 300, 'paling banyak 300 pertanyaan'),
    since: Instant.optional(),
    formUrl: z
      .url({ protocol: /^https$/ })
      .max(500)
      .optional(),
  }),
);

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export const demoFormId = (s: Service) => `demo-${s.id}`;

/**
 * Local mode: one demo form per service, `demo-<service id>`, question titles equal to the field labels.
 * Where the desk serves them (`linked`), a service the standard takes by Google Form links its page to
 * the demo form of it.
 */
export const demoFormMappings = (linked: boolean): FormMapping[] =>
  services().map((s) => ({
    formId: demoFormId(s),
    serviceId: s.id,
    questions: Object.fromEntries(serviceFields(s).map((f) => [f.label, f.id])),
    ...(linked && s.channels.includes('google_form') ? { formUrl: `/contoh/formulir/${s.id}` } : {}),
  }));

interface MappedSubmission {
  answers: Record<string, string[]>;
  attachments: Attachment[];
  applicant: { name: string; email?: string; phone?: string };
  /** Answers whose question matched no field (e.g. a renamed question): stored on the case for the officer. */
  unmatched: UnmatchedAnswer[];
  /** Problems outside the requirements (the contact address, unmatched answers): one checklist item. */
  problems: string[];
  /** No answer at all: the only submission that may be ignored. */
  empty: boolean;
}

interface UnmatchedAnswer {
  title: string;
  values: string[];
}

/** What one answer may keep on the case; the full text stays in the raw archive. Bounds the stored case far below DynamoDB's 400 KB. */
const MAX_VALUES = 20;
const MAX_UNMATCHED = 50;
const UNMATCHED_VALUE_CHARS = 2000;
const clip = (values: string[], chars: number) => values.slice(0, MAX_VALUES).map((v) => v.slice(0, chars));
const clipped = (values: string[], chars: number) => values.length > MAX_VALUES || values.some((v) => v.length > chars);

const hasContent = (a: FormSubmission['answers'][number]) =>
  a.values.some((v) => v.trim()) || (a.files?.length ?? 0) > 0;

/** Which field a question fills under a mapping: by question id first, else by title (case and spacing ignored). */
export const questionMatcher = (service: Service, mapping: Pick<FormMapping, 'questions'>) => {
  const byKey = new Map(Object.entries(mapping.questions).map(([k, v]) => [norm(k), v]));
  const fields = new Map(serviceFields(service).map((f) => [f.id, f]));
  return (q: { questionId: string; title: string }) => {
    const fieldId = byKey.get(norm(q.questionId)) ?? byKey.get(norm(q.title));
    return fieldId ? fields.get(fieldId) : undefined;
  };
};

/** Maps a submission onto a service's fields. Never fails on content: problems become checklist items later. */
export const mapSubmission = (service: Service, mapping: FormMapping, sub: FormSubmission): MappedSubmission => {
  const match = questionMatcher(service, mapping);
  const answers: Record<string, string[]> = {};
  const attachments: Attachment[] = [];
  const unmatched: UnmatchedAnswer[] = [];
  const truncated: string[] = [];
  for (const a of sub.answers) {
    const field = match(a);
    if (!field) {
      if (hasContent(a) && unmatched.length < MAX_UNMATCHED) {
        unmatched.push({
          title: a.title.slice(0, 200),
          values: clip([...a.values, ...(a.files ?? []).map((f) => f.fileName)], UNMATCHED_VALUE_CHARS),
        });
      }
      continue;
    }
    const files = a.files ?? [];
    const limit = field.maxLength ?? 5000;
    if (!files.length && clipped(a.values, limit)) truncated.push(field.label);
    answers[field.id] = files.length ? files.map((f) => f.fileId) : clip(a.values, limit);
    for (const f of files) {
      attachments.push({
        fieldId: field.id,
        sourceId: f.fileId,
        fileName: f.fileName,
        mimeType: f.mimeType,
        status: 'pending',
        attempts: 0,
      });
    }
  }
  const first = (...ids: (string | undefined)[]) => ids.map((id) => id && answers[id]?.[0]?.trim()).find((v) => v);
  const ofKind = (kind: string) => serviceFields(service).flatMap((f) => (f.kind === kind ? [f.id] : []));
  const phone = first(...ofKind('phone'));
  const problems: string[] = [];
  // Google's verified respondent address first, else the form's own email question. Whatever was given
  // must be exactly one address: the desk never mails a list, a group or a header someone typed.
  const givenEmail = sub.respondentEmail?.trim() || first(...ofKind('email'));
  const email = parseMailAddress(givenEmail);
  if (givenEmail && !email)
    problems.push('Alamat email pemohon tidak valid (harus satu alamat email); pemberitahuan tidak dapat dikirim.');
  for (const label of truncated)
    problems.push(`${label}: jawaban terlalu panjang dan dipotong; petugas akan memeriksa jawaban lengkapnya.`);
  if (unmatched.length) {
    problems.push(
      `${unmatched.length} jawaban formulir belum dapat dibaca sistem (pertanyaan tidak dikenali); petugas akan memeriksanya.`,
    );
  }
  return {
    answers,
    attachments,
    applicant: {
      name: first(applicantNameField(service)) ?? 'Pemohon (nama belum diisi)',
      email,
      phone: phone ? (normalizePhone(phone) ?? phone) : undefined,
    },
    unmatched,
    problems,
    empty: !sub.answers.some(hasContent),
  };
};
