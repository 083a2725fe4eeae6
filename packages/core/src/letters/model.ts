import * as z from 'zod';
import { findService, office, perStandard } from '../standard/current';
import { wibDate } from '../sla/wib';

/**
 * The products of the standard that are letters signed by the office's signatory, their numbering and
 * their register (docs/RULES.md §5). A number follows the office's pattern, e.g.
 * `kode klasifikasi/nomor urut/kode wilayah.kode unit/tahun`; the running number restarts every
 * 1 January and is never given twice.
 */

/** A letter's type is the id of the service whose product it is (a service with a `letter`). */
export type LetterType = string;
/** Services whose product is a numbered letter, in the standard's order. */
export const letterServices = perStandard((s): readonly LetterType[] =>
  s.services.filter((x) => x.letter).map((x) => x.id),
);
export const isLetterType = (s: string): s is LetterType => letterServices().includes(s);

export const letterTitle = (type: LetterType) => findService(type)!.letter!.title;

const signatorySchema = z.object({
  title: z.string().min(1).max(200),
  name: z.string().max(120),
  rank: z.string().max(120),
  nip: z.string().max(30),
  /** The NIK registered with BSrE, for signing through it (personal data: masked on every page). */
  nik: z
    .string()
    .regex(/^(\d{16})?$/, 'NIK 16 angka')
    .default(''),
});
type Signatory = z.infer<typeof signatorySchema>;

/** The roles other than the office's signatory that sign some letter (delegates). */
export const delegateRoles = perStandard((s) => [
  ...new Set(
    s.services.flatMap((x) =>
      x.letter?.signing.signatory && x.letter.signing.signatory !== s.office.signatory.role
        ? [x.letter.signing.signatory]
        : [],
    ),
  ),
]);

const settingsSchema = perStandard(() =>
  z.object({
    /** The region and unit codes of a letter number (office.letterNumber in the standard). */
    regionCode: z.string().regex(/^\d{1,4}$/),
    unitCode: z.string().regex(/^\d{1,4}$/),
    /** One running number per unit and year, or also per classification code. */
    counterPerClassification: z.boolean(),
    classification: z.object(
      Object.fromEntries(
        letterServices().map((t) => [t, z.string().regex(/^\d{3}(\.\d+)*$/, 'kode klasifikasi seperti 500.3.2')]),
      ),
    ),
    letterhead: z.object({
      government: z.string().min(1).max(100),
      office: z.string().min(1).max(150),
      address: z.string().min(1).max(300),
      contact: z.string().max(300),
      place: z.string().min(1).max(60),
    }),
    signatory: signatorySchema,
    /** The delegates who sign letters a.n. or as Plt. (letter.signing.signatory in the standard), by role. */
    delegates: z
      .object(Object.fromEntries(delegateRoles().map((r) => [r, signatorySchema])))
      .partial()
      .default({}),
    /** Who hears a public-information objection (keberatan), named in a refusal. */
    ppidSuperior: z.string().max(200),
  }),
);
/** Configuration an administrator edits: codes, letterhead and signatory, starting from the standard's. */
export const LetterSettings = {
  parse: (v: unknown) => settingsSchema().parse(v) as LetterSettings,
  safeParse: (v: unknown) => settingsSchema().safeParse(v) as z.ZodSafeParseResult<LetterSettings>,
};
export interface LetterSettings {
  regionCode: string;
  unitCode: string;
  counterPerClassification: boolean;
  classification: Record<LetterType, string>;
  letterhead: { government: string; office: string; address: string; contact: string; place: string };
  signatory: Signatory;
  delegates: Partial<Record<string, Signatory>>;
  ppidSuperior: string;
}

/** The settings the standard gives (office.letterNumber, letterhead, signatory); the administrator's override them. */
export const defaultLetterSettings = perStandard((s): LetterSettings => ({
  regionCode: s.office.letterNumber.regionCode,
  unitCode: s.office.letterNumber.unitCode,
  counterPerClassification: s.office.letterNumber.counterPerClassification,
  classification: Object.fromEntries(
    s.services.flatMap((x) => (x.letter ? [[x.id, x.letter.classificationCode]] : [])),
  ),
  letterhead: s.office.letterhead,
  signatory: {
    title: s.office.signatory.title,
    name: s.office.signatory.name,
    rank: s.office.signatory.rank,
    nip: s.office.signatory.nip,
    nik: '',
  },
  delegates: Object.fromEntries(
    delegateRoles().map((r) => [r, { title: s.roles[r]!.label.toUpperCase(), name: '', rank: '', nip: '', nik: '' }]),
  ),
  ppidSuperior: s.office.ppidSuperior ?? '',
}));

/** The classification code a letter type is numbered under: the administrator's, else the standard's. */
export const classificationOf = (settings: Pick<LetterSettings, 'classification'>, type: LetterType) =>
  settings.classification[type] ?? findService(type)!.letter!.classificationCode;

/** The counter a number is drawn from: per unit and year, and per classification when configured. */
export const counterKey = (settings: LetterSettings, type: LetterType, year: number) =>
  `${settings.regionCode}.${settings.unitCode}#${year}${settings.counterPerClassification ? `#${classificationOf(settings, type)}` : ''}`;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A letter's number in the office's pattern (office.letterNumber.format in the standard). */
