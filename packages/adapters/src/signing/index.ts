import type { LetterSigner, SignLetterInput } from '@loket/core';
import type { DeskKeyStore } from './desk-keys';

export type { PdfSignature } from './read-signature';

/**
 * The signing channel the configuration names (LOKET_SIGNING): `bsre` through the office's esign
 * gateway, `desk` with the desk certificate. The signing code (pdf-lib, forge, pkijs) loads on the
 * first signature, never on a cold start.
 */
export type SigningConfig =
  | { channel: 'desk'; keys: string; region: string; office: string; now: () => number }
  | {
      channel: 'bsre';
      url: string;
      user: string;
      password: string;
      timeoutMs: number;
      tampilan: 'visible' | 'invisible';
    };

const keyStore = async (spec: string, region: string): Promise<DeskKeyStore> => {
  const m = await import('./desk-keys');
  if (spec.startsWith('secretsmanager:'))
    return new m.SecretsManagerDeskKeys(region, spec.slice('secretsmanager:'.length));
  return new m.FileDeskKeys(spec.replace(/^file:/, ''));
};

export const createLetterSigner = (config: SigningConfig): LetterSigner & { ensure(): Promise<void> } => {
  let loaded: Promise<LetterSigner & { ensure?: () => Promise<unknown> }> | undefined;
  const load = () =>
    (loaded ??=
      config.channel === 'bsre'
        ? import('./bsre-signer').then((m) => new m.BsreSigner(config))
        : Promise.all([import('./desk-signer'), keyStore(config.keys, config.region)]).then(
            ([m, keys]) => new m.DeskSigner(keys, config.office, config.now),
          ));
  return {
    channel: config.channel,
    asksPassphrase: config.channel === 'bsre',
    sign: async (input: SignLetterInput) => (await load()).sign(input),
    /** Creates the desk certificate if there is none yet (the local desk's first start); BSrE needs nothing. */
    ensure: async () => {
      await ((await load()) as { ensure?: () => Promise<unknown> }).ensure?.();
    },
  };
};

/** Reads a PDF's signature (the verification page's check of an uploaded file). */
export const readPdfSignature = async (pdf: Uint8Array) => (await import('./read-signature')).readPdfSignature(pdf);
