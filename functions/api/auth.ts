import { createHmac, timingSafeEqual } from 'node:crypto';
import { LoketError, type Role, type StaffMember } from '@loket/core';

/**
 * Staff bearer tokens: `<base64url payload>.<base64url HMAC-SHA256>` with payload `{sub, exp}`.
 * Only identity and expiry are signed: roles are read from the staff directory on every request, so a
 * role taken away stops working at once.
 */
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest();

export const issueStaffToken = (secret: string, staffId: string, now: number, ttlSeconds = 12 * 3600) => {
  if (!secret) throw new Error('no auth secret in this function');
  const payload = b64(JSON.stringify({ sub: staffId, exp: Math.floor(now / 1000) + ttlSeconds }));
  return `${payload}.${b64(sign(secret, payload))}`;
};

const unauthorized = (detail: string) =>
  new LoketError('unauthorized', 'Silakan masuk kembali: sesi tidak sah atau telah berakhir.', [], detail);

/** Returns the staff id of a valid token, or throws `unauthorized`. */
export const verifyStaffToken = (secret: string, header: string | undefined, now: number): string => {
  if (!secret) throw unauthorized('no auth secret in this function');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) throw unauthorized('missing bearer token');
  const [payload, mac] = token.split('.');
  if (!payload || !mac) throw unauthorized('malformed token');
  const expected = sign(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('bad token signature');
  let claims: { sub?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw unauthorized('token payload is not JSON');
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw unauthorized('token claims missing');
  if (claims.exp * 1000 < now) throw unauthorized('token expired');
  return claims.sub;
};

export const actorOf = (member: StaffMember) => ({ id: member.id, roles: member.roles as Role[] });
