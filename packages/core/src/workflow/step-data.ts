import { LoketError } from '../errors';

/**
 * What a step records besides its note, declared once per kind of step (`TransitionDef.requires`).
 * The console's form reads its fields from here, the JSON API takes them in `data`, the OpenAPI document
 * describes them, and the case commands check them: one declaration, every door.
 */
export type StepRecord = 'outside_approval' | 'refusal_ground' | 'forward_target' | 'revision_items' | 'klinik_seat';

interface StepDataField {
  /** The key in `data` (JSON API) and the form field's name (console). */
  name: string;
  /** `list`: several values, a comma-separated string in JSON and repeated checkboxes in a form. */
  kind: 'text' | 'date' | 'list';
  required: boolean;
  /** For the OpenAPI document (English). */
  description: string;
  /** What the officer reads (Indonesian). */
  label: string;
  hint?: string;
  /** How the console asks for it; `select`, `radios` and `checkboxes` take their options from `options`. */
  control: 'text' | 'textarea' | 'date' | 'select' | 'radios' | 'checkboxes';
  options?: 'pasal_17' | 'requirements' | 'klinik_sessions';
  /** Shown only for a case that came from SP4N-LAPOR! (the field means nothing elsewhere). */
  onlyForLapor?: boolean;
  /** Said instead of the options when there are none. */
  empty?: string;
}

export const STEP_DATA: Record<StepRecord, StepDataField[]> = {
  outside_approval: [
    {
      name: 'approvedOn',
      kind: 'date',
      required: true,
      description: 'Day the approval was given outside the office (YYYY-MM-DD)',
      label: 'Tanggal persetujuan',
      hint: 'Tanggal yang tertera pada paraf atau disposisi pejabat di luar kantor ini.',
      control: 'date',
    },
    {
      name: 'notaNumber',
      kind: 'text',
      required: true,
      description: 'Number of the nota dinas',
      label: 'Nomor nota dinas',
      control: 'text',
    },
  ],
  refusal_ground: [
    {
      name: 'ground',
      kind: 'text',
      required: true,
      description: 'Letter of UU 14/2008 Pasal 17 (a–j)',
      label: 'Dasar pengecualian (Pasal 17 UU 14/2008)',
      control: 'select',
      options: 'pasal_17',
    },
    {
      name: 'consequenceTest',
      kind: 'text',
      required: true,
      description: 'The consequence test (Pasal 19), at least 20 characters',
      label: 'Uji konsekuensi (Pasal 19)',
      hint: 'Akibat yang timbul bila informasi dibuka, dibandingkan dengan kepentingan yang dilindungi.',
      control: 'textarea',
    },
    {
      name: 'exemptionPeriod',
      kind: 'text',
      required: true,
      description: 'How long the information stays exempt',
      label: 'Jangka waktu pengecualian',
      hint: 'Surat penolakan bernomor diterbitkan otomatis, memuat hak pemohon mengajukan keberatan dalam 30 hari kerja.',
      control: 'text',
    },
  ],
  forward_target: [
    {
      name: 'institutionId',
      kind: 'text',
      required: false,
      description: "The competent agency's SP4N-LAPOR! institution id",
      label: 'Instansi tujuan di SP4N-LAPOR! (ID instansi, tidak wajib)',
      hint: 'Nomor ID instansi berwenang pada LAPOR!; dikirim (atau dicatat untuk disalin) bersama alasan di bawah.',
      control: 'text',
      onlyForLapor: true,
    },
  ],
  revision_items: [
    {
      name: 'requirements',
      kind: 'list',
      required: true,
      description: "Ids of the requirements to fix (comma-separated); each is marked 'invalid' with the note",
      label: 'Persyaratan yang perlu diperbaiki pemohon',
      hint: 'Catatan di bawah dikirim kepada pemohon melalui email.',
      control: 'checkboxes',
      options: 'requirements',
    },
  ],
  klinik_seat: [
    {
      name: 'sessionId',
      kind: 'text',
      required: true,
      description: 'The Klinik KUKM session the seat is taken in',
      label: 'Sesi jadwal',
      hint: 'Jadwal sesi dikirim kepada pemohon bersama catatan di bawah.',
      control: 'radios',
      options: 'klinik_sessions',
      empty:
        'Belum ada sesi yang cocok dengan kursi tersisa. Susun jadwal sesi bulan ini (menu Jadwal Klinik), lalu kembali ke sini.',
    },
  ],
};

/** The step's data from a submitted form: declared fields only, trimmed, lists joined by commas. */
export const stepDataFromForm = (
  requires: StepRecord | undefined,
  form: Record<string, unknown>,
): Record<string, string> | undefined => {
  if (!requires) return undefined;
  const entries = STEP_DATA[requires]
    .map((f) => {
      const values = [form[f.name] ?? []]
        .flat()
        .map((v) => String(v).trim())
        .filter(Boolean);
      return [f.name, (f.kind === 'list' ? values.join(',') : (values[0] ?? '')).slice(0, 3000)] as const;
    })
    .filter(([, v]) => v);
  return entries.length ? Object.fromEntries(entries) : undefined;
};

/** A `list` field's values. */
export const listValue = (data: Record<string, string> | undefined, name: string) =>
  (data?.[name] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** "Bukan wewenang": the competent agency, when given, as LAPOR! names it. */
export const readForwardTarget = (data: Record<string, string> | undefined) => {
  const institutionId = data?.institutionId?.trim();
  if (institutionId && !/^[0-9A-Za-z-]{1,20}$/.test(institutionId)) {
    throw new LoketError('validation', 'ID instansi hanya berisi huruf, angka dan tanda hubung.', [
      { field: 'institutionId', message: 'ID instansi tidak valid.' },
    ]);
  }
  return institutionId || undefined;
};
