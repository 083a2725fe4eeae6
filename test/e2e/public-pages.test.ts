import { describe, expect, it } from 'vitest';
import { screenshots, useBrowser } from '../helpers/browser';
import { manualClock, useTestWorld } from '../helpers/deps';

/** The public pages in a real browser (Chromium), served over HTTP by the Node server, screenshotted at 390 and 1280 px. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const web = useBrowser(world);

describe('public status page in Chromium', () => {
  it('looks a number up from the form and shows the status, comfortable on a phone, with no CSP violation', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'walk_in',
      applicant: { name: 'Siti Aminah' },
      answers: { nik: ['3514014107900001'] },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    await world.deps.cases.act(record.id, {
      event: 'minta_perbaikan',
      note: 'KK belum ada',
      data: { requirements: 'kk' },
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
    });
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${web.base}/status`);
    await screenshots(page, 'status-lookup');
    await page.fill('#nomor', record.trackingNumber.toLowerCase());
    await page.click('button[type=submit]');
    await page.waitForURL(`**/status/${record.trackingNumber}`);
    expect(await page.textContent('h1')).toContain(record.trackingNumber);
    const body = await page.textContent('body');
    expect(body).toContain('Perlu dilengkapi');
    expect(body).toContain('Surat Keterangan Usaha');
    expect(body).not.toContain('Siti');
    expect(body).not.toContain('3514014107900001');
    // The tracking number stays on one line and the page does not scroll sideways on a phone.
    const tn = await page.locator('.tn').boundingBox();
    expect(tn!.height).toBeLessThan(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshots(page, 'status-page');
    await page.goto(`${web.base}/status?nomor=SALAH`);
    await screenshots(page, 'status-not-recognised');
    expect(violations).toEqual([]);
    await page.close();
  });
});
