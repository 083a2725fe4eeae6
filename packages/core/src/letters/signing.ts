import { roleLabel } from '../catalog/roles';
import { LoketError } from '../errors';
import { formatWib } from '../sla/wib';
import {
  type LetterRecord,
  type LetterSettings,
  type LetterSignature,
  signatoryNik,
  signatoryOf,
  signatorySettingsGap,
} from './model';

export type SigningChannel = LetterSignature['channel'];

/**
 * The signing of a letter (docs/RULES.md §5): once numbered it waits for the paraf of each role the
 * standard names, in order, then for the signatory's signature; only the signed letter is issued.
 * Every surface (console, JSON API) asks these functions what may happen and applies what they return.
 */
export type LetterStep = { kind: 'initial' | 'sign'; role: string };

/** What the letter waits for now, or undefined once it is signed (or revoked). */
export const nextLetterStep = (l: Pick<LetterRecord, 'status' | 'signing' | 'initials'>): LetterStep | undefined => {
  if (l.status !== 'menunggu_tanda_tangan') return undefined;
  const paraf = l.signing.initials[l.initials.length];
  return paraf ? { kind: 'initial', role: paraf } : { kind: 'sign', role: l.signing.role };
};

const stepText = (s: LetterStep) => `${s.kind === 'initial' ? 'paraf ' : 'tanda tangan '}${roleLabel(s.role)}`;

/** Why this officer may not take `kind` on the letter now, or undefined when they may. */
export const letterStepRefusal = (
  l: LetterRecord,
  kind: LetterStep['kind'],
  roles: readonly string[],
  settings: LetterSettings,
  channel: SigningChannel,
): LoketError | undefined => {
  const next = nextLetterStep(l);
  if (!next)
    return new LoketError(
      'invalid_transition',
      l.status === 'dicabut' ? 'Surat ini telah dicabut.' : 'Surat ini sudah ditandatangani dan terbit.',
    );
  if (next.kind !== kind) return new LoketError('invalid_transition', `Surat ini sedang menunggu ${stepText(next)}.`);
  if (!roles.includes(next.role))
    return new LoketError('forbidden', `Langkah ini untuk ${roleLabel(next.role)}; Anda tidak berwenang.`);
  if (kind === 'sign') {
    const gap = signatorySettingsGap(
      signatoryOf(settings, l.type),
      channel === 'bsre' ? signatoryNik(settings, l.type) : undefined,
    );
    if (gap) return new LoketError('invalid_transition', gap);
  }
  return undefined;
};

const mustMay = (
  l: LetterRecord,
  kind: LetterStep['kind'],
  roles: readonly string[],
  settings: LetterSettings,
  channel: SigningChannel = 'desk',
) => {
  const refusal = letterStepRefusal(l, kind, roles, settings, channel);
  if (refusal) throw refusal;
};

/** The letter with the officer's paraf added (the next one the standard asks for). */
export const withParaf = (
  l: LetterRecord,
  officer: { id: string; name: string; roles: readonly string[] },
  settings: LetterSettings,
  now: number,
): LetterRecord => {
  mustMay(l, 'initial', officer.roles, settings);
  const role = nextLetterStep(l)!.role;
  return {
    ...l,
    initials: [...l.initials, { role, by: officer.id, byName: officer.name, at: now }],
    version: l.version + 1,
  };
};

/** Checks that the officer may sign now (before the PDF is sent anywhere). */
export const assertMaySign = (
  l: LetterRecord,
  roles: readonly string[],
  settings: LetterSettings,
  channel: SigningChannel,
) => mustMay(l, 'sign', roles, settings, channel);

/** A failed attempt: the letter keeps waiting, with its number, and shows why. */
export const withSigningFailure = (l: LetterRecord, by: string, reason: string, now: number): LetterRecord => ({
  ...l,
  signingFailure: { at: now, by, reason },
  version: l.version + 1,
});

/** The signed letter: issued, in force, dated the signing day, pointing at the signed PDF. */
export const withSignature = (
  l: LetterRecord,
  signed: { s3Key: string; sha256: string; size: number; signature: LetterSignature },
): LetterRecord => {
  const { signingFailure: _, ...rest } = l;
  return {
    ...rest,
    ...signed,
    status: 'berlaku',
    issuedAt: signed.signature.signedAt,
    issuedBy: signed.signature.signedBy,
    version: l.version + 1,
  };
};

/** The letter's signing as the console shows it: each step done or waiting, and what this officer may do. */
export const signingView = (
  l: LetterRecord,
  roles: readonly string[],
  settings: LetterSettings,
  channel: SigningChannel,
) => {
  const next = nextLetterStep(l);
  const steps = [
    ...l.signing.initials.map((role, i) => {
      const done = l.initials[i];
      return {
        label: `Paraf ${roleLabel(role)}`,
        done: done ? `${done.byName}, ${formatWib(done.at)}` : undefined,
        current: next?.kind === 'initial' && i === l.initials.length,
      };
    }),
    {
      label: `Tanda tangan ${roleLabel(l.signing.role)}${l.signing.onBehalf ? ` (${l.signing.onBehalf})` : ''}`,
      done: l.signature ? `${l.signature.signer}, ${formatWib(l.signature.signedAt)}` : undefined,
      current: next?.kind === 'sign',
    },
  ];
  const refusal = next ? letterStepRefusal(l, next.kind, roles, settings, channel) : undefined;
  return {
    steps,
    next,
    waitingFor: next ? stepText(next) : undefined,
    mayAct: next !== undefined && refusal === undefined,
    /** Shown to whoever holds the step but cannot take it (the settings are incomplete). */
    blocked: next && roles.includes(next.role) ? refusal?.message : undefined,
    failure: l.signingFailure
      ? `Penandatanganan gagal (${formatWib(l.signingFailure.at)}): ${l.signingFailure.reason}`
      : undefined,
  };
};
export type SigningView = ReturnType<typeof signingView>;

/**
 * What a signed letter says of its signature: the box over which the signature's widget lies, and a
 * line on every page. A desk certificate is said plainly not to be a certified electronic signature.
 */
export const letterSeal = (channel: SigningChannel, signedAt: number) =>
  channel === 'bsre'
    ? {
        lines: ['Ditandatangani secara elektronik', 'Sertifikat elektronik BSrE – BSSN', formatWib(signedAt)],
        footer:
          'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN.',
        certified: true,
      }
    : {
        lines: [
          'Ditandatangani secara elektronik',
          'dengan sertifikat desk Loket: BUKAN tanda',
          'tangan elektronik tersertifikasi',
          formatWib(signedAt),
        ],
        footer:
          'Tanda tangan elektronik dokumen ini memakai sertifikat desk Loket, bukan sertifikat elektronik tersertifikasi (BSrE). Keaslian diperiksa di halaman verifikasi.',
        certified: false,
      };
export type LetterSeal = ReturnType<typeof letterSeal>;
