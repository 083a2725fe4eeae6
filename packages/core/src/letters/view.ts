import type { CaseRecord } from '../case/model';
import { mayOpenDocuments } from '../case/console-view';
import { hasDuty, isAdmin, dutyHolders } from '../catalog/roles';
import { formatDateId, formatWib } from '../sla/wib';
import { type LetterRecord, letterTitle } from './model';
import { formatDeadline, type KipDeadlines } from './refusal';

const STATUS_TEXT = {
  menunggu_tanda_tangan: 'Belum terbit: menunggu tanda tangan',
  berlaku: 'Berlaku',
  dicabut: 'Dicabut',
} as const;

/** The kind of certificate, as a verification page says it. */
export const certificateKind = (certified: boolean) =>
  certified
    ? 'Sertifikat elektronik tersertifikasi (BSrE – BSSN)'
    : 'Sertifikat desk Loket: BUKAN tanda tangan elektronik tersertifikasi';

/** What anyone holding a letter's verification address may see: no full name, no content, no case. */
export const publicLetter = (l: LetterRecord) => ({
  letterId: l.id,
  number: l.number,
  type: l.type,
  title: letterTitle(l.type),
  issuedOn: l.status === 'menunggu_tanda_tangan' ? null : formatDateId(l.issuedAt),
  holder: l.holderMasked,
  status: l.status,
  statusText: `${STATUS_TEXT[l.status]}${l.status === 'dicabut' && l.revokedAt ? ` pada ${formatWib(l.revokedAt)}` : ''}`,
  sha256: l.sha256 ?? null,
  /** The signature as read back from the signed PDF when it was signed. */
  signature: l.signature
    ? {
        signer: l.signature.signer,
        issuer: l.signature.issuer,
        signedAt: formatWib(l.signature.signedAt),
        certified: l.signature.certified,
        certificate: certificateKind(l.signature.certified),
        valid: true,
      }
    : null,
  /** The signed PDF is handed to any visitor while the letter is in force (it shows what the paper shows). */
  downloadable: l.status === 'berlaku' && !!l.s3Key,
});

/** What an uploaded file is, against the register: the same bytes, and its own signature read from it. */
export const uploadVerdict = (
  l: LetterRecord,
  sha256: string,
  read:
    | { signed: false }
    | { signed: true; valid: boolean; signer: string; issuer: string; serial: string; signingTime?: number },
) => {
  const identical = !!l.sha256 && sha256 === l.sha256;
  const signature = read.signed
    ? {
        valid: read.valid,
        signer: read.signer,
        issuer: read.issuer,
        signedAt: read.signingTime ? formatWib(read.signingTime) : '-',
        sameCertificate: !!l.signature && read.serial === l.signature.serial,
      }
    : undefined;
  const verdict = identical
    ? l.status === 'dicabut'
      ? 'Berkas sama persis dengan surat di register, tetapi surat ini telah DICABUT dan tidak berlaku lagi.'
      : 'Berkas sama persis dengan surat yang diterbitkan, dan tanda tangannya sah.'
    : !signature
      ? 'Berkas TIDAK SAMA dengan surat yang diterbitkan dan tidak memuat tanda tangan elektronik.'
      : signature.valid
        ? 'Berkas TIDAK SAMA dengan surat yang diterbitkan di register ini, walaupun tanda tangannya sendiri utuh.'
        : 'Berkas TIDAK SAMA dengan surat yang diterbitkan: tanda tangannya tidak sah, isi berkas telah diubah setelah ditandatangani.';
  return { identical, signature, verdict, ok: identical && l.status === 'berlaku' };
};
export type UploadVerdict = ReturnType<typeof uploadVerdict>;
export type PublicLetter = ReturnType<typeof publicLetter>;

/** A hash someone pasted, normalised (case and spaces); undefined when it is not a SHA-256. */
export const normaliseSha256 = (text: string) => {
  const hex = text.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
};

/** The public-information deadlines as the case page lists them. */
export const kipRows = (k: KipDeadlines): [string, string][] => [
  ['Batas jawaban (UU KIP, 10 hari kerja)', formatDeadline(k.answerBy, k.answerEstimated)],
  ...(k.extended
    ? [
        [
          'Diperpanjang (7 hari kerja)',
          `${formatDeadline(k.extended.to, k.extended.estimated)}: ${k.extended.reason}`,
        ] as [string, string],
      ]
    : []),
  ...(k.objectionBy
    ? [
        ['Batas keberatan pemohon (30 hari kerja)', formatDeadline(k.objectionBy, k.objectionEstimated)] as [
          string,
          string,
        ],
      ]
    : []),
];

/** Who may revoke a letter: the office's signatory (the duty `revokeLetters`), or an administrator. */
export const mayRevokeLetters = (roles: readonly string[]) => hasDuty(roles, 'revokeLetters') || isAdmin(roles);

/** Where an officer asks for a letter's PDF: from its case, or from the letter register. */
export type LetterSource = 'case' | 'register';

/**
 * Why an officer may not take a letter's PDF from there, or undefined when they may. A letter names
 * its holder, so it goes to whoever may open the case's documents, and to the register's keepers
 * (who sign and revoke) from the register. A revoked letter is no longer handed out from its case;
 * the register keeps it as an archive copy for its keepers, so that what was issued can be examined.
 */
export const letterDownloadRefusal = (
  letter: Pick<LetterRecord, 'status'>,
  c: Pick<CaseRecord, 'serviceId' | 'confidential'>,
  from: LetterSource,
  roles: readonly string[],
): { code: 'gone' | 'forbidden' | 'invalid_transition'; message: string } | undefined => {
  const keeper = from === 'register' && mayRevokeLetters(roles);
  if (!keeper && !mayOpenDocuments(c, roles))
    return { code: 'forbidden', message: 'Anda tidak berwenang membuka surat berkas ini.' };
  if (letter.status === 'menunggu_tanda_tangan')
    return {
      code: 'invalid_transition',
      message: 'Surat ini belum ditandatangani. Drafnya ada di halaman surat (Register surat).',
    };
  if (letter.status !== 'dicabut' || keeper) return undefined;
  return from === 'case'
    ? {
        code: 'gone',
        message: 'Surat ini telah dicabut dan tidak diunduh lagi dari berkas. Salinan arsipnya ada di Register surat.',
      }
    : {
        code: 'forbidden',
        message: `Salinan arsip surat yang dicabut hanya untuk ${dutyHolders('revokeLetters')} dan administrator.`,
      };
};

/** Whether the register offers this officer a letter's PDF (the case's own rule is checked on the download). */
export const registerOffersDownload = (letter: Pick<LetterRecord, 'status'>, roles: readonly string[]) =>
  letter.status === 'berlaku' || (letter.status === 'dicabut' && mayRevokeLetters(roles));

/**
 * Who may open a letter's page and draft: whoever may open its case's documents, whoever the standard
 * has initial or sign it, and the register's keepers.
 */
export const mayViewLetter = (
  letter: Pick<LetterRecord, 'signing'>,
  c: Pick<CaseRecord, 'serviceId' | 'confidential'>,
  roles: readonly string[],
) =>
  mayOpenDocuments(c, roles) ||
  mayRevokeLetters(roles) ||
  [letter.signing.role, ...letter.signing.initials].some((r) => roles.includes(r));
