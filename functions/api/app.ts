import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { openApiDocument } from './openapi';
import { HTTPException } from 'hono/http-exception';
import { limitBodies } from './body-limits';
import { isLoketError, LoketError, office } from '@loket/core';
import type { Logger } from '@loket/adapters';
import type { Deps } from '../deps';
import { errorResponse, statusOfError } from './errors';
import { securityHeaders } from '../web/security';
import { notFoundPage, refusedPage, wantsHtml } from '../web/not-found';
import { publicRoutes } from './routes/public';
import { webhookRoutes } from './routes/webhooks';
import { caseLookup, statusLookup, statusRoutes } from './routes/status';
import { statusPages } from '../web/status-page';
import { assetRoutes } from '../web/assets';
import { publicPages } from '../web/public-pages';
import { lazyRoutes, mountLazy } from '../web/lazy-routes';
import { csrf } from 'hono/csrf';
import { compress } from 'hono/compress';
import { letterRoutes } from './routes/letters';
import { surveyRoutes } from './routes/survey';
import { kinerjaRoutes } from './routes/kinerja';

export type AppEnv = { Variables: { requestId: string; log: Logger } };

/** Optional routes that only exist in some modes (e.g. `/dev/mail` locally). */
export type Extension = (app: Hono<AppEnv>) => void;

export const createApp = (deps: Deps, extensions: Extension[] = []) => {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info('request', {
      method: c.req.method,
      path: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  // Pages, JSON and the stylesheet gzipped for phones on slow links (Hono's own middleware: text
  // types over 1 KB only; the Lambda adapter base64-encodes an encoded body).
  app.use(compress());
  app.use(securityHeaders());

  app.onError((thrown, c) => {
    // Hono's own middleware (CSRF) refuses with an HTTPException: the same refusal, in the desk's words.
    // (Body limits throw the desk's own 413: functions/api/body-limits.ts.)
    const err =
      thrown instanceof HTTPException && thrown.status < 500
        ? new LoketError(
            thrown.status === 403 ? 'forbidden' : 'validation',
            thrown.status === 403
              ? 'Permintaan ditolak: formulir harus dikirim dari halaman Loket sendiri.'
              : 'Permintaan tidak dapat diproses.',
          )
        : thrown;
    if (isLoketError(err)) {
      if (err.detail) c.get('log')?.info('request refused', { code: err.code, detail: err.detail });
      // A person's browser gets a page; an API client (and a failed dependency, 503) the JSON shape.
      if (wantsHtml(c) && err.code !== 'unavailable') return refusedPage(c, statusOfError(err), err.message);
      return errorResponse(c, err);
    }
    c.get('log')?.error('unhandled error', { error: err });
    return errorResponse(
      c,
      new LoketError('unavailable', 'Terjadi gangguan pada sistem. Silakan coba beberapa saat lagi.'),
    );
  });
  const notFound = (c: Context<AppEnv>) =>
    wantsHtml(c) ? notFoundPage(c) : errorResponse(c, new LoketError('not_found', 'Alamat tidak ditemukan.'));
  app.notFound(notFound);

  // Every body is bounded by its route before anything reads it (functions/api/body-limits.ts).
  app.use(limitBodies());
  app.route('/', publicRoutes(deps));
  app.route('/webhooks', webhookRoutes(deps));
  // One limit for every public lookup of a case, whichever door it comes through.
  const findCase = caseLookup(deps);
  const lookup = statusLookup(deps, findCase);
  // Officers' JSON API and Open311 are built by their first request, like the console below: their
  // validators (most of the desk's zod schemas) are not paid for by a citizen's cold start.
  const jsonApis = lazyRoutes(
    async (group) => (await import('./json-apis')).mountJsonApis(group, deps, findCase),
    notFound,
  );
  mountLazy(app, jsonApis, ['/api/cases', '/api/letters', '/api/calendar', '/api/admin', '/open311/v2']);
  app.route('/', statusRoutes(lookup));
  app.route('/', statusPages(lookup));
  app.route('/', assetRoutes());
  app.route('/', publicPages(deps));
  app.route('/', letterRoutes(deps));
  app.route('/', surveyRoutes(deps));
  app.route('/', kinerjaRoutes(deps));
  // Every state-changing form of the console is same-origin only (Origin / Sec-Fetch-Site checked).
  app.use(
    '/konsol/*',
    csrf({
      origin: (origin, c) =>
        origin === new URL(c.req.url).origin || origin === new URL(deps.config.LOKET_PUBLIC_URL).origin,
    }),
  );
  // The console (sign-in, case pages, administration) is built by its first request: a citizen's
  // lookup or a form webhook never loads it at a cold start.
  const consoleGroup = lazyRoutes(
    async (group) => (await import('../web/console-group')).mountConsole(group, deps),
    notFound,
  );
  mountLazy(app, consoleGroup, ['/konsol']);
  app.get('/api/openapi.json', async (c) =>
    c.json(
      await openApiDocument(
        [jsonApis],
        {
          title: `Loket — ${office().name}`,
          version: '1',
          description:
            'The JSON API of the service desk. Errors: {"error":{"code","message","fields"?}} with an Indonesian message.',
        },
        deps.config.LOKET_PUBLIC_URL,
      ),
    ),
  );
  for (const extend of extensions) extend(app);
  return app;
};
