import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); playwright's own browser downloads are not used. */
const EXECUTABLE = process.env.LOKET_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: EXECUTABLE, args: ARGS });

/** The two widths every page is looked at: a common phone and a laptop. */
export const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** Saves a full-page screenshot at both widths under test/artifacts/ (not committed) for a person to open. */
export const screenshots = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
};

/**
 * Registers a file's browser setup: the test world's app served over HTTP by the Node server (so the
 * platform address, cookies and redirects are real) and one Chromium. Fields are filled in `beforeAll`.
 */
export const useBrowser = (world: {
  app: { fetch: (req: Request, env?: unknown) => Response | Promise<Response> };
}) => {
  const ctx = {} as { browser: Browser; base: string };
  let server: ReturnType<typeof serve> | undefined;
  beforeAll(async () => {
    server = serve({ fetch: world.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server!.once('listening', r));
    ctx.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await new Promise((r) => server?.close(r));
  });
  return ctx;
};
