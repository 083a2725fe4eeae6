import * as z from 'zod';
import { findService, SERVICES } from '../catalog/services';
import { wibDate } from '../sla/wib';

/**
 * The products of the standard that are letters signed by the Kepala Dinas, their numbering and their
 * register (docs/RULES.md §5). A number is `kode klasifikasi/nomor urut/424.<kode unit>/tahun`; the
 * running number restarts every 1 January and is never given twice.
 */

/** A letter's type is the id of the service whose product it is (a catalog service with a `letter`). */
export type LetterType = string;
/** Services whose product is a numbered letter, in catalog order. */
export const LETTER_SERVICES: readonly LetterType[] = SERVICES.filter((s) => s.letter).map((s) => s.id);
export const isLetterType = (s: string): s is LetterType => LETTER_SERVICES.includes(s);

export const letterTitle = (type: LetterType) => findService(type)!.letter!.title;

/** Configuration an administrator edits: codes, letterhead and signatory (defaults from the catalog and the standard). */
export const LetterSettings = z.lazy(() =>
  z.object({
    /** 424 is Kabupaten Pasuruan; the unit code of the Dinas, as in the standard's own number 950/271/424.085/2024. */
    regionCode: z.string().regex(/^\d{1,4}$/),
    unitCode: z.string().regex(/^\d{1,4}$/),
    /** One running number per unit and year, or also per classification code. */
    counterPerClassification: z.boolean(),
    classification: z.object(
      Object.fromEntries(
        LETTER_SERVICES.map((t) => [t, z.string().regex(/^\d{3}(\.\d+)*$/, 'kode klasifikasi seperti 500.3.2')]),
      ),
    ),
    letterhead: z.object({
      government: z.string().min(1).max(100),
      office: z.string().min(1).max(150),
      address: z.string().min(1).max(300),
      contact: z.string().max(300),
      place: z.string().min(1).max(60),
    }),
    signatory: z.object({
      title: z.string().min(1).max(200),
      name: z.string().min(1).max(120),
      rank: z.string().max(120),
      nip: z.string().max(30),
    }),
    /** Who hears a public-information objection (keberatan), named in a refusal. */
    ppidSuperior: z.string().min(1).max(200),
  }),
);
export type LetterSettings = z.infer<typeof LetterSettings>;

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  regionCode: '424',
  unitCode: '085',
  counterPerClassification: false,
  classification: Object.fromEntries(
    LETTER_SERVICES.map((t) => [t, findService(t)!.letter!.classificationCode]),
  ) as Record<LetterType, string>,
  letterhead: {
    government: 'PEMERINTAH KABUPATEN PASURUAN',
    office: 'DINAS KOPERASI, USAHA KECIL DAN MENENGAH',
    address: 'Kompleks Perkantoran Pemerintah Daerah Kabupaten Pasuruan, Jl. Raya Raci KM. 09, Bangil',
    contact: 'Telepon (0343) 5616140 · http://dinkop.pasuruankab.go.id',
    place: 'Pasuruan',
  },
  signatory: {
    title: 'KEPALA DINAS KOPERASI, USAHA KECIL DAN MENENGAH KABUPATEN PASURUAN',
    name: 'Kepala Dinas',
    rank: 'Pembina Utama Muda',
    nip: '',
  },
  ppidSuperior: 'Atasan PPID Pemerintah Kabupaten Pasuruan (Sekretaris Daerah Kabupaten Pasuruan)',
};

/** The classification code a letter type is numbered under: the administrator's, else the catalog's. */
export const classificationOf = (settings: Pick<LetterSettings, 'classification'>, type: LetterType) =>
  settings.classification[type] ?? findService(type)!.letter!.classificationCode;

/** The counter a number is drawn from: per unit and year, and per classification when configured. */
export const counterKey = (settings: LetterSettings, type: LetterType, year: number) =>
  `${settings.regionCode}.${settings.unitCode}#${year}${settings.counterPerClassification ? `#${classificationOf(settings, type)}` : ''}`;

export const formatLetterNumber = (
  classification: string,
  seq: number,
  settings: Pick<LetterSettings, 'regionCode' | 'unitCode'>,
  year: number,
) => `${classification}/${seq}/${settings.regionCode}.${settings.unitCode}/${year}`;

export const letterYear = (ms: number) => Number(wibDate(ms).slice(0, 4));

type LetterStatus = 'berlaku' | 'dicabut';

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
  issuedAt: number;
  issuedBy: string;
  status: LetterStatus;
  revokedAt?: number;
  revokedBy?: string;
  revokeReason?: string;
  s3Key: string;
  sha256: string;
  size: number;
}

/** "Siti Aminah" → "S*** A*****": enough to recognise one's own letter, not to learn a stranger's name. */
export const maskName = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => (w.length <= 1 ? w : `${w[0]}${'*'.repeat(w.length - 1)}`))
    .join(' ');
