import { type Context, type Handler, Hono, type NotFoundHandler } from 'hono';
import type { AppEnv } from '../api/app';

/** The parent request's context, handed to a lazily mounted group through its `env`. */
const PARENT = Symbol('loket.parent');
type WithParent = { [PARENT]: Context<AppEnv> };

/**
 * A group of routes (the whole console: sign-in, case pages, administration; the officers' JSON API;
 * Open311) built on its first request instead of at every cold start: its modules are imported then. The group answers inside the
 * parent request: the parent's request id and logger are carried over, and errors go back to the
 * parent's error handler, so the group behaves as if mounted with `app.route`.
 */
type LazyGroup = Handler<AppEnv> & {
  /** Builds the group now (the OpenAPI document needs every route declared). */
  load(): Promise<unknown>;
};

export const lazyRoutes = (
  mount: (group: Hono<AppEnv>) => Promise<void>,
  notFound: NotFoundHandler<AppEnv>,
): LazyGroup => {
  let group: Promise<Hono<AppEnv>> | undefined;
  const load = () =>
    (group ??= (async () => {
      const app = new Hono<AppEnv>();
      // First, so every route of the group sees them.
      app.use(async (c, next) => {
        const parent = (c.env as WithParent)[PARENT];
        c.set('requestId', parent.get('requestId'));
        c.set('log', parent.get('log'));
        await next();
      });
      await mount(app);
      app.onError((e) => {
        throw e; // the parent's error handler answers, as for every other route
      });
      app.notFound(notFound);
      return app;
    })().catch((e) => {
      group = undefined; // a failed import is tried again by the next request
      throw e;
    }));
  const handler: Handler<AppEnv> = async (c) => {
    let executionCtx;
    try {
      executionCtx = c.executionCtx;
    } catch {
      /* Node and Lambda have none */
    }
    return (await load()).fetch(c.req.raw, { ...(c.env as object), [PARENT]: c }, executionCtx);
  };
  return Object.assign(handler, { load });
};

/** Mounts a lazy group under each prefix (the prefix itself and everything below it). */
export const mountLazy = (app: Hono<AppEnv>, group: LazyGroup, prefixes: string[]) => {
  for (const prefix of prefixes) {
    app.all(prefix, group);
    app.all(`${prefix}/*`, group);
  }
};
