import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature shared with the Apps Script: `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`.
 * The timestamp bounds replay to five minutes either way.
 */
const MAX_SKEW_SECONDS = 300;

export const signBody = (secret: string, timestamp: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;

type SignatureProblem = 'missing' | 'stale' | 'mismatch';

export const checkSignature = (
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string,
  nowMs: number,
): SignatureProblem | undefined => {
  if (!secret) return 'mismatch'; // a function without the key accepts nothing
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  const expected = Buffer.from(signBody(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'mismatch';
};
