import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshots, useBrowser } from '../helpers/browser';
import { act, signInAsDemo as signInAs, watchPage } from '../helpers/console-pages';
import { manualClock, useTestWorld } from '../helpers/deps';
import { LAPOR_AUTH, LAPOR_TOKEN, laporTime, type LaporServer, startLaporServer } from '../helpers/lapor-server';

/**
 * SP4N-LAPOR! in the console, in Chromium: a complaint fetched by its number, answered and posted
 * back; one typed in by hand with an attachment, answered and marked copied; a confidential reporter
 * hidden from everyone but the complaint officers. Pages saved at 390 and 1280 px under test/artifacts/.
 */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const env: Record<string, string> = {};
let lapor: LaporServer;
beforeAll(async () => {
  lapor = await startLaporServer();
  Object.assign(env, {
    LAPOR_API_BASE_URL: lapor.url,
    LAPOR_API_AUTH: LAPOR_AUTH,
    LAPOR_API_TOKEN: LAPOR_TOKEN,
    LAPOR_USER_ID: '77',
    LAPOR_INSTITUTION_ID: '1234',
  });
  lapor.put(
    '4242',
    {
      title: 'Konsultan klinik tidak hadir',
      content: 'Saya datang sesuai jadwal klinik KUKM hari Selasa tetapi konsultan tidak hadir.',
      status_code: '1',
      status_name: 'Belum ditindaklanjuti',
      created_at: laporTime('2026-11-23T08:00:00+07:00'),
      user: { name: 'Rahmat Hidayat' },
      is_secret: 1,
      is_anonymous: 0,
    },
    [
      {
        status_old: { name: 'Belum diverifikasi' },
        status_new: { name: 'Belum ditindaklanjuti', code: '1' },
        created_at: laporTime('2026-11-24T09:15:00+07:00'),
      },
    ],
  );
});
afterAll(() => lapor.close());
const world = useTestWorld({ time: clock, mail: true, env });
const web = useBrowser(world);

const signInAsDemo = (page: Page, staffId: string) => signInAs(page, web.base, staffId);

describe('SP4N-LAPOR! in the console', () => {
  it('fetches a complaint by number, answers it and posts the answer; types one in by hand and marks its answer copied', async () => {
    const problems: string[] = [];
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watchPage(page, problems);
    await signInAsDemo(page, 'pengaduan');
    await page.click('a:has-text("Pengaduan SP4N-LAPOR!")');
    await screenshots(page, 'lapor-01-register');

    await page.fill('#complaintId', '4242');
    await page.click('button:has-text("Ambil dan daftarkan")');
    await page.waitForSelector('text=Pengaduan SP4N-LAPOR! telah didaftarkan');
    expect(await page.textContent('#lapor + dl')).toContain('4242');
    expect(await page.textContent('body')).toContain('Identitas pelapor dirahasiakan');
    const caseUrl = page.url().split('?')[0]!;
    await screenshots(page, 'lapor-02-case');

    // Registering the same number again leads to the same case.
    await page.goto(`${web.base}/konsol/lapor/baru`);
    await page.fill('#complaintId', '4242');
    await page.click('button:has-text("Ambil dan daftarkan")');
    await page.waitForSelector('text=sudah terdaftar sebelumnya');
    expect(page.url().split('?')[0]).toBe(caseUrl);

    await act(page, 'Pengaduan dicatat');
    await act(page, 'Dapat diselesaikan petugas pengaduan', 'Dikonfirmasi dengan konsultan klinik.');
    await page.click('a:has-text("Tanggapan disampaikan kepada pengadu")');
    expect(await page.textContent('body')).toContain('dikirim ke SP4N-LAPOR! sebagai tindak lanjut');
    await screenshots(page, 'lapor-03-answer');
    await page.fill('#note', 'Konsultan pengganti telah dijadwalkan; mohon maaf atas ketidaknyamanan.');
    await page.click('form button[type=submit]:has-text("Tanggapan disampaikan kepada pengadu")');
    await page.waitForSelector('text=Tindakan telah disimpan');
    expect(lapor.posts.map((p) => p.fields.content)).toEqual([
      'Konsultan pengganti telah dijadwalkan; mohon maaf atas ketidaknyamanan.',
    ]);
    await page.reload();
    expect(await page.textContent('.timeline')).toContain('Tanggapan terkirim ke SP4N-LAPOR!');
    await screenshots(page, 'lapor-04-posted');

    // The manual channel, with an attachment.
    await page.goto(`${web.base}/konsol/lapor/baru`);
    await page.fill('#m-complaintId', 'M-77');
    await page.fill('#dispositionDate', '2026-11-24');
    await page.fill('#dispositionTime', '13:30');
    await page.fill('#title', 'Antrian loket terlalu panjang');
    await page.fill('#content', 'Hanya satu petugas melayani di loket pada jam sibuk.');
    await page.setInputFiles('#files', {
      name: 'antrian.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.click('button:has-text("Daftarkan pengaduan")');
    await page.waitForSelector('text=Pengaduan SP4N-LAPOR! telah didaftarkan');
    expect(await page.textContent('#dokumen ~ ul')).toContain('Tersimpan');
    await act(page, 'Pengaduan dicatat');
    await act(page, 'Dapat diselesaikan petugas pengaduan', 'Jadwal petugas ditambah.');
    await act(page, 'Tanggapan disampaikan kepada pengadu', 'Mulai Senin loket dilayani dua petugas pada jam sibuk.');
    expect(await page.textContent('#lapor ~ .card')).toContain('Mulai Senin loket dilayani dua petugas');
    await screenshots(page, 'lapor-05-to-copy');
    await page.click('button:has-text("Sudah disalin ke LAPOR!")');
    await page.waitForSelector('text=tanggapan telah disalin');
    expect(await page.$('text=Salin tanggapan ini')).toBeNull();
    await screenshots(page, 'lapor-06-copied');

    // A form error names the fields.
    await page.goto(`${web.base}/konsol/lapor/baru`);
    await page.click('button:has-text("Daftarkan pengaduan")');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain('Masukkan judul pengaduan');
    await screenshots(page, 'lapor-07-errors');
    expect(problems).toEqual([]);

    // Another officer sees the confidential reporter hidden, with no way to show it.
    await page.click('button:has-text("Keluar")');
    await signInAsDemo(page, 'kadis');
    await page.goto(caseUrl);
    expect(await page.textContent('body')).toContain('hanya Petugas Pengaduan yang dapat melihatnya');
    expect(await page.$('button:has-text("Tampilkan data pribadi")')).toBeNull();
    expect(await page.textContent('body')).not.toContain('Rahmat');
    await page.close();
  });
});
