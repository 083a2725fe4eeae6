import type { Logger } from '@loket/adapters';

/**
 * Work a request starts and does not wait for, such as sending the mail it queued where this process
 * sends mail itself (the local desk). A Lambda freezes once it has answered, so there the work is left
 * to the scheduled jobs instead (infra/runtime.ts sets the API to LOKET_MAIL_DELIVERY=scheduled); what
 * runs here must therefore be safe to lose: the queue it reads is the record. `idle` lets a test wait.
 */
export const createBackground = (log: Logger) => {
  const running = new Set<Promise<void>>();
  return {
    run(name: string, task: () => Promise<unknown>) {
      const done: Promise<void> = task()
        .then(() => undefined)
        .catch((e) => log.warn('background.failed', { task: name, error: e instanceof Error ? e.message : String(e) }))
        .finally(() => running.delete(done));
      running.add(done);
    },
    /** Resolves once nothing started here is still running. */
    async idle() {
      while (running.size) await Promise.all(running);
    },
  };
};
