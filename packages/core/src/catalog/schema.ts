import * as z from 'zod';
import { Role } from './roles';

/**
 * The catalog's schemas. The catalog is data typed by them and checked by its test, never parsed at a
 * cold start, so the schema objects are built only when something validates with them.
 */
const build = () => {
  /** How a deadline is counted; see docs/RULES.md §2. */
  const SlaUnit = z.enum(['working_days', 'calendar_days', 'working_hours']);

  const SlaSpan = z.object({ amount: z.number().int().positive(), unit: SlaUnit });

  const SlaPolicy = z.object({
    /** The text exactly as printed in the standard, e.g. "1 s/d 5 Hari Kerja". */
    text: z.string().min(1),
    /** The limit: past it the case is breached. */
    limit: SlaSpan,
    /** The expected time shown to the applicant; equals the limit unless the standard gives a range. */
    target: SlaSpan,
    /** Fraction of the allowed counted time after which a case is "at risk". */
    atRiskRatio: z.number().gt(0).lt(1),
  });

  /**
   * Personal-data classification of a field (UU 27/2022 PDP): `spesifik` (specific: finances, children in
   * a KK), `umum` (general personal data: name, NIK, phone), `none` (not personal).
   */
  const DataClass = z.enum(['none', 'umum', 'spesifik']);

  const FieldKind = z.enum([
    'text',
    'textarea',
    'nik',
    'kk',
    'nib',
    'phone',
    'email',
    'date',
    'number',
    'money',
    'choice',
    'document',
  ]);

  const Field = z.object({
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

  const Requirement = z.object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    /** Text of the requirement as the standard words it. */
    text: z.string().min(1),
    fields: z.array(Field).min(1),
  });

  const ProcedureStep = z.object({
    id: z.string(),
    label: z.string(),
    role: Role,
    description: z.string(),
  });

  const LetterPolicy = z.object({
    /** Permendagri 83/2022 classification code, e.g. 500.3.2. Configuration the Dinas can change. */
    classificationCode: z.string().regex(/^\d{3}(\.\d+)*$/),
    title: z.string(),
    /**
     * What the letter grants or states: its opening paragraph (`{diterima}` is the date the request was
     * received, `{registrasi}` its tracking number) and the paragraphs after the request's details. A
     * public-information service has neither: its letter is the refusal UU 14/2008 words (docs/RULES.md §6).
     */
    opening: z.string().optional(),
    closing: z.array(z.string()).optional(),
  });

  const Service = z.object({
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
    /**
     * A request for public information under UU 14/2008: besides the service clock the request runs the
     * statutory answer, extension and objection clocks (docs/RULES.md §2, §6).
     */
    publicInformation: z.boolean().optional(),
    legalBasis: z.array(z.string()).min(1),
    executors: z.object({ count: z.string(), roles: z.array(Role) }),
    complaintContact: z.string(),
    evaluation: z.string(),
  });

  return {
    SlaUnit,
    SlaSpan,
    SlaPolicy,
    DataClass,
    FieldKind,
    Field,
    Requirement,
    ProcedureStep,
    LetterPolicy,
    Service,
  };
};

let built: ReturnType<typeof build> | undefined;
export const catalogSchemas = () => (built ??= build());
type Schemas = ReturnType<typeof build>;
export type SlaSpan = z.infer<Schemas['SlaSpan']>;
export type SlaPolicy = z.infer<Schemas['SlaPolicy']>;
export type Field = z.infer<Schemas['Field']>;
export type Requirement = z.infer<Schemas['Requirement']>;
export type Service = z.infer<Schemas['Service']>;
