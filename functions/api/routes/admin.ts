import { Hono } from 'hono';
import { maskEmail, notFound, toWibIso } from '@loket/core';
import type { Deps } from '../../deps';
import { deliverOutbox } from '../../mail/dispatch';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

/** Administrators' view of mail the desk gave up on: who (masked), what, why; and a way to send again. */
export const adminRoutes = (deps: Deps) => {
  const app = new Hono<StaffEnv>();
  app.use(requireStaff(deps));
  app.use(async (c, next) => {
    requireRole(c.get('actor'), ['admin'], 'mengelola antrean email');
    await next();
  });

  app.get('/mail/failed', async (c) => {
    const failed = await deps.outbox.listFailed(200);
    return c.json({
      messages: failed.map((m) => ({
        id: m.id, kind: m.kind, caseId: m.caseId ?? null, to: m.to.map(maskEmail), subject: m.subject,
        attempts: m.attempts, lastError: m.lastError ?? null, failedAt: m.failedAt === undefined ? null : toWibIso(m.failedAt),
      })),
    });
  });

  app.post('/mail/:id/retry', async (c) => {
    const id = c.req.param('id');
    if (id.length > 300 || !(await deps.outbox.requeue(id, deps.time.now()))) throw notFound('Email gagal dengan id tersebut');
    const entry = (await deps.outbox.get(id))!;
    const report = await deliverOutbox(deps, [entry]);
    return c.json({ id, status: report.sent ? 'sent' : report.failed ? 'failed' : 'pending' });
  });
  return app;
};
