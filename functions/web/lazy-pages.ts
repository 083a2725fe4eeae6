import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

type Page<M> = (pages: M) => JSX.Element | Promise<JSX.Element>;

/** Renders a page of a module already loaded (a group that is itself imported lazily: the console, the administration). */
export const pageRenderer =
  <M>(pages: M) =>
  async (c: Context, page: Page<M>) =>
    c.html(await page(pages));

/**
 * Renders with page components loaded on first use: the module of a group of pages (the occasional
 * public pages) is imported by the first request that shows one, so no other cold start pays for it.
 */
export const lazyPages = <M>(load: () => Promise<M>) => {
  let loaded: Promise<M> | undefined;
  return async (c: Context, page: Page<M>) => pageRenderer(await (loaded ??= load()))(c, page);
};
