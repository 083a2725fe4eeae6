import { zValidator } from '@hono/zod-validator';
import { type Context, type Env, Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { fromZod } from './errors';

/**
 * The JSON API's routes are declared with the zod schemas that validate them (params, query, body, via
 * @hono/zod-validator), and `GET /api/openapi.json` is generated from the same declarations by
 * @asteasolutions/zod-to-openapi (the generator behind @hono/zod-openapi). The generator is loaded only
 * when the document is asked for: declaring a route costs nothing at a cold start, and zod stays
 * tree-shaken (@hono/zod-openapi would bundle all of zod into every request's Lambda).
 */
type Schema = z.ZodType | undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : never;

interface RouteDecl<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style (`/{id}`), relative to the router's prefix. */
  path: string;
  summary: string;
  tags: string[];
  /** Needs a staff bearer token (documented as such; the router's middleware checks it). */
  staff?: boolean;
  /** Signed by its sender with the shared secret (the webhook checks the HMAC before anything else). */
  signed?: boolean;
  request?: {
    params?: P;
    query?: Q;
    headers?: z.ZodType;
    body?: { required: boolean; content: { 'application/json': { schema: B } } };
  };
  responses: Record<number, { description: string; content?: { 'application/json': { schema: z.ZodType } } }>;
  errorStatuses?: number[];
}

type Validated<P extends Schema, Q extends Schema, B extends Schema> = {
  in: object;
  out: { param: Out<P>; query: Out<Q>; json: Out<B> };
};

/** Every declared route, by method and full path; the document is built from these. */
const DECLARED = new Map<string, RouteDecl<Schema, Schema, Schema> & { fullPath: string }>();

/** A schema failure becomes the desk's one error shape, in Indonesian, naming the fields. */
const hook = (result: { success: boolean; error?: unknown; target: string }) => {
  if (!result.success)
    throw fromZod(result.error as z.ZodError, result.target === 'json' ? 'Permintaan' : 'Alamat atau parameter');
};

class ApiRouter<E extends Env> extends Hono<E> {
  constructor(private readonly prefix: string) {
    super();
  }

  /** Declares a route for the document without serving it here (the webhook validates after its signature check). */
  describe(decl: RouteDecl<Schema, Schema, Schema>) {
    const fullPath = `${this.prefix}${decl.path === '/' ? '' : decl.path}` || '/';
    DECLARED.set(`${decl.method} ${fullPath}`, { ...decl, fullPath });
  }

  /** Declares and serves a route: its params, query and body are validated by the declared schemas. */
  openapi<P extends Schema, Q extends Schema, B extends Schema>(
    decl: RouteDecl<P, Q, B>,
    handler: (c: Context<E, string, Validated<P, Q, B>>) => Response | Promise<Response>,
  ) {
    this.describe(decl as RouteDecl<Schema, Schema, Schema>);
    const r = decl.request ?? {};
    const validators = [
      r.params && zValidator('param', r.params, hook),
      r.query && zValidator('query', r.query, hook),
      r.body && zValidator('json', r.body.content['application/json'].schema!, hook),
    ].filter((v): v is NonNullable<typeof v> => !!v) as unknown as MiddlewareHandler[];
    const on = this.on.bind(this) as unknown as (
      method: string,
      path: string,
      ...handlers: MiddlewareHandler[]
    ) => unknown;
    on(
      decl.method.toUpperCase(),
      decl.path.replace(/\{([^}]+)\}/g, ':$1'),
      ...validators,
      handler as unknown as MiddlewareHandler,
    );
    return this;
  }
}

export const apiRouter = <E extends Env>(prefix = '') => new ApiRouter<E>(prefix);

