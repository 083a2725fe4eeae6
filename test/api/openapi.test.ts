import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/api/app';
import { mountJsonApis } from '../../functions/api/json-apis';
import { caseLookup } from '../../functions/api/routes/status';
import { useTestWorld } from '../helpers/deps';

/** `GET /api/openapi.json` is generated from the route declarations; every JSON route must be in it. */
const world = useTestWorld();

describe('OpenAPI', () => {
  it('documents every route of the JSON API, the webhook, Open311 and /health, with their request schemas', async () => {
    const res = await world.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    // The officers' JSON API and Open311 are mounted lazily: their routes are those of the group it builds.
    const lazyGroup = new Hono<AppEnv>();
    mountJsonApis(lazyGroup, world.deps, caseLookup(world.deps));
    const served = [...world.app.routes, ...lazyGroup.routes]
      .filter(
        (r) => r.method !== 'ALL' && /^\/(api|open311|webhooks|health)/.test(r.path) && r.path !== '/api/openapi.json',
      )
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(20);
    expect([...new Set(served)].filter((r) => !documented.has(r))).toEqual([]);
    // The request schemas are the validating zod schemas: the walk-in body names its required fields.
    const register = doc.paths['/api/cases'].post.requestBody.content['application/json'].schema;
    expect(register.required).toEqual(expect.arrayContaining(['serviceId', 'channel', 'applicant']));
    expect(doc.paths['/webhooks/google-forms'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['formId', 'responseId', 'submittedAt', 'answers']),
    );
    expect(doc.paths['/api/cases/{id}/transitions'].post.security).toEqual([{ staffToken: [] }]);
  });
});
