/**
 * Random bytes as a lower-case code without look-alike characters (no l, o, 0, 1): 5 bits a character,
 * for ids and tokens a person may read or type (letter ids, survey links).
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export const randomCode = (bytes: Uint8Array) => [...bytes].map((b) => ALPHABET[b % 32]).join('');
