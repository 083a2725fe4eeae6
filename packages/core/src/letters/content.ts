import type { Service } from '../standard/schema';
import { findService, isContactField, serviceFields, caseService } from '../standard/current';
import type { CaseRecord } from '../case/model';
import { formatDateId } from '../sla/wib';
import { type LetterSignatory, letterTitle, type LetterSettings, type LetterType, signatoryOf } from './model';
import { formatDeadline, kipAnswerBy, kipAnswerEstimated, type LegalDeadline, PASAL_17, type Refusal } from './refusal';

/**
 * What a letter says, as data: the PDF maker lays it out, tests read it without a PDF. Built from the
 * case's answers and the catalog; nothing here is invented per letter.
 */
export interface LetterContent {
  letterhead: LetterSettings['letterhead'];
  title: string;
  number: string;
  placeAndDate: string;
  addressee: string[];
  /** Whom the letter is for (the addressee's name): the register keeps it, masked for the public. */
  holder: string;
  paragraphs: string[];
  /** Label/value rows of the request (documents and specific personal data left out). */
  details: [string, string][];
  /** Paragraphs after the details. */
  closing: string[];
  legalBasis: string[];
  signatory: LetterSignatory;
  /** Absent on a draft: the QR code to the verification page is printed only on the signed letter. */
  verifyUrl?: string;
}

const answer = (c: CaseRecord, id: string) => c.answers[id]?.filter((v) => v.trim()).join(', ');

/** The request's own data worth stating: text answers, no documents, no specific personal data (finances). */
const requestDetails = (c: CaseRecord): [string, string][] => {
  const service = caseService(c);
  return serviceFields(service)
    .filter((f) => f.kind !== 'document' && f.dataClass !== 'spesifik' && !isContactField(f) && !f.applicantName)
    .flatMap((f): [string, string][] => {
      const v = answer(c, f.id);
      return v ? [[f.label, v]] : [];
    });
};

/** A granting letter's own words, from the catalog, with the request's date and tracking number filled in. */
const grantBody = (c: CaseRecord, letter: NonNullable<Service['letter']>, received: string) => {
  if (!letter.opening) throw new Error(`case ${c.id}: the catalog gives letter "${letter.title}" no opening`);
  return {
    opening: letter.opening.replaceAll('{diterima}', received).replaceAll('{registrasi}', c.trackingNumber),
    closing: letter.closing ?? [],
  };
};

/**
 * The reasoned refusal of UU 14/2008 (docs/RULES.md §6): the request and who made it (registration
 * number, name, address, occupation, contact, the information asked), then the ground, the consequence
 * test, the exemption period and the right to object.
 */
const refusalOpening = (c: CaseRecord, received: string) =>
  `Menunjuk permohonan informasi publik Saudara yang kami terima pada ${received}, dengan ini kami sampaikan bahwa informasi yang Saudara minta merupakan informasi yang DIKECUALIKAN sehingga permohonan tidak dapat dipenuhi. Permohonan tersebut:`;

const refusalDetails = (c: CaseRecord, service: Service, name: string): [string, string][] => {
  const asked = service.publicInformation!.fields;
  const contact = serviceFields(service)
    .filter(isContactField)
    .map((f) => answer(c, f.id));
  return [
    ['Nomor registrasi', c.trackingNumber],
    ['Nama pemohon', name],
    ['Alamat', answer(c, asked.address) ?? '-'],
    ['Pekerjaan', answer(c, asked.occupation) ?? '-'],
    ['Kontak', [...contact, c.applicant.email].filter(Boolean).filter(unique).join(', ') || '-'],
    ['Informasi yang diminta', answer(c, asked.information) ?? '-'],
  ];
};
const unique = (v: unknown, i: number, all: unknown[]) => all.indexOf(v) === i;

const refusalParagraphs = (refusal: Refusal, objection: LegalDeadline | undefined, settings: LetterSettings) => [
  ...(refusal.explanation ? [`Penjelasan: ${refusal.explanation}`] : []),
  `Dasar pengecualian: Pasal 17 huruf ${refusal.ground} Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, yaitu informasi yang apabila dibuka dapat ${PASAL_17[refusal.ground]}.`,
  `Uji konsekuensi (Pasal 19): ${refusal.consequenceTest}`,
  `Jangka waktu pengecualian: ${refusal.exemptionPeriod}.`,
  `Apabila Saudara keberatan atas penolakan ini, Saudara berhak mengajukan keberatan secara tertulis kepada ${settings.ppidSuperior} dalam jangka waktu 30 (tiga puluh) hari kerja sejak diterimanya surat ini${objection ? `, yaitu paling lambat ${formatDeadline(objection.at, objection.estimated)}` : ''}, sesuai Pasal 35 dan Pasal 36 Undang-Undang Nomor 14 Tahun 2008.`,
];

interface LetterMeta {
  number: string;
  issuedAt: number;
  /** The signed letter's verification address; none on a draft. */
  verifyUrl?: string;
  /** Refusals: the objection deadline kept on the case. */
  objection?: LegalDeadline;
}

export const letterContent = (
  c: CaseRecord,
  type: LetterType,
  settings: LetterSettings,
  meta: LetterMeta,
): LetterContent => {
  const service = findService(type)!;
  const received = formatDateId(c.clock.receivedAt);
  const addressee = service.letter!.addressee;
  const name = (addressee.name && answer(c, addressee.name)) || c.applicant.name;
  const address = addressee.address && answer(c, addressee.address);
  // A public-information request's letter is its reasoned refusal; every other letter grants or states.
  const refusal = service.publicInformation ? c.refusal : undefined;
  if (service.publicInformation && !refusal)
    throw new Error(`case ${c.id}: a refusal letter needs the refusal's ground`);
  const grant = refusal ? undefined : grantBody(c, service.letter!, received);
  const details: [string, string][] = [['Nomor registrasi', c.trackingNumber], ...requestDetails(c)];
  return {
    letterhead: settings.letterhead,
    title: letterTitle(type).toUpperCase(),
    number: meta.number,
    placeAndDate: `${settings.letterhead.place}, ${formatDateId(meta.issuedAt)}`,
    holder: name,
    addressee: ['Kepada Yth.', `${addressee.prefix} ${name}`, ...(address ? [address] : []), 'di Tempat'],
    paragraphs: [grant ? grant.opening : refusalOpening(c, received)],
    details: refusal ? refusalDetails(c, service, name) : details,
    closing: grant
      ? [...grant.closing, 'Demikian untuk menjadi maklum.']
      : [
          ...refusalParagraphs(refusal!, meta.objection, settings),
          `Pemberitahuan ini disampaikan dalam batas waktu jawaban permohonan (${c.kip ? formatDeadline(kipAnswerBy(c.kip), kipAnswerEstimated(c.kip)) : '-'}). Demikian untuk menjadi maklum.`,
        ],
    legalBasis: service.legalBasis,
    signatory: signatoryOf(settings, type),
    ...(meta.verifyUrl ? { verifyUrl: meta.verifyUrl } : {}),
  };
};
