/**
 * The one retry policy for outside systems (mail servers, Google Drive): the wait before the 2nd,
 * 3rd, … attempt. After the last wait (7 attempts, about 10½ hours) the work is given up, visibly.
 */
const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3600_000, 6 * 3600_000];

/** When to try again after `attempts` failed attempts, or undefined when they are used up. */
export const nextRetryAt = (attempts: number, now: number): number | undefined => {
  const wait = RETRY_BACKOFF_MS[attempts - 1];
  return wait === undefined ? undefined : now + wait;
};
