import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
    // Every operation says how it is authorised (a public one with an empty requirement) and has its own id.
    const operations = Object.values(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      (ops) => Object.values(ops),
    );
    expect(operations.filter((o) => !Array.isArray(o.security))).toEqual([]);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(doc.paths['/webhooks/google-forms'].post.security).toEqual([{ webhookSignature: [] }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['staffToken', 'webhookSignature']);
    expect(doc.servers).toEqual([{ url: world.deps.config.LOKET_PUBLIC_URL, description: 'this desk' }]);
    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync('test/artifacts/openapi.json', JSON.stringify(doc, null, 2));
    // Redocly's recommended rules (test/redocly.yaml): no error, no warning. No telemetry from a test run.
    const lint = spawnSync(
      'npx',
      ['redocly', 'lint', 'test/artifacts/openapi.json', '--config=test/redocly.yaml', '--format=json'],
      { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
