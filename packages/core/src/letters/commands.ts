import type { CaseChange } from '../case/commands';
import { recorded } from '../case/recorded';
import type { CaseRecord } from '../case/model';
import type { OutgoingMail } from '../mail/outbox';
import type { LetterRecord } from './model';
import type { LegalDeadline } from './refusal';

/**
 * The case side of a numbered letter: its number on the case and an event on the timeline. The letter
 * now waits for its paraf and signature. Undefined when the case already holds this letter (a retry).
 */
export const recordLetterPrepared = (c: CaseRecord, letter: LetterRecord, now: number): CaseChange | undefined => {
  if (c.letterId === letter.id) return undefined;
  const waits = letter.signing.initials.length ? 'paraf dan tanda tangan' : 'tanda tangan';
  return recorded(
    {
      ...c,
      letterNumber: letter.number,
      letterId: letter.id,
      letterOwed: false,
      version: c.version + 1,
      updatedAt: now,
    },
    {
      at: now,
      actorId: letter.issuedBy,
      type: 'letter_prepared',
      note: `Surat nomor ${letter.number} disiapkan; menunggu ${waits}.`,
      data: { letterId: letter.id, number: letter.number },
    },
    [],
    { writes: [{ kind: 'letter_settled' }] },
  );
};

/**
 * The case side of a signed letter: an event on the timeline, in one write with the applicant's mail.
 * Undefined when the case already records it (a retry).
 */
export const recordLetterIssued = (
  c: CaseRecord,
  letter: LetterRecord,
  input: { objection?: LegalDeadline; mail?: OutgoingMail; now: number },
): CaseChange | undefined => {
  if (c.letterIssuedAt !== undefined) return undefined;
  const record: CaseRecord = {
    ...c,
    letterNumber: letter.number,
    letterId: letter.id,
    letterOwed: false,
    letterIssuedAt: letter.issuedAt,
    ...(input.objection && c.kip
      ? { kip: { ...c.kip, objectionBy: input.objection.at, objectionEstimated: input.objection.estimated } }
      : {}),
    version: c.version + 1,
    updatedAt: input.now,
  };
  return recorded(
    record,
    {
      at: input.now,
      actorId: letter.issuedBy,
      type: 'letter_issued',
      note: `Surat nomor ${letter.number} ditandatangani dan terbit.`,
      data: { letterId: letter.id, number: letter.number, sha256: letter.sha256 ?? '' },
    },
    [],
    input.mail ? { mails: [input.mail] } : {},
  );
};

export const recordLetterRevoked = (
  c: CaseRecord,
  letter: Pick<LetterRecord, 'id' | 'number'>,
  input: { by: string; reason: string; mail?: OutgoingMail; now: number },
): CaseChange => {
  const record: CaseRecord = { ...c, version: c.version + 1, updatedAt: input.now, letterRevokedAt: input.now };
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.by,
      type: 'letter_revoked',
      note: `Surat nomor ${letter.number} dicabut: ${input.reason}`,
      data: { letterId: letter.id },
    },
    [],
    input.mail ? { mails: [input.mail] } : {},
  );
};
