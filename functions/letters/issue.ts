import { createHash, randomBytes } from 'node:crypto';
import {
  classificationOf,
  counterKey,
  type LegalDeadline,
  formatLetterNumber,
  isLetterType,
  letterContent,
  letterIssuedMail,
  letterTitle,
  letterYear,
  LoketError,
  maskName,
  objectionDeadline,
  type LetterClaim,
  recordLetterIssued,
  type StoredLetter,
} from '@loket/core';
import { renderLetter } from '@loket/adapters';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type LetterDeps = Pick<Deps, 'cases' | 'config' | 'files' | 'letters' | 'time'>;
import { hashToken, newLetterId, verifyUrl } from './issue-ids';

/** A claim older than this whose holder has not finished is taken over (the holder crashed). */
const CLAIM_LEASE_MS = 2 * 60_000;
/** How long the applicant's download link works. */
const DOWNLOAD_DAYS = 30;

/**
 * Issues the letter a case owes, exactly once: a repeat (or a concurrent call) returns the same letter,
 * never a second number. Steps, each safe to repeat: claim the case → draw the number into the claim →
 * render the PDF (same bytes on a retry: its dates are the claim's) → store it → the register line →
 * the case's number and the applicant's mail, in one write.
 */
export const issueLetter = async (deps: LetterDeps, caseId: string, actorId: string): Promise<StoredLetter> => {
  const c = await deps.cases.get(caseId);
  if (!isLetterType(c.serviceId))
    throw new LoketError('invalid_transition', 'Layanan ini tidak menghasilkan surat bernomor.');
  if (c.letterId) return (await deps.letters.get(c.letterId))!;
  if (!c.letterOwed)
    throw new LoketError('invalid_transition', 'Surat baru dapat diterbitkan setelah tahap penerbitan dijalankan.');
  const type = c.serviceId;
  const now = deps.time.now();
  const token = randomBytes(16).toString('hex');
  // Takes the case's claim, or returns the claim another attempt holds.
  let claim: LetterClaim = await deps.letters.claim({
    caseId,
    letterId: newLetterId(),
    token,
    issuedAt: now,
    claimedAt: now,
  });
  if (!claim.done && claim.token !== token) {
    if (now - claim.claimedAt < CLAIM_LEASE_MS)
      throw new LoketError(
        'conflict',
        'Surat sedang diterbitkan; muat ulang sebentar lagi.',
        [],
        `letter claim of ${caseId} held`,
      );
    if (!(await deps.letters.takeOver(caseId, claim.token, token, now)))
      throw new LoketError('conflict', 'Surat sedang diterbitkan; muat ulang sebentar lagi.');
    claim = { ...claim, token };
  }
  const { data: settings } = await deps.letters.settings();
  if (claim.seq === undefined) {
    const year = letterYear(claim.issuedAt);
    const classification = classificationOf(settings, type);
    const seq = await deps.letters.nextSeq(counterKey(settings, type, year));
    const number = formatLetterNumber(classification, seq, settings, year, claim.issuedAt);
    if (!(await deps.letters.setNumber(caseId, claim.token, { seq, number, classification, year }))) {
      throw new LoketError(
        'conflict',
        'Surat sedang diterbitkan; muat ulang sebentar lagi.',
        [],
        `number ${number} drawn for ${caseId} but the claim moved on`,
      );
    }
    claim = { ...claim, seq, number, classification, year };
  }
  const calendar = await deps.cases.calendar();
  const objection = objectionDeadline(calendar, c, claim.issuedAt);
  let letter = await deps.letters.get(claim.letterId);
  if (!letter) {
    const content = letterContent(c, type, settings, {
      number: claim.number!,
      issuedAt: claim.issuedAt,
      verifyUrl: verifyUrl(deps, claim.letterId),
      objection,
    });
    const pdf = await renderLetter(content, { issuedAt: claim.issuedAt, letterId: claim.letterId });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const s3Key = `letters/${claim.year}/${claim.letterId}.pdf`;
    await deps.files.put(s3Key, pdf, 'application/pdf', { sha256 });
    const holder = content.addressee[1]!.replace(/^Sdr\.\/Sdri\. /, '');
    letter = {
      id: claim.letterId,
      type,
      number: claim.number!,
      seq: claim.seq!,
      year: claim.year!,
      classification: claim.classification!,
      caseId,
      trackingNumber: c.trackingNumber,
      holderName: holder,
      holderMasked: maskName(holder),
      issuedAt: claim.issuedAt,
      issuedBy: actorId,
      status: 'berlaku',
      s3Key,
      sha256,
      size: pdf.byteLength,
    };
    await deps.letters.put(letter);
  }
  await deps.letters.markDone(caseId);
  await recordOnCase(deps, letter, objection);
  return letter;
};

/**
 * The case's number, its timeline and the applicant's download link, in one write. The link's token
 * lives only in the mail; the register keeps its hash, stored first so the link works as soon as the
 * mail leaves (should the case already hold the letter, the extra hash is simply never used).
 */
const recordOnCase = async (deps: LetterDeps, letter: StoredLetter, objection?: LegalDeadline) => {
  const download = randomBytes(32).toString('base64url');
  const until = deps.time.now() + DOWNLOAD_DAYS * 86_400_000;
  await deps.letters.addDownload(letter.id, { hash: hashToken(download), until });
  await deps.cases.applySystemChange(letter.caseId, (c) =>
    recordLetterIssued(c, letter, {
      objection,
      now: deps.time.now(),
      mail: letterIssuedMail(
        c,
        {
          title: letterTitle(letter.type),
          number: letter.number,
          until,
          verifyUrl: verifyUrl(deps, letter.id),
          downloadUrl: `${deps.config.LOKET_PUBLIC_URL}/surat/${letter.id}/unduh/${download}`,
        },
        deps.config.LOKET_PUBLIC_URL,
      ),
    }),
  );
};
