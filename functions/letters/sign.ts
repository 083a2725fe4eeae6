import { createHash, randomBytes } from 'node:crypto';
import {
  assertMaySign,
  type LegalDeadline,
  letterContent,
  letterIssuedMail,
  letterTitle,
  LoketError,
  objectionDeadline,
  recordLetterIssued,
  signatoryNik,
  type StoredLetter,
  withParaf,
  withSignature,
  withSigningFailure,
} from '@loket/core';
import { readPdfSignature, renderLetter } from '@loket/adapters';
import type { Deps } from '../deps';
import type { MailDeps } from '../mail/dispatch';
import { mailLetterAwaiting } from './awaiting';
import { hashToken, LETTER_ID, verifyUrl } from './issue-ids';

/** The ports signing reaches (not the whole composition root). */
export type SignDeps = Pick<Deps, 'cases' | 'config' | 'files' | 'letters' | 'time' | 'log' | 'signer'> & MailDeps;
export interface Signatory {
  id: string;
  name: string;
  roles: readonly string[];
}

/** The register line is signed and in force: only the case side may still be owed. */
const isSigned = (l: StoredLetter) => l.status === 'berlaku' && l.signature !== undefined;

/** How long a signing may take from its marker to the case's record before the job takes it over. */
const ISSUING_LEASE_MS = 2 * 60_000;

/** How long the applicant's download link works. */
const DOWNLOAD_DAYS = 30;

const findLetter = async (deps: Pick<Deps, 'letters'>, id: string) => {
  const letter = LETTER_ID.test(id) ? await deps.letters.get(id) : undefined;
  if (!letter) throw new LoketError('not_found', 'Surat tidak ditemukan.');
  return letter;
};

const changedMeanwhile = () =>
  new LoketError('conflict', 'Surat ini baru saja diubah oleh petugas lain. Muat ulang lalu periksa kembali.');

/** The letter's content as it will be issued (signed now): the signing page and the signer read the same. */
export const contentToSign = async (
  deps: Pick<Deps, 'cases' | 'config' | 'letters'>,
  letter: StoredLetter,
  at: number,
) => {
  const c = await deps.cases.get(letter.caseId);
  const { data: settings } = await deps.letters.settings();
  const objection = objectionDeadline(await deps.cases.calendar(), c, at);
  return {
    settings,
    objection,
    content: letterContent(c, letter.type, settings, {
      number: letter.number,
      issuedAt: at,
      verifyUrl: verifyUrl(deps, letter.id),
      objection,
    }),
  };
};

/** The draft PDF (DRAF, no QR code) for whoever checks or signs it; rendered on request, never stored. */
export const draftPdf = async (deps: Pick<Deps, 'cases' | 'config' | 'letters' | 'time'>, letter: StoredLetter) => {
  const { content } = await contentToSign(deps, letter, deps.time.now());
  const { verifyUrl: _, ...draft } = content;
  return (await renderLetter(draft, { issuedAt: deps.time.now(), letterId: letter.id }, { kind: 'draft' })).pdf;
};

/** An officer's paraf on the draft (the next one the standard asks for), version-checked; the next officer is told. */
export const parafLetter = async (deps: SignDeps, letterId: string, officer: Signatory) => {
  const letter = await findLetter(deps, letterId);
  const { data: settings } = await deps.letters.settings();
  const next = withParaf(letter, officer, settings, deps.time.now());
  if (!(await deps.letters.update(next, letter.version))) throw changedMeanwhile();
  deps.log.info('letter.initials', { letterId, by: officer.id, role: next.initials.at(-1)!.role });
  await mailLetterAwaiting(deps, next, officer.id);
  return next;
};

/**
 * Signs and so issues the letter: renders it as issued (dated now, with its QR code and the signature's
 * box) → the channel signs it (the desk certificate, or BSrE with the passphrase typed now) → the signed
 * PDF is read back and must verify → stored under its own fingerprint → the register line, version-
 * checked (two signatories at once: one wins, the other's file is never referenced) → the case's
 * timeline and the applicant's mail. A refusal by the channel leaves the letter waiting with the reason.
 */
