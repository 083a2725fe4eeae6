import type { Hono } from 'hono';
import type { AppEnv } from '../api/app';
import type { Deps } from '../deps';
import { adminPages } from './admin/routes';
import { consoleRoutes } from './console/routes';
import { signInPages } from './sign-in';

/** The console — sign-in, case pages, administration — as one lazily imported module (see json-apis.ts). */
export const mountConsole = (group: Hono<AppEnv>, deps: Deps) => {
  group.route('/', signInPages(deps));
  group.route('/konsol/admin', adminPages(deps));
  group.route('/konsol', consoleRoutes(deps));
};
