import { wibDate, wibInstant } from '@loket/core';
import type { Deps } from '../deps';
import { reconcileForms } from '../intake/reconcile';
import { DIGEST_TIME, runMorningDigests } from '../jobs/digest';
import { runMinutely } from '../jobs/run';

const RECONCILE_EVERY_MS = 15 * 60_000;

/**
 * The local stand-in for EventBridge Scheduler: the same job functions on timers. The minutely job
 * every LOKET_SWEEP_INTERVAL_SECONDS; reconciliation every 15 minutes when Google is configured; the
 * morning digests once a day from 07:30 WIB (a desk started later that morning still sends them).
 */
export const startScheduler = (deps: Deps) => {
  let lastReconcile = 0;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow tick is not overlapped by the next one
    running = true;
    try {
      await runMinutely(deps);
      const now = deps.time.now();
      if (deps.google && now - lastReconcile >= RECONCILE_EVERY_MS) {
        lastReconcile = now;
        await reconcileForms(deps);
      }
      const today = wibDate(now);
      if (now >= wibInstant(today, DIGEST_TIME) && (await deps.marks.advance('morning', wibInstant(today)))) {
        await runMorningDigests(deps);
      }
    } catch (e) {
      deps.log.error('scheduler.tick_failed', { error: String(e) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.config.LOKET_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
