import { z } from 'zod';
import { SERVICES, serviceFields } from '../catalog/services';
import type { Service } from '../catalog/schema';
import type { Attachment } from '../case/model';
import { normalizePhone } from './validate-field';

/** The webhook body the Apps Script sends (integrations/google-forms/). */
/** Google's form and response ids are URL-safe base64: anything else is not from our script. */
const GoogleId = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'harus berupa id Google (huruf, angka, - dan _)');

export const FormSubmission = z.object({
  formId: GoogleId,
  responseId: GoogleId,
  submittedAt: z.iso.datetime({ offset: true }),
  respondentEmail: z.string().max(320).optional(),
  answers: z.array(z.object({
    questionId: z.string().max(200),
    title: z.string().max(1000),
    type: z.string().max(100),
    values: z.array(z.string().max(20_000)).max(100),
    files: z.array(z.object({ fileId: z.string().min(1).max(200), fileName: z.string().max(500), mimeType: z.string().max(200) })).max(20).optional(),
  })).max(300),
});
export type FormSubmission = z.infer<typeof FormSubmission>;

/** Which service a form feeds, and which field each question fills (by question id, else by title). */
export interface FormMapping {
  formId: string;
  serviceId: string;
  questions: Record<string, string>;
  /** Responses before this instant (RFC 3339) belong to the old process: reconciliation starts here. */
  since?: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Local mode: one demo form per service, `demo-<service id>`, question titles equal to the field labels. */
export const demoFormMappings = (): FormMapping[] =>
  SERVICES.map((s) => ({ formId: `demo-${s.id}`, serviceId: s.id, questions: Object.fromEntries(serviceFields(s).map((f) => [f.label, f.id])) }));

export interface MappedSubmission {
  answers: Record<string, string[]>;
  attachments: Attachment[];
  applicant: { name: string; email?: string; phone?: string };
  /** Questions that matched no field: kept in the raw archive, listed for the officer. */
  unmapped: string[];
  empty: boolean;
}

/** Maps a submission onto a service's fields. Never fails on content: problems become checklist items later. */
export const mapSubmission = (service: Service, mapping: FormMapping, sub: FormSubmission): MappedSubmission => {
  const byKey = new Map(Object.entries(mapping.questions).map(([k, v]) => [norm(k), v]));
  const fields = new Map(serviceFields(service).map((f) => [f.id, f]));
  const answers: Record<string, string[]> = {};
  const attachments: Attachment[] = [];
  const unmapped: string[] = [];
  for (const a of sub.answers) {
    const fieldId = byKey.get(norm(a.questionId)) ?? byKey.get(norm(a.title));
    const field = fieldId ? fields.get(fieldId) : undefined;
    if (!field) {
      unmapped.push(a.title);
      continue;
    }
    const files = a.files ?? [];
    answers[field.id] = files.length ? files.map((f) => f.fileId) : a.values;
    for (const f of files) {
      attachments.push({ fieldId: field.id, sourceId: f.fileId, fileName: f.fileName, mimeType: f.mimeType, status: 'pending', attempts: 0 });
    }
  }
  const first = (...ids: string[]) => ids.map((id) => answers[id]?.[0]?.trim()).find((v) => v);
  const phone = first('nomor_hp', 'kontak_hp');
  return {
    answers,
    attachments,
    applicant: {
      name: first('nama_pemohon') ?? 'Pemohon (nama belum diisi)',
      email: sub.respondentEmail?.trim() || first('email', 'kontak_email'),
      phone: phone ? normalizePhone(phone) ?? phone : undefined,
    },
    unmapped,
    empty: Object.values(answers).every((vs) => vs.every((v) => !v.trim())),
  };
};