export const signLetter = async (deps: SignDeps, letterId: string, officer: Signatory, passphrase: string) => {
  let letter = await findLetter(deps, letterId);
  // Signed already (a repeat, or a crash before the case heard of it): finish the case side only.
  if (isSigned(letter)) return finishOnCase(deps, letter);
  const { data: settings } = await deps.letters.settings();
  assertMaySign(letter, officer.roles, settings, deps.signer.channel);
  const now = deps.time.now();
  const { content, objection } = await contentToSign(deps, letter, now);
  let pdf: Uint8Array;
  try {
    pdf = await deps.signer.sign({
      content,
      letterId,
      signedAt: now,
      passphrase,
      signerNik: signatoryNik(settings, letter.type),
    });
  } catch (e) {
    if (!(e instanceof LoketError)) throw e;
    deps.log.warn('letter.sign_failed', { letterId, by: officer.id, code: e.code, detail: e.detail });
    const failed = withSigningFailure(letter, officer.id, e.message, now);
    await deps.letters.update(failed, letter.version);
    throw e;
  }
  const read = await readPdfSignature(pdf);
  if (!read.signed || !read.valid)
    throw new LoketError(
      'unavailable',
      'Berkas yang kembali dari layanan tanda tangan tidak sah. Surat tetap menunggu; coba lagi.',
    );
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const s3Key = `letters/${letter.year}/${letter.id}-${sha256.slice(0, 12)}.pdf`;
  await deps.files.put(s3Key, pdf, 'application/pdf', { sha256 });
  const signed = withSignature(letter, {
    s3Key,
    sha256,
    size: pdf.byteLength,
    signature: {
      channel: deps.signer.channel,
      certified: deps.signer.channel === 'bsre',
      signer: read.signer,
      issuer: read.issuer,
      serial: read.serial,
      signedAt: now,
      signedBy: officer.id,
    },
  });
  // Marked before the line turns berlaku: should this request die before the case hears of it, the
  // minutely job finishes the case side (finishSigningsLeftOver) once the marker is due.
  await deps.letters.markIssuing(letterId, letter.caseId, now + ISSUING_LEASE_MS);
  if (!(await deps.letters.update(signed, letter.version))) {
    letter = await findLetter(deps, letterId);
    if (letter.status === 'berlaku') return finishOnCase(deps, letter);
    throw changedMeanwhile();
  }
  deps.log.info('letter.signed', { letterId, caseId: letter.caseId, by: officer.id, channel: deps.signer.channel });
  return finishOnCase(deps, signed, objection);
};

/** The case side of a signed letter, once, then the signing's marker cleared (nothing left owed). */
const finishOnCase = async (deps: SignDeps, letter: StoredLetter, objection?: LegalDeadline) => {
  await recordIssueOnCase(deps, letter, objection);
  await deps.letters.clearIssuing(letter.id);
  return letter;
};

/**
 * The case's timeline and the applicant's download link, in one write. The link's token lives only in
 * the mail; the register keeps its hash, stored first so the link works as soon as the mail leaves.
 */
const recordIssueOnCase = async (deps: SignDeps, letter: StoredLetter, objection?: LegalDeadline) => {
  const c = await deps.cases.get(letter.caseId);
  if (c.letterIssuedAt !== undefined) return;
  const download = randomBytes(32).toString('base64url');
  const until = deps.time.now() + DOWNLOAD_DAYS * 86_400_000;
  await deps.letters.addDownload(letter.id, { hash: hashToken(download), until });
  const at = objection ?? objectionDeadline(await deps.cases.calendar(), c, letter.issuedAt);
  await deps.cases.applySystemChange(letter.caseId, (x) =>
    recordLetterIssued(x, letter, {
      objection: at,
      now: deps.time.now(),
      mail: letterIssuedMail(
        x,
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

/**
 * The minutely job's half of signing: a signing whose request died between the signed register line
 * and the case's record (marker due, letter berlaku) is finished on the case — its timeline, the
 * applicant's mail, the guard of the handover. A marker whose letter never turned berlaku (the
 * request died before, or lost the race) is only cleared: that letter still waits, visibly.
 */
export const finishSigningsLeftOver = async (deps: SignDeps, limit = 20) => {
  const due = await deps.letters.listIssuingDue(deps.time.now(), limit);
  let finished = 0;
  for (const { letterId } of due) {
    const letter = await deps.letters.get(letterId);
    if (letter && isSigned(letter)) {
      await finishOnCase(deps, letter);
      finished++;
    } else await deps.letters.clearIssuing(letterId);
  }
  return { finished, cleared: due.length - finished };
};
