import { wibDate } from '../sla/wib';
import { services } from '../standard/current';

/**
 * Tracking numbers people can read aloud and type on a phone: `BBM-2611-7KQ4XHM`, i.e. service code,
 * year and month, six random Crockford base-32 characters (30 bits: not guessable in sequence) and a
 * check character that rejects most typos before any lookup.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const checkChar = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (ALPHABET.indexOf(body[i]!) + 1) * (i + 1);
  return ALPHABET[sum % 32]!;
};

export const makeTrackingNumber = (code: string, receivedAtWibDate: string, random: Uint8Array): string => {
  const yymm = receivedAtWibDate.slice(2, 4) + receivedAtWibDate.slice(5, 7);
  let body = '';
  for (let i = 0; i < 6; i++) body += ALPHABET[random[i]! % 32];
  return `${code}-${yymm}-${body}${checkChar(body)}`;
};

const TRACKING_RE = /^([A-Z]{3})-(\d{4})-([0-9A-HJKMNP-TV-Z]{6})([0-9A-HJKMNP-TV-Z])$/;

/** Normalises what a person typed (case, spaces, O/I/L confusions) and verifies the check character. */
export const parseTrackingNumber = (input: string): string | undefined => {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  const m = TRACKING_RE.exec(s.replace(/(?<=-\d{4}-.*)O/g, '0').replace(/(?<=-\d{4}-.*)[IL]/g, '1'));
  if (!m) return undefined;
  return checkChar(m[3]!) === m[4] ? `${m[1]}-${m[2]}-${m[3]}${m[4]}` : undefined;
};

/**
 * What an officer typed in the list's number search: a whole tracking number (looked up directly), or
 * a fragment of at least three characters (matched within the listed cases), or nothing usable.
 */
export type TrackingQuery = { kind: 'exact'; number: string } | { kind: 'fragment'; text: string } | { kind: 'none' };

export const readTrackingQuery = (input: string): TrackingQuery => {
  const exact = parseTrackingNumber(input);
  if (exact) return { kind: 'exact', number: exact };
  const text = input.trim().toUpperCase().replace(/\s+/g, '');
  return /^[0-9A-Z-]{3,16}$/.test(text) ? { kind: 'fragment', text } : { kind: 'none' };
};

/** A well-formed tracking number of this month for the office's first service, to show in hints. */
export const trackingExample = (now: number) =>
  makeTrackingNumber(services()[0]?.code ?? 'ABC', wibDate(now), Uint8Array.from([7, 18, 23, 4, 29, 17]));
