import { hasDuty, isAdmin } from '../catalog/roles';
import { formatDateId, formatWib } from '../sla/wib';
import { type LetterRecord, letterTitle } from './model';
import { formatDeadline, type KipDeadlines } from './refusal';

/** What anyone holding a letter's verification address may see: no full name, no content, no case. */
export const publicLetter = (l: LetterRecord) => ({
  letterId: l.id,
  number: l.number,
  type: l.type,
  title: letterTitle(l.type),
  issuedOn: formatDateId(l.issuedAt),
  holder: l.holderMasked,
  status: l.status,
  statusText: l.status === 'berlaku' ? 'Berlaku' : `Dicabut${l.revokedAt ? ` pada ${formatWib(l.revokedAt)}` : ''}`,
  sha256: l.sha256,
});
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
