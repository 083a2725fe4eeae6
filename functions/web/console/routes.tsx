/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { isLoketError } from '@loket/core';
import type { Deps } from '../../deps';
import { type ConsoleEnv, requireSession } from '../auth/session';
import { notFoundPage } from '../not-found';
import { caseRoutes } from './case-routes';
import { consoleKit } from './kit';
import { klinikRoutes } from './klinik-routes';
import { laporRoutes } from './lapor-routes';
import { letterRoutes } from './letter-routes';
import { reportRoutes } from './report-routes';

/** The officers' console: every page needs a live session; what a page offers follows the officer's roles. */
export const consoleRoutes = (deps: Deps) => {
  const app = new Hono<ConsoleEnv>();
  app.use(requireSession(deps));
  app.onError((e, c) => {
    if (isLoketError(e) && e.code === 'not_found') {
      return notFoundPage(c, 'Berkas tidak ditemukan');
    }
    // A command refused the officer (a document they may not open): its Indonesian reason, 403.
    if (isLoketError(e) && e.code === 'forbidden') return c.text(e.message, 403);
    throw e;
  });
  const kit = consoleKit(deps);
  for (const area of [caseRoutes, laporRoutes, letterRoutes, reportRoutes, klinikRoutes]) area(app, deps, kit);
  return app;
};
