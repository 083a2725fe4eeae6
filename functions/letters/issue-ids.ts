import { createHash, randomBytes } from 'node:crypto';
import { randomCode } from '@loket/core';
import type { Deps } from '../deps';

/**
 * Letter ids and download tokens, apart from the issuing code so the public routes load without it.
 * An id is 120 random bits (`randomCode`): the letter's public address, not guessable, short enough to
 * type from paper.
 */
export const newLetterId = () => randomCode(randomBytes(24));
export const LETTER_ID = /^[a-z2-9]{24}$/;

/** Download tokens are stored only as this hash: a read of the table gives no working link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A letter's public verification page: what its QR code encodes and what mails point at. */
export const verifyUrl = (deps: Pick<Deps, 'config'>, letterId: string) =>
  `${deps.config.LOKET_PUBLIC_URL}/verifikasi/${letterId}`;
