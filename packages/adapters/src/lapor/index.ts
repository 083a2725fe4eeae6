import type { LaporApi, LaporSettings } from './client';

export * from './errors';
export type { LaporApi, LaporSettings } from './client';

/**
 * The LAPOR! API client, loaded on first use: most requests and most job runs never talk to LAPOR!,
 * so its code stays out of cold starts.
 */
export const laporClient = (settings: LaporSettings): (() => Promise<LaporApi>) => {
  let loaded: Promise<LaporApi> | undefined;
  return () => (loaded ??= import('./client').then((m) => new m.LaporApi(settings)));
};