export const formatLetterNumber = (
  classification: string,
  seq: number,
  settings: Pick<LetterSettings, 'regionCode' | 'unitCode'>,
  year: number,
  issuedAt?: number,
) =>
  office()
    .letterNumber.format.replaceAll('{klasifikasi}', classification)
    .replaceAll('{urut}', String(seq))
    .replaceAll('{wilayah}', settings.regionCode)
    .replaceAll('{unit}', settings.unitCode)
    .replaceAll('{tahun}', String(year))
    .replaceAll('{bulan}', ROMAN[Number(wibDate(issuedAt ?? Date.UTC(year, 0, 1)).slice(5, 7)) - 1]!);

export const letterYear = (ms: number) => Number(wibDate(ms).slice(0, 4));

/**
 * A letter is numbered when its step is taken and waits, with its number reserved, for the paraf and
 * the signature; it is issued (in force) only once signed, and may later be revoked.
 */
export type LetterStatus = 'menunggu_tanda_tangan' | 'berlaku' | 'dicabut';

/** Who signs a letter type and who initials it first, as the standard says (letter.signing). */
export const letterSigning = (type: LetterType) => {
  const signing = findService(type)!.letter!.signing;
  const head = office().signatory.role;
  const role = signing.signatory ?? head;
  return { role, onBehalf: role === head ? undefined : signing.onBehalf, initials: signing.initials };
};

/** The signature block's lines above the name: "a.n." and the office signatory's title then the delegate's own title. */
export const signatoryOf = (settings: LetterSettings, type: LetterType) => {
  const { role, onBehalf } = letterSigning(type);
  const head = settings.signatory;
  const person =
    role === office().signatory.role
      ? head
      : (settings.delegates[role] ?? { title: '', name: '', rank: '', nip: '', nik: '' });
  const titleLines = !onBehalf
    ? [person.title]
    : onBehalf === 'a.n.'
      ? [`a.n. ${head.title}`, person.title]
      : [`Plt. ${head.title}`];
  return { role, onBehalf, titleLines, name: person.name, rank: person.rank, nip: person.nip };
};

/** The NIK BSrE knows the letter type's signatory by (never printed, never in a letter's content). */
export const signatoryNik = (settings: LetterSettings, type: LetterType) => {
  const { role } = letterSigning(type);
  return (role === office().signatory.role ? settings.signatory : settings.delegates[role])?.nik ?? '';
};
export type LetterSignatory = ReturnType<typeof signatoryOf>;

/** Why a letter of this type may not be signed with these settings (no name, no NIP), or undefined. */
export const signatorySettingsGap = (s: LetterSignatory, bsreNik?: string) => {
  const missing = [
    !s.name.trim() && 'nama',
    !/^\d{18}$/.test(s.nip.replace(/\s/g, '')) && 'NIP (18 angka)',
    bsreNik === '' && 'NIK untuk BSrE',
  ].filter(Boolean);
  return missing.length
    ? `Pengaturan surat belum lengkap: ${missing.join(' dan ')} penanda tangan (${s.titleLines.at(-1)}) belum diisi. Administrator mengisinya di Pengaturan surat; surat tidak ditandatangani sebelum itu.`
    : undefined;
};

/** A paraf (initial) on the draft: who checked it, in the standard's order. */
export interface LetterParaf {
  role: string;
  by: string;
  byName: string;
  at: number;
}

/** The signature a letter carries, as read back from its signed PDF at signing. */
export interface LetterSignature {
  channel: 'desk' | 'bsre';
  /** A certificate of a certification authority (BSrE); false for the desk certificate. */
  certified: boolean;
  signer: string;
  issuer: string;
  serial: string;
  signedAt: number;
  signedBy: string;
}

/** One line of the register: every letter ever numbered, revoked ones included. */
export interface LetterRecord {
  /** Unguessable (the public verification address). */
  id: string;
  type: LetterType;
  number: string;
  seq: number;
  year: number;
  classification: string;
  caseId: string;
  trackingNumber: string;
  /** The holder's name as written on the letter, and masked as shown publicly. */
  holderName: string;
  holderMasked: string;
  /** The date the letter bears: when it was numbered, then when it was signed. */
  issuedAt: number;
  issuedBy: string;
  status: LetterStatus;
  /** Optimistic version of the register line (paraf, signing attempts and revocation are checked writes). */
  version: number;
  /** Who signs it (the role and a.n./Plt.), fixed when it was numbered. */
  signing: { role: string; onBehalf?: 'a.n.' | 'Plt.'; initials: string[] };
  initials: LetterParaf[];
  signature?: LetterSignature;
  /** The last signing attempt that failed, with the reason shown to the signatory. */
  signingFailure?: { at: number; by: string; reason: string };
  revokedAt?: number;
  revokedBy?: string;
  revokeReason?: string;
  /** Set once signed: the signed PDF's key, fingerprint and size. */
  s3Key?: string;
  sha256?: string;
  size?: number;
}

/** "Siti Aminah" → "S*** A*****": enough to recognise one's own letter, not to learn a stranger's name. */
export const maskName = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => (w.length <= 1 ? w : `${w[0]}${'*'.repeat(w.length - 1)}`))
    .join(' ');
