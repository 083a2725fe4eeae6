import { createHash, randomBytes } from 'node:crypto';
import type { ExternalKey, IdSource, TimeSource } from '@loket/core';

export const systemTime: TimeSource = { now: () => Date.now() };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const EXTERNAL_PREFIX = { google_form: 'G', sp4n_lapor: 'L' } as const;

/**
 * The case an outside record becomes: a letter for its channel, then 125 bits of SHA-256 of the key in
 * Crockford base32 (26 characters, like the fresh ids). Not a secret: case pages need a signed-in officer.
 */
export const externalCaseId = (key: ExternalKey) => {
  const digest = createHash('sha256').update(`${key.kind}\u0000${key.id}`, 'utf8').digest();
  let id = EXTERNAL_PREFIX[key.kind];
  for (let i = 0; i < 25; i++) id += CROCKFORD[digest[i]! % 32];
  return id;
};

/** Fresh ids are ULID-style: 48-bit time then 80 random bits, so they sort by creation. */
export const systemIds: IdSource = {
  caseId(externalKey) {
    if (externalKey) return externalCaseId(externalKey);
    let t = Date.now();
    let time = '';
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32] + time;
      t = Math.floor(t / 32);
    }
    const rnd = randomBytes(16);
    let tail = '';
    for (let i = 0; i < 16; i++) tail += CROCKFORD[rnd[i]! % 32];
    return time + tail;
  },
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
};
