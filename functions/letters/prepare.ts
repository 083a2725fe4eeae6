import { randomBytes } from 'node:crypto';
import {
  classificationOf,
  counterKey,
  formatLetterNumber,
  isLetterType,
  letterContent,
  letterSigning,
  letterYear,
  LoketError,
  maskName,
  type LetterClaim,
  recordLetterPrepared,
  type StoredLetter,
} from '@loket/core';
import type { Deps } from '../deps';
import type { MailDeps } from '../mail/dispatch';
import { mailLetterAwaiting } from './awaiting';
import { newLetterId } from './issue-ids';

/** The ports this use-case reaches (not the whole composition root). */
export type LetterDeps = Pick<Deps, 'cases' | 'config' | 'files' | 'letters' | 'time'> & MailDeps;

/** A claim older than this whose holder has not finished is taken over (the holder crashed). */
const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Numbers the letter a case owes and puts it in the register, waiting for its paraf and signature
 * (functions/letters/sign.ts issues it), exactly once: a repeat (or a concurrent call) returns the same
 * letter, never a second number. Steps, each safe to repeat: claim the case → draw the number into the
 * claim → the register line → a mail to the officers whose paraf (or signature) it waits for → the
 * case's number and its timeline, in one write.
 */
export const prepareLetter = async (deps: LetterDeps, caseId: string, actorId: string): Promise<StoredLetter> => {
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
  let letter = await deps.letters.get(claim.letterId);
  if (!letter) {
    const holder = letterContent(c, type, settings, { number: claim.number!, issuedAt: claim.issuedAt }).holder;
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
      status: 'menunggu_tanda_tangan',
      version: 1,
      signing: letterSigning(type),
      initials: [],
    };
    await deps.letters.put(letter);
  }
  await deps.letters.markDone(caseId);
  const prepared = letter;
  // Queued before the case hears of its letter: a failure here leaves the letter owed, so the minutely
  // job's retry queues the same mails again (by id, never twice) and then records the number.
  await mailLetterAwaiting(deps, prepared, actorId);
  await deps.cases.applySystemChange(caseId, (x) => recordLetterPrepared(x, prepared, deps.time.now()));
  return letter;
};
