import { randomBytes } from 'node:crypto';
import { letterSeal, type LetterSigner, type SignLetterInput } from '@loket/core';
import { renderLetterPdf } from '../pdf/letter-pdf';
import type { DeskKeyStore } from './desk-keys';
import { createDeskCa, type DeskPki, issueSignerCertificate, signerKey, toP12 } from './desk-pki';
import { signWithP12 } from './pades';

/**
 * Signs with the desk certificate: the office's local CA, created at the first signing (or the local
 * desk's first start), and a signer certificate per signatory, issued the first time they sign.
 */
export class DeskSigner implements LetterSigner {
  readonly channel = 'desk' as const;
  readonly asksPassphrase = false;

  constructor(
    private readonly keys: DeskKeyStore,
    private readonly office: string,
    private readonly now: () => number,
  ) {}

  /** The keys, created when there are none yet (idempotent across concurrent first starts: the store keeps one). */
  async ensure(): Promise<DeskPki> {
    const existing = await this.keys.load();
    if (existing) return existing;
    await this.keys.save({ ca: createDeskCa(this.office, this.now()), signers: {} }, true);
    return (await this.keys.load())!;
  }

  async sign(input: SignLetterInput): Promise<Uint8Array> {
    const who = input.content.signatory;
    let pki = await this.ensure();
    const key = signerKey(who);
    if (!pki.signers[key]) {
      const title = who.titleLines.at(-1)!;
      pki = {
        ...pki,
        signers: {
          ...pki.signers,
          [key]: issueSignerCertificate(pki.ca, { name: who.name, nip: who.nip, title }, this.office, this.now()),
        },
      };
      await this.keys.save(pki, false);
    }
    const signedAt = new Date(input.signedAt);
    const { pdf } = await renderLetterPdf(
      input.content,
      { issuedAt: input.signedAt, letterId: input.letterId },
      {
        kind: 'signed',
        seal: letterSeal('desk', input.signedAt),
        placeholder: {
          reason: `Penandatanganan ${input.content.title} nomor ${input.content.number}`,
          name: who.name,
          location: input.content.letterhead.place,
          contactInfo: input.content.letterhead.contact || input.content.letterhead.office,
          signingTime: signedAt,
        },
      },
    );
    // The PKCS#12 exists only for this call; its password is random and goes nowhere.
    const password = randomBytes(18).toString('base64url');
    return signWithP12(pdf, toP12(pki.signers[key]!, pki.ca, password), password, signedAt);
  }
}
