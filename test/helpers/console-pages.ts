import type { Page } from 'playwright-core';

/** Browser steps the console tests share. */

/** Signs in through the local stage's demo page as one of the seeded officers. */
export const signInAsDemo = async (page: Page, base: string, staffId: string) => {
  await page.goto(`${base}/konsol/masuk/dev`);
  await page.click(`button[data-staff="${staffId}"]`);
  await page.waitForURL(`${base}/konsol`);
};

/** Takes a case action by its button label, with a note when given, and waits for the confirmation. */
export const act = async (page: Page, label: string, note?: string) => {
  await page.click(`a:has-text("${label}")`);
  if (note) await page.fill('#note', note);
  await page.click(`form button[type=submit]:has-text("${label}")`);
  await page.waitForSelector('text=Tindakan telah disimpan');
};

/**
 * Watches a page for what must never happen: a CSP violation, a server error, and (when given) any of
 * `forbidden` in an HTML response (personal data).
 */
export const watchPage = (page: Page, problems: string[], forbidden: string[] = []) => {
  page.setDefaultTimeout(8000);
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('response', async (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    if (forbidden.length && (r.headers()['content-type'] ?? '').startsWith('text/html')) {
      const html = await r.text().catch(() => '');
      if (forbidden.some((f) => html.includes(f))) problems.push(`personal data on ${r.url()}`);
    }
  });
};
