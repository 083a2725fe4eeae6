import { createMiddleware } from 'hono/factory';
import { LoketError, type Role } from '@loket/core';
import type { Deps } from '../../deps';
import type { AppEnv } from '../app';
import { actorOf, verifyStaffToken } from '../auth';

export type StaffEnv = AppEnv & { Variables: AppEnv['Variables'] & { actor: { id: string; roles: Role[] } } };

/** Every staff request: a valid token, an active officer in the directory, roles read fresh. */
export const requireStaff = (deps: Deps) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    const staffId = verifyStaffToken(deps.config.LOKET_AUTH_SECRET, c.req.header('authorization'), deps.time.now());
    const member = await deps.staff.get(staffId);
    if (!member?.active)
      throw new LoketError('unauthorized', 'Akun petugas tidak aktif atau tidak dikenal.', [], `staff ${staffId}`);
    c.set('actor', actorOf(member));
    c.set('log', c.get('log').child({ staffId }));
    await next();
  });

export const requireRole = (actor: { roles: Role[] }, roles: Role[], what: string) => {
  if (!roles.some((r) => actor.roles.includes(r))) throw new LoketError('forbidden', `Anda tidak berwenang ${what}.`);
};
