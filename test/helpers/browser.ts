import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); playwright's own browser downloads are not used. */
const EXECUTABLE = process.env.LOKET_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

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
