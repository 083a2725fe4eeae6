import { loadConfig } from '@loket/adapters';
import { createDeps } from '../deps';
import { reconcileForms } from '../intake/reconcile';
import { runMorningDigests } from './digest';
import { runMinutely } from './run';

/**
 * Scheduled Lambda entries (infra/jobs.ts, EventBridge Scheduler in Asia/Jakarta). The deps are built
 * once per container; every job is idempotent, so an overlapping or repeated invocation is harmless.
 */
const deps = createDeps(loadConfig());

export const minutely = async () => runMinutely(deps);
export const reconcile = async () => reconcileForms(deps);
export const morning = async () => runMorningDigests(deps);
/** Loaded by its own schedule only: the minutely job's cold start does not carry it. */
export const lapor = async () => (await import('../lapor/sync')).syncLapor(deps);
