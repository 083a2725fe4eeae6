import * as z from 'zod';
import { Role } from './roles';

/** How a deadline is counted; see docs/RULES.md §2. */
export const SlaUnit = z.enum(['working_days', 'calendar_days', 'working_hours']);
export type SlaUnit = z.infer<typeof SlaUnit>;

export const SlaSpan = z.object({ amount: z.number().int().positive(), unit: SlaUnit });
export type SlaSpan = z.infer<typeof SlaSpan>;

export const SlaPolicy = z.object({
  /** The text exactly as printed in the standard, e.g. "1 s/d 5 Hari Kerja". */
  text: z.string().min(1),
  /** The limit: past it the case is breached. */
  limit: SlaSpan,
  /** The expected time shown to the applicant; equals the limit unless the standard gives a range. */
  target: SlaSpan,
  /** Fraction of the allowed counted time after which a case is "at risk". */
  atRiskRatio: z.number().gt(0).lt(1),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/**
 * Personal-data classification of a field (UU 27/2022 PDP): `spesifik` (specific: finances, children in
 * a KK), `umum` (general personal data: name, NIK, phone), `none` (not personal).
 */
export const DataClass = z.enum(['none', 'umum', 'spesifik']);
export type DataClass = z.infer<typeof DataClass>;

export const FieldKind = z.enum([
  'text', 'textarea', 'nik', 'kk', 'nib', 'phone', 'email', 'date', 'number', 'money', 'choice', 'document',
]);
export type FieldKind = z.infer<typeof FieldKind>;

export const Field = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Indonesian label; also the question title of the service's Google Form. */
  label: z.string().min(1),
  kind: FieldKind,
  required: z.boolean(),
  dataClass: DataClass,
  /** For documents: accepted MIME types and the size limit. */
  accept: z.array(z.string()).optional(),
  maxBytes: z.number().int().positive().optional(),
  /** For choices. */
  options: z.array(z.string()).optional(),
  maxLength: z.number().int().positive().optional(),
});
export type Field = z.infer<typeof Field>;

export const Requirement = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Text of the requirement as the standard words it. */
  text: z.string().min(1),
  fields: z.array(Field).min(1),
});
export type Requirement = z.infer<typeof Requirement>;

export const ProcedureStep = z.object({
  id: z.string(),
  label: z.string(),
  role: Role,
  description: z.string(),
});
export type ProcedureStep = z.infer<typeof ProcedureStep>;

export const LetterPolicy = z.object({
  /** Permendagri 83/2022 classification code, e.g. 500.3.2. Configuration the Dinas can change. */
  classificationCode: z.string().regex(/^\d{3}(\.\d+)*$/),
  title: z.string(),
});

export const Service = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Number of the service in the standard (1–9). */
  number: z.number().int().min(1),
  /** Short code used in tracking numbers. */
  code: z.string().regex(/^[A-Z]{3}$/),
  name: z.string(),
  description: z.string(),
  group: z.string(),
  keywords: z.array(z.string()),
  channels: z.array(z.enum(['google_form', 'walk_in', 'letter', 'sp4n_lapor', 'internal'])),
  requirements: z.array(Requirement),
  /** Fields every applicant gives besides the requirements (name, contact). */
  applicantFields: z.array(Field),
  steps: z.array(ProcedureStep).min(1),
  sla: SlaPolicy,
  cost: z.string(),
  product: z.string(),
  /** The product cell exactly as printed, where the standard's table words it differently. */
  productAsPrinted: z.string(),
  letter: LetterPolicy.optional(),
  legalBasis: z.array(z.string()).min(1),
  executors: z.object({ count: z.string(), roles: z.array(Role) }),
  complaintContact: z.string(),
  evaluation: z.string(),
});
export type Service = z.infer<typeof Service>;
