import { randomBytes } from 'node:crypto';
import type { IdSource, TimeSource } from '@loket/core';

export const systemTime: TimeSource = { now: () => Date.now() };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID-style ids: 48-bit time then 80 random bits, so ids sort by creation. */
export const systemIds: IdSource = {
  caseId() {
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
