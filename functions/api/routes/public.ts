import { apiRouter, jsonOk } from '../openapi';
import * as z from 'zod';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { findService, notFound, roleLabel, services, type Service } from '@loket/core';
import type { Deps } from '../../deps';
import type { AppEnv } from '../app';

/** A service as the public reads it: Indonesian text, roles by their titles. */
const publicService = (s: Service) => ({
  id: s.id,
  number: s.number,
  name: s.name,
  description: s.description,
  group: s.group,
  channels: s.channels,
  requirements: s.requirements.map((r) => ({
    id: r.id,
    text: r.text,
    fields: r.fields.map((f) => ({
      id: f.id,
      label: f.label,
      kind: f.kind,
      required: f.required,
      dataClass: f.dataClass,
      accept: f.accept,
      maxBytes: f.maxBytes,
      options: f.options,
    })),
  })),
  applicantFields: s.applicantFields.map((f) => ({ id: f.id, label: f.label, kind: f.kind, required: f.required })),
  procedure: s.steps.map((st, i) => ({
    order: i + 1,
    id: st.id,
    label: st.label,
    responsible: roleLabel(st.role),
    description: st.description,
  })),
  sla: s.sla,
  cost: s.cost,
  product: s.product,
  productAsPrinted: s.productAsPrinted,
  legalBasis: s.legalBasis,
  executors: { count: s.executors.count, roles: s.executors.roles.map((r) => roleLabel(r)) },
  complaintContact: s.complaintContact,
  evaluation: s.evaluation,
});

type Check = () => Promise<unknown>;

export const publicRoutes = (deps: Deps, extraChecks: Record<string, Check> = {}) => {
  const app = apiRouter<AppEnv>('');
  const tags = ['Publik'];
  const checks: Record<string, Check> = {
    dynamodb: () => deps.db.send(new DescribeTableCommand({ TableName: deps.config.LOKET_TABLE })),
    s3: () => deps.files.check(),
    ...extraChecks,
  };

  /** 200 when every dependency answers, 503 naming the one that does not. */
  app.openapi(
    {
      method: 'get',
      path: '/health',
      tags,
      summary: 'Each dependency answers (200) or one is down (503)',
      responses: { ...jsonOk('all dependencies answer'), ...jsonOk('a dependency is down', 503) },
    },
    async (c) => {
      const results = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          const started = performance.now();
          try {
            await Promise.race([
              check(),
              new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 3 s')), 3000).unref()),
            ]);
            return [name, { status: 'ok', ms: Math.round(performance.now() - started) }] as const;
          } catch (e) {
            return [
              name,
              { status: 'down', error: (e as Error).name === 'Error' ? (e as Error).message : (e as Error).name },
            ] as const;
          }
        }),
      );
      const ok = results.every(([, r]) => r.status === 'ok');
      return c.json(
        { status: ok ? 'ok' : 'degraded', stage: deps.config.LOKET_STAGE, dependencies: Object.fromEntries(results) },
        ok ? 200 : 503,
      );
    },
  );

  app.openapi(
    {
      method: 'get',
      path: '/api/services',
      tags,
      summary: 'The nine services of the standard, in Indonesian',
      responses: jsonOk('services'),
    },
    (c) => c.json({ services: services().map(publicService) }, 200),
  );
  app.openapi(
    {
      method: 'get',
      path: '/api/services/{id}',
      tags,
      summary: 'One service: requirements, procedure, time limit, cost, product, legal basis',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: jsonOk('the service'),
      errorStatuses: [404],
    },
    (c) => {
      const { id } = c.req.valid('param');
      const s = findService(id);
      if (!s) throw notFound(`Layanan "${id}"`);
      return c.json(publicService(s), 200);
    },
  );
  return app;
};
