import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { fromZod } from './errors';

/**
 * The JSON API is declared with @hono/zod-openapi: each route's params, query and body are the zod
 * schemas that validate it, and `GET /api/openapi.json` is generated from the same declarations. A
 * schema failure becomes the desk's one error shape, in Indonesian, naming the fields.
 */
export const apiRouter = <E extends Env>() =>
  new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw fromZod(result.error, result.target === 'json' ? 'Permintaan' : 'Alamat atau parameter');
    },
  });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'machine code: not_found, conflict, invalid_transition, forbidden, unauthorized, validation, …' }),
    message: z.string().meta({ description: 'Indonesian message for people' }),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
}).meta({ id: 'Error' });

const errors = (statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? 'error', content: { 'application/json': { schema: ErrorBody } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input (fields named)', 401: 'no valid staff token', 403: 'role not allowed', 404: 'not found', 409: 'stale version or conflict',
  413: 'body too large', 422: 'not possible at this step', 429: 'too many wrong guesses (Retry-After)', 503: 'a dependency is down',
};

/** A JSON body in a route declaration: required, so a request without it is refused, not waved through. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** A successful JSON answer; the views are documented as objects (their shape is the handler's). */
export const jsonOk = (description: string, status = 200, schema: z.ZodType = z.looseObject({})) => ({ [status]: { description, content: { 'application/json': { schema } } } });

/** Declares a route with the error answers it can give, the staff bearer scheme where it needs a token. */
export const route = <R extends RouteConfig>(config: R & { errorStatuses?: number[]; staff?: boolean }) => {
  const { errorStatuses = [400], staff, ...rest } = config;
  return createRoute({
    ...rest,
    ...(staff ? { security: [{ staffToken: [] }] } : {}),
    responses: { ...rest.responses, ...errors(staff ? [...errorStatuses, 401] : errorStatuses) },
  } as unknown as R);
};

export { z };
