import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { actorOf } from '../../api/auth';
import type { AppEnv } from '../../api/app';
import type { Deps } from '../../deps';
import { type Role, sessionAdmits, type StaffMember } from '@loket/core';
import { hashSecret, newSecret } from './secret';

const SESSION_COOKIE = 'loket_sesi';

export type ConsoleEnv = AppEnv & {
  Variables: AppEnv['Variables'] & { officer: StaffMember; actor: { id: string; roles: Role[] }; sessionHash: string };
};

/** `lanjut` after sign-in: a console path of this desk only, never another site (no open redirect). */
export const safeNext = (next: string | undefined) =>
  next && /^\/konsol(\/[A-Za-z0-9/_\-?=&.%]*)?$/.test(next) && !next.startsWith('//') ? next : '/konsol';

export const cookieOptions = (deps: Deps) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/',
  secure: deps.config.LOKET_STAGE !== 'local',
});

/** Starts a session for an active officer and sets its cookie (HttpOnly, SameSite=Lax, Secure outside local). */
export const startSession = async (c: Context, deps: Deps, staffId: string, method: 'google' | 'link' | 'dev') => {
  const secret = newSecret();
  const now = deps.time.now();
  await deps.sessions.create(hashSecret(secret), { staffId, createdAt: now, lastSeenAt: now, method });
  setCookie(c, SESSION_COOKIE, secret, { ...cookieOptions(deps), maxAge: Math.floor(deps.sessions.idleMs / 1000) });
  deps.log.info('session.started', { staffId, method });
};

export const endSession = async (c: Context, deps: Deps) => {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) await deps.sessions.revoke(hashSecret(secret));
  deleteCookie(c, SESSION_COOKIE, cookieOptions(deps));
};

/**
 * Every console page: a live session of an active officer, roles read from the directory on each
 * request. Without one the browser goes to the sign-in page and comes back to where it was going.
 */
export const requireSession = (deps: Deps) =>
  createMiddleware<ConsoleEnv>(async (c, next) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const hash = secret && secret.length <= 100 ? hashSecret(secret) : undefined;
    const session = hash ? await deps.sessions.use(hash, deps.time.now()) : undefined;
    const officer = session && (await deps.staff.get(session.staffId));
    if (!hash || !session || !officer || !sessionAdmits(session, officer, deps.time.now())) {
      if (secret) deleteCookie(c, SESSION_COOKIE, cookieOptions(deps));
      const wanted = new URL(c.req.url);
      return c.redirect(`/konsol/masuk?lanjut=${encodeURIComponent(safeNext(wanted.pathname + wanted.search))}`, 303);
    }
    c.set('officer', officer);
    c.set('actor', actorOf(officer));
    c.set('sessionHash', hash);
    c.set('log', c.get('log').child({ staffId: officer.id }));
    await next();
  });
