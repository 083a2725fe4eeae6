import * as z from 'zod';

/**
 * The schema of an office's standard document (standards/*.yaml; docs/STANDARD.md). One document holds
 * everything the desk knows about one office: its identity, roles and duties, and per service the
 * components of PermenPANRB 15/2014 as the office printed them beside what the desk runs (fields,
 * steps, owners, clock, letter). `loket standard check` validates a document with it and
 * `docs/standard.schema.json` is generated from it for editors. The schemas are built only when
 * something validates: a Lambda reads a document checked at deploy and never builds them.
 */
const build = () => {
  const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'huruf kecil, angka dan _ (diawali huruf), contoh: kepala_dinas');
  const slug = z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'huruf kecil, angka dan - (diawali huruf), contoh: rekomendasi-bbm');
  const text = z.string().trim().min(1, 'tidak boleh kosong');
  const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam HH:MM, contoh 07:30');
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD');

  /** How a deadline is counted; see docs/RULES.md §2. */
  const SlaUnit = z.enum(['working_days', 'calendar_days', 'working_hours']);
  const SlaSpan = z.strictObject({ amount: z.number().int().positive(), unit: SlaUnit });
  const SlaPolicy = z.strictObject({
    /** The text exactly as printed in the standard, e.g. "1 s/d 5 Hari Kerja" or "14 hari". */
    text,
    /** The limit: past it the case is breached. Where the text names no unit, this says which the desk counts. */
    limit: SlaSpan,
    /** The expected time shown to the applicant; equals the limit unless the standard gives a range. */
    target: SlaSpan,
    /** Fraction of the allowed counted time after which a case is "at risk". */
    atRiskRatio: z.number().gt(0).lt(1),
    /**
     * When counting starts: on receipt, or only once the file is complete ("dengan berkas lengkap"):
     * then the clock waits from receipt until the step guarded by `requirements_complete` is taken.
     */
    startsWhen: z.enum(['received', 'complete']).default('received'),
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
  const Field = z.strictObject({
    id,
    /** Indonesian label; also the question title of the service's Google Form. */
    label: text,
    kind: FieldKind,
    required: z.boolean(),
    dataClass: DataClass,
    /** For documents: accepted MIME types and the size limit. */
    accept: z.array(z.enum(['application/pdf', 'image/jpeg', 'image/png'])).optional(),
    maxBytes: z.number().int().positive().optional(),
    /** For choices (a YAML alias such as `*kecamatan` reuses the office's list of places). */
    options: z.array(text).min(1).optional(),
    maxLength: z.number().int().positive().optional(),
    /** This field holds the applicant's name (one per service): receipts, letters and the console use it. */
    applicantName: z.boolean().optional(),
  });
  const Requirement = z.strictObject({
    id,
    /** Text of the requirement as the standard words it (spelling corrected: "Fotokopi", "Nomor"). */
    text,
    fields: z.array(Field).min(1),
  });
  const ProcedureStep = z.strictObject({ id, label: text, role: id, description: text });

  /** The kinds of step core offers (docs/STANDARD.md): a document chooses among them, never adds one. */
  const Effect = z.enum([
    'notify_applicant',
    'notify_assignee',
    'pause_clock',
    'resume_clock',
    'stop_clock',
    'request_letter_number',
    'record_in_registry',
    'escalate',
  ]);
  const FlowStep = z.strictObject({
    from: id,
    event: id,
    label: text,
    /** A step id of this service, or `selesai` / `ditolak`. */
    to: id,
    guard: z.enum(['requirements_complete', 'face_to_face_channel', 'letter_issued']).optional(),
    effects: z.array(Effect).optional(),
    noteRequired: z.boolean().optional(),
    requires: z.enum(['outside_approval', 'refusal_ground', 'forward_target', 'klinik_seat']).optional(),
    /** Who takes it; defaults to the role of the `from` step. */
    roles: z.array(id).min(1).optional(),
    laporReply: z.enum(['answer', 'forward']).optional(),
  });
  const Flow = z.strictObject({
    /** The check step that can send the file back to the applicant ("Ada revisi / Terdapat perbaikan"). */
    revisionAt: id.optional(),
    /** Steps from which an officer may refuse with a written reason. */
    refusableAt: z.array(id).default([]),
    /** Who stands on the requester's side for an internal request (defaults to the applicant and the front desk). */
    requesterSide: z.array(id).min(1).optional(),
    steps: z.array(FlowStep).min(1),
  });

  const LetterPolicy = z.strictObject({
    /** Permendagri 83/2022 classification code, e.g. 500.3.2. Configuration the administrator can change. */
    classificationCode: z.string().regex(/^\d{3}(\.\d+)*$/, 'kode klasifikasi seperti 500.3.2'),
    title: text,
    /**
     * What the letter grants or states: its opening paragraph (`{diterima}` is the date the request was
     * received, `{registrasi}` its tracking number) and the paragraphs after the request's details. A
     * public-information service has neither: its letter is the refusal UU 14/2008 words (docs/RULES.md §6).
     */
    opening: text.optional(),
    closing: z.array(text).optional(),
    /** Which of the service's fields name and address the addressee (defaults: the applicant's name, no address). */
    addressee: z
      .strictObject({
        /** Before the name: "Sdr./Sdri." for a person (the default), "Pengurus" for a koperasi. */
        prefix: text.default('Sdr./Sdri.'),
        name: id.optional(),
        address: id.optional(),
      })
      .default({ prefix: 'Sdr./Sdri.' }),
    /**
     * Who signs the letter and who checks it first (docs/RULES.md §5). `signatory` is a role (defaults
     * to office.signatory.role); a delegate signs `a.n.` (on behalf of) the office's signatory, or as
     * `Plt.` (acting). `initials` are the roles (paraf) that initial the draft, in order, before it may be signed.
     */
    signing: z
      .strictObject({
        signatory: id.optional(),
        onBehalf: z.enum(['a.n.', 'Plt.']).optional(),
        initials: z.array(id).default([]),
      })
      .default({ initials: [] }),
  });

  /** The service's product comes from another system (OSS, a notary, a ministry application): the desk explains and refers. */
  const Referral = z.strictObject({
    system: text,
    url: z.url('alamat https://…').optional(),
    /** What the applicant does there, in the standard's words. */
    text,
  });

  /** A component as printed: one text, or the items of its numbered list. */
  const Printed = z.union([text, z.array(text).min(1)]);
  /** The components of PermenPANRB 15/2014 the desk only publishes, as the office printed them. */
  const Published = z.strictObject({
    procedure: text.optional(),
    facilities: Printed,
    competence: Printed,
    internalSupervision: Printed,
    serviceGuarantee: Printed,
    safetyGuarantee: Printed,
  });

  const Service = z.strictObject({
    id: slug,
    /** Number of the service in the standard. */
    number: z.number().int().min(1),
    /** Short code used in tracking numbers. */
    code: z.string().regex(/^[A-Z]{3}$/, 'tiga huruf kapital, contoh BBM'),
    name: text,
    description: text,
    group: text,
    keywords: z.array(z.string()).default([]),
    channels: z.array(z.enum(['google_form', 'walk_in', 'letter', 'sp4n_lapor', 'internal'])).min(1),
    requirements: z.array(Requirement),
    /** Fields every applicant gives besides the requirements (name, contact). */
    applicantFields: z.array(Field),
    steps: z.array(ProcedureStep).min(1),
    flow: Flow,
    sla: SlaPolicy,
    /** The fee as printed ("Gratis", "Rp 50.000"); `fee` in rupiah (0 when free). */
    cost: text,
    fee: z.number().int().nonnegative().default(0),
    product: text,
    /** The product cell exactly as printed, where the standard's table words it differently. */
    productAsPrinted: text,
    letter: LetterPolicy.optional(),
    referral: Referral.optional(),
    /** A service that books applicants into sessions (a step `requires: klinik_seat`): what the schedule is called. */
    schedule: z.strictObject({ name: text }).optional(),
    /**
     * For the service that takes SP4N-LAPOR! complaints: the requirement a LAPOR! report meets by itself,
     * and which of the service's fields its parts fill.
     */
    laporIntake: z
      .strictObject({
        requirement: id,
        fields: z.strictObject({
          content: id,
          location: id.optional(),
          loss: id.optional(),
          request: id.optional(),
          placeAndTime: id.optional(),
          /** The document field the report's attachments land on. */
          attachments: id,
        }),
      })
      .optional(),
    /**
     * A request for public information under UU 14/2008: besides the service clock the request runs the
     * statutory answer, extension and objection clocks (docs/RULES.md §2, §6).
     */
    publicInformation: z
      .object({
        /** The service's fields a reasoned refusal repeats (Pasal 22 UU 14/2008: who asked, for what). */
        fields: z.strictObject({ address: id, occupation: id, information: id }),
      })
      .optional(),
    legalBasis: z.array(text).min(1),
    executors: z.strictObject({ count: text, roles: z.array(id) }),
    complaintContact: text,
    evaluation: text,
    published: Published,
  });

  const Hours = z.strictObject({ open: hhmm, close: hhmm }).nullable();
  const Weekly = z.strictObject({
    '1': Hours,
    '2': Hours,
    '3': Hours,
    '4': Hours,
    '5': Hours,
    '6': Hours,
    '7': Hours,
  });
  const Office = z.strictObject({
    /** Full name as it signs ("Dinas …, Kabupaten …"). */
    name: text,
    /** As the header and page titles show it. */
    shortName: text,
    /** One word for the office in running text ("Dinas", "Kecamatan", "Badan"). */
    word: text,
    /** The government it belongs to ("Pemerintah Kabupaten …"). */
    parent: text,
    address: text,
    phone: text,
    website: z.string(),
    /** The desk's sender address; mail goes out as "<shortName desk> <email>". */
    email: z.email(),
    /** Service hours as the standard prints them. */
    hoursText: text,
    /** The calendar's weekly service hours (1 = Monday) and dated overrides (Ramadan). */
    hours: Weekly,
    hoursOverrides: z.array(z.strictObject({ from: isoDate, to: isoDate, name: text, weekly: Weekly })).default([]),
    /** The office's places a form may ask for (kecamatan, desa). */
    places: z.strictObject({ label: text, values: z.array(text).min(1) }).optional(),
    complaintChannels: z.array(z.strictObject({ name: text, contact: text })).min(1),
    letterhead: z.strictObject({ government: text, office: text, address: text, contact: z.string(), place: text }),
    letterNumber: z.strictObject({
      /**
       * The number's pattern: `{klasifikasi}`, `{urut}`, `{wilayah}`, `{unit}`, `{tahun}`, `{bulan}`
       * (month in Roman numerals), e.g. "{klasifikasi}/{urut}/{wilayah}.{unit}/{tahun}".
       */
      format: z
        .string()
        .refine((f) => f.includes('{urut}') && f.includes('{tahun}'), 'harus memuat {urut} dan {tahun}'),
      regionCode: z.string().regex(/^\d{1,4}$/, 'angka, contoh 424'),
      unitCode: z.string().regex(/^\d{1,4}$/, 'angka, contoh 085'),
      counterPerClassification: z.boolean().default(false),
    }),
    /**
     * The office's signatory as letters print them. The person's name and NIP may stay empty in the
     * document: the administrator fills them in the letter settings, and no letter is signed before.
     */
    signatory: z.strictObject({ role: id, title: text, name: z.string(), rank: z.string(), nip: z.string() }),
    /** Who hears a public-information objection (keberatan), named in a refusal. */
    ppidSuperior: text.optional(),
    /** The office's promise (Maklumat Pelayanan), published with the standard. */
    maklumat: text,
  });

  const Role = z.strictObject({ label: text, unit: id.optional(), supervisor: id.optional() });
  const Unit = z.strictObject({ id, name: text, head: id });

  /**
   * Duties the standard gives to office roles besides working the steps of a procedure. Code asks for a
   * duty, never for a role by name.
   */
  const Duties = z.strictObject({
    /** The front desk: registers walk-in requests of every service and sees every case to do so. */
    frontDesk: z.array(id).min(1),
    /** Disposes a case with no assignee to an officer of its step (disposisi). */
    disposition: z.array(id).min(1),
    /** Reads the log of who opened which document (with the administrator). */
    accessLog: z.array(id).default([]),
    /** Revokes an issued letter (with the administrator). */
    revokeLetters: z.array(id).default([]),
    /** Receives the weekly service report. */
    weeklyReport: z.array(id).default([]),
    /** The complaint desk: registers SP4N-LAPOR! complaints, copies answers there, sees confidential reporters. */
    complaintDesk: z.array(id).default([]),
    /** Sets the KUKM clinic's session schedule. */
    klinikSchedule: z.array(id).default([]),
    /** Serves clinic sessions (the consultant a session names). */
    klinikConsultant: z.array(id).default([]),
  });

  /** The office's business registry (ODS): which fields of the registering service fill an entry. */
  const Registry = z.strictObject({
    name: text,
    /** Its short name in the console's menu and pages ("Registri UMKM"). */
    label: text,
    url: z.url().optional(),
    fields: z.strictObject({ businessName: id, nib: id.optional(), place: id, sector: id, scale: id, workforce: id }),
  });

  /** Top-level keys starting with `x-` hold the document's own YAML anchors (shared texts); the desk ignores them. */
  const withoutExtensions = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('x-')))
      : v;

  const StandardBody = z.strictObject({
    $schema: z.string().optional(),
    /** The office's id: one document per office, one stage per office (DEPLOY.md). */
    id: slug,
    /** This version of the document; a changed document gets a new one (cases keep theirs). */
    version: z
      .string({ error: "tulis versi sebagai teks dalam tanda kutip, contoh '2024.1'" })
      .regex(/^[0-9A-Za-z.-]{1,40}$/, 'versi seperti 2024.1'),
    title: text,
    /** The decree that set the standard, as printed. */
    decree: text,
    office: Office,
    roles: z.record(id, Role),
    units: z.array(Unit).default([]),
    duties: Duties,
    registry: Registry.optional(),
    /**
     * Demo officers the local desk (`npm start`) seeds; a deployed stage never reads them. Without it the
     * local desk seeds one officer per role.
     */
    demo: z
      .strictObject({
        staff: z
          .array(
            z.strictObject({
              id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'id petugas: huruf kecil, angka, -'),
              name: text,
              email: z.email(),
              roles: z.array(id).min(1),
              superiorId: z.string().optional(),
            }),
          )
          .min(1),
      })
      .optional(),
    services: z.array(Service).min(1),
  });
  const Standard = z.preprocess(withoutExtensions, StandardBody);

  return { SlaUnit, SlaSpan, SlaPolicy, Field, Requirement, Service, Office, Standard, StandardBody, Flow, FlowStep };
};

let built: ReturnType<typeof build> | undefined;
export const standardSchemas = () => (built ??= build());
type Schemas = ReturnType<typeof build>;
export type SlaSpan = z.infer<Schemas['SlaSpan']>;
export type SlaPolicy = z.infer<Schemas['SlaPolicy']>;
export type Field = z.infer<Schemas['Field']>;
export type Requirement = z.infer<Schemas['Requirement']>;
export type Service = z.infer<Schemas['Service']>;
export type Office = z.infer<Schemas['Office']>;
export type FlowSpec = z.infer<Schemas['Flow']>;
export type Standard = z.infer<Schemas['StandardBody']>;
/** The document as written, before defaults are filled in. */
export type StandardInput = z.input<Schemas['StandardBody']>;

/**
 * The JSON Schema of a document as an editor reads it (defaults optional), published as
 * docs/standard.schema.json (`npx loket standard schema`); a test keeps the file in step.
 */
export const standardJsonSchema = () =>
  JSON.stringify(
    {
      ...z.toJSONSchema(standardSchemas().StandardBody, { io: 'input', unrepresentable: 'any' }),
      patternProperties: { '^x-': {} },
      title: 'Standar Pelayanan (Loket)',
    },
    null,
    2,
  );
