import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * Renders with page components loaded on first use: the module of a group of pages (the console, the
 * administration) is imported by the first request that shows one, so no other cold start pays for it.
 */
export const lazyPages = <M>(load: () => Promise<M>) => {
  let loaded: Promise<M> | undefined;
  return async (c: Context, page: (pages: M) => JSX.Element | Promise<JSX.Element>) => c.html(await page(await (loaded ??= load())));
};
