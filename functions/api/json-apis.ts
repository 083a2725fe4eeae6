import type { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from './app';
import { adminRoutes } from './routes/admin';
import { calendarRoutes } from './routes/calendar';
import { caseRoutes } from './routes/cases';
import { letterSigningRoutes } from './routes/letter-signing';
import { open311Routes } from './routes/open311';
import type { CaseLookupFn } from './routes/status';

/**
 * The JSON APIs for officers' tools and for integrators (Open311), built on their first request.
 * One module for all of them on purpose: each lazily imported module is a boundary the bundler splits
 * shared code at, and every chunk a cold start loads costs its own module load (README, "Cold start").
 */
export const mountJsonApis = (group: Hono<AppEnv>, deps: Deps, findCase: CaseLookupFn) => {
  group.route('/api/cases', caseRoutes(deps));
  group.route('/api/letters', letterSigningRoutes(deps));
  group.route('/api/calendar', calendarRoutes(deps));
  group.route('/api/admin', adminRoutes(deps));
  group.route('/open311/v2', open311Routes(deps, findCase));
};