// Schemas that only document answers are built when the document is (z.lazy), not at a cold start.
export const ErrorBody = z.lazy(() =>
  z.object({
    error: z.object({
      code: z.string().meta({
        description: 'machine code: not_found, conflict, invalid_transition, forbidden, unauthorized, validation, …',
      }),
      message: z.string().meta({ description: 'Indonesian message for people' }),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  }),
);

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input (fields named)',
  401: 'no valid staff token',
  403: 'role not allowed',
  404: 'not found',
  409: 'stale version or conflict',
  413: 'body too large',
  422: 'not possible at this step',
  429: 'too many wrong guesses (Retry-After)',
  503: 'a dependency is down',
};

/** What each group of routes is for, in the document's list of tags. */
const TAG_TEXT: Record<string, string> = {
  Publik: "Public reads: the services, a request's status by tracking number, letter verification, health.",
  Webhook: 'Signed submissions from the Google Forms Apps Script.',
  'Berkas (petugas)': 'Cases as officers work them: register, read, take a step, check requirements, assign, files.',
  Surat: 'Letters waiting for their paraf and signature: initial a draft, sign and so issue it.',
  'Kalender kerja': 'The working calendar the deadlines count: holidays and cuti bersama.',
  Administrasi: 'Mail the outbox could not deliver, and its retry (administrators).',
  'Open311 GeoReport v2': 'Services and the public status of requests in the Open311 GeoReport v2 format.',
};

/** A JSON body in a route declaration: required, so a request without it is refused, not waved through. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** Any JSON object: one schema shared by every route that documents its answer only as an object. */
const ANY_OBJECT = z.lazy(() => z.looseObject({}));

/** A successful JSON answer; the views are documented as objects (their shape is the handler's). */
export const jsonOk = (description: string, status = 200, schema: z.ZodType = ANY_OBJECT) => ({
  [status]: { description, content: { 'application/json': { schema } } },
});

/** A route declaration (identity, typed): kept for readability at the call sites. */
export const route = <P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  decl: RouteDecl<P, Q, B>,
) => decl;

/**
 * The OpenAPI 3.1 document of every declared route; loads the generator on first call, and first the
 * route groups that are built lazily, so their routes are declared.
 */
export const openApiDocument = async (
  lazyGroups: Array<{ load(): Promise<unknown> }>,
  info: { title: string; version: string; description: string },
  serverUrl: string,
) => {
  await Promise.all(lazyGroups.map((g) => g.load()));
  const { OpenAPIRegistry, OpenApiGeneratorV31 } = await import('@asteasolutions/zod-to-openapi');
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'staffToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'npx loket token <staff id>',
  });
  registry.registerComponent('securitySchemes', 'webhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'x-loket-signature',
    description:
      'sha256=<hex HMAC-SHA256 of "<x-loket-timestamp>.<body>"> with the webhook secret; the timestamp must be within 5 minutes.',
  });
  for (const d of DECLARED.values()) {
    const statuses = d.staff ? [...(d.errorStatuses ?? [400]), 401] : (d.errorStatuses ?? [400]);
    registry.registerPath({
      method: d.method,
      path: d.fullPath,
      operationId: operationId(d.method, d.fullPath),
      summary: d.summary,
      tags: d.tags,
      // A route with neither is public, and says so (an empty requirement), rather than leaving it unsaid.
      security: d.staff ? [{ staffToken: [] }] : d.signed ? [{ webhookSignature: [] }] : [],
      request: d.request as never,
      responses: {
        ...d.responses,
        ...Object.fromEntries(
          statuses.map((s) => [
            s,
            { description: ERROR_TEXT[s] ?? 'error', content: { 'application/json': { schema: ErrorBody } } },
          ]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info,
    servers: [{ url: serverUrl, description: 'this desk' }],
    tags: [...new Set([...DECLARED.values()].flatMap((d) => d.tags))]
      .sort()
      .map((name) => ({ name, ...(TAG_TEXT[name] ? { description: TAG_TEXT[name] } : {}) })),
  });
};

/** `get /api/cases/{id}/events` → `getApiCasesByIdEvents`: unique per route, stable, readable. */
const operationId = (method: string, path: string) =>
  method +
  path
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg)?.[1];
      const words = (param ?? seg).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return (param ? 'By' : '') + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    })
    .join('');
