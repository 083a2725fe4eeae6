import { apiRouter, jsonOk } from '../openapi';
import * as z from 'zod';
import { maskEmail, notFound, toWibIso, ADMIN_ROLE } from '@loket/core';
import type { Deps } from '../../deps';
import { resendFailed } from '../../mail/dispatch';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

/** Administrators' view of mail the desk gave up on: who (masked), what, why; and a way to send again. */
export const adminRoutes = (deps: Deps) => {
  const app = apiRouter<StaffEnv>('/api/admin');
  const tags = ['Administrasi'];
  app.use(requireStaff(deps));
  app.use(async (c, next) => {
    requireRole(c.get('actor'), [ADMIN_ROLE], 'mengelola antrean email');
    await next();
  });

  app.openapi(
    {
      method: 'get',
      path: '/mail/failed',
      tags,
      staff: true,
      summary: 'Mail the desk gave up on (addresses masked)',
      responses: jsonOk('messages'),
      errorStatuses: [403],
    },
    async (c) => {
      const failed = await deps.outbox.listFailed(200);
      return c.json(
        {
          messages: failed.map((m) => ({
            id: m.id,
            kind: m.kind,
            caseId: m.caseId ?? null,
            to: m.to.map(maskEmail),
            subject: m.subject,
            attempts: m.attempts,
            lastError: m.lastError ?? null,
            failedAt: m.failedAt === undefined ? null : toWibIso(m.failedAt),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/mail/{id}/retry',
      tags,
      staff: true,
      summary: 'Send a failed message again',
      request: {
        params: z.object({
          id: z.string().meta({ description: 'outbox message id (an id over 300 characters names nothing: 404)' }),
        }),
      },
      responses: jsonOk('{id, status}'),
      errorStatuses: [403, 404],
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const status = await resendFailed(deps, id);
      if (!status) throw notFound('Email gagal dengan id tersebut');
      return c.json({ id, status }, 200);
    },
  );
  return app;
};
