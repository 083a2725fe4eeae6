import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshots, useBrowser } from '../helpers/browser';
import { act, signInAsDemo as signInAs, watchPage } from '../helpers/console-pages';
import { type GoogleApi, startGoogleApi } from '../../functions/local/google-emulator';
import { captureLog, manualClock, postFormWebhook, useTestWorld } from '../helpers/deps';

/**
 * The console in Chromium: a rekomendasi-bbm request from the form webhook, worked from sign-in to the
 * finished case by the officers of each step, with a revision the applicant answers through the form.
 * Every page is saved at 390 and 1280 px under test/artifacts/ for a person to look at.
 */
const google: GoogleApi = await startGoogleApi();
const clock = manualClock('2026-11-25T09:00:00+07:00');
const logs = captureLog();
const world = useTestWorld({
  time: clock,
  mail: true,
  log: logs.log,
  env: { GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey, GOOGLE_API_ROOT_URL: google.rootUrl },
});
const web = useBrowser(world);
const NIK = '3514014107900001';
const KK = '3514010101200003';

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const pdf = () => Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000));

beforeAll(async () => {
  google.files.set('f-ktp', { name: `KTP Siti ${NIK}.jpg`, mimeType: 'image/jpeg', bytes: jpeg(30_000) });
  google.files.set('f-kk', { name: 'KK.pdf', mimeType: 'application/pdf', bytes: pdf() });
  google.files.set('f-sku', { name: 'SKU.pdf', mimeType: 'application/pdf', bytes: pdf() });
  google.files.set('f-foto', { name: 'warung.jpg', mimeType: 'image/jpeg', bytes: jpeg(20_000) });
});
afterAll(() => google.close());

const file = (title: string, id: string, name: string, mimeType: string) => ({
  questionId: id,
  title,
  type: 'FILE_UPLOAD',
  values: [id],
  files: [{ fileId: id, fileName: name, mimeType }],
});
const bbmResponse = (submittedAt: string, kk: string) =>
  JSON.stringify({
    formId: 'demo-rekomendasi-bbm',
    responseId: 'bbm-console-1',
    submittedAt,
    respondentEmail: 'siti@contoh.id',
    answers: [
      { questionId: 'a', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Siti Aminah'] },
      { questionId: 'b', title: 'NIK (16 digit)', type: 'TEXT', values: [NIK] },
      file('Fotokopi/scan KTP', 'f-ktp', `KTP Siti ${NIK}.jpg`, 'image/jpeg'),
      { questionId: 'c', title: 'Nomor Kartu Keluarga (16 digit)', type: 'TEXT', values: [kk] },
      file('Scan Kartu Keluarga', 'f-kk', 'KK.pdf', 'application/pdf'),
      { questionId: 'd', title: 'Nomor telepon/HP', type: 'TEXT', values: ['081234567890'] },
      { questionId: 'e', title: 'Nama usaha', type: 'TEXT', values: ['Warung Siti'] },
      file('Surat Keterangan Usaha', 'f-sku', 'SKU.pdf', 'application/pdf'),
      file('Foto usaha', 'f-foto', 'warung.jpg', 'image/jpeg'),
    ],
  });

/** Watches a page for a CSP violation, a server error, or the applicant's NIK/KK in any HTML. */
const watch = (page: Page, problems: string[]) => watchPage(page, problems, [NIK, KK]);

const signInByLink = async (page: Page, email: string) => {
  await page.goto(`${web.base}/konsol`);
  expect(page.url()).toContain('/konsol/masuk');
  await page.fill('#email', email);
  await page.click('button:has-text("Kirim tautan masuk")');
  await page.waitForSelector('text=Periksa email Anda');
  await screenshots(page, 'console-01b-link-sent');
  // The page answered at once; the link is mailed right after, by this same process.
  await world.deps.background.idle();
  const mail = world.catcher.mail.filter((m) => m.to.includes(email) && m.subject === 'Tautan masuk Loket').at(-1)!;
  const link = mail.text.match(/\/konsol\/masuk\/tautan\/\S+/)![0];
  await page.goto(web.base + link);
  await page.click('button:has-text("Masuk")');
  await page.waitForURL(`${web.base}/konsol`);
};
const signInAsDemo = (page: Page, staffId: string) => signInAs(page, web.base, staffId);
const signOut = async (page: Page) => {
  await page.click('button:has-text("Keluar")');
  await page.waitForSelector('text=Anda telah keluar');
};

describe('a whole rekomendasi-bbm case in the console', () => {
  it('is signed in to, sent back for revision, resubmitted through the form, checked, signed, numbered, and signed out of', async () => {
    const problems: string[] = [];
    const created = await postFormWebhook(world.app, world.deps, bbmResponse('2026-11-25T08:50:00+07:00', '12345'));
    expect(created.status).toBe(201);
    const { caseId, trackingNumber } = await created.json();

    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watch(page, problems);
    await page.goto(`${web.base}/konsol/masuk`);
    await screenshots(page, 'console-01-sign-in');
    await signInByLink(page, 'fungsional@demo.loket.local');
    await screenshots(page, 'console-02-beranda');
    expect(await page.textContent('main')).toContain(trackingNumber);

    await page.click(`a:has-text("${trackingNumber}")`);
    await page.waitForURL(`**/konsol/berkas/${caseId}`);
    await screenshots(page, 'console-03-case');
    expect(await page.textContent('main')).toContain('3514••••••••0001');
    await page.click('a:has-text("Minta perbaikan kepada pemohon")');
    await screenshots(page, 'console-04-revision');
    expect(await page.isChecked('#requirements-kk')).toBe(true);
    await page.fill('#note', 'Nomor KK harus 16 digit sesuai kartu.');
    await page.click('form button[type=submit]:has-text("Minta perbaikan")');
    await page.waitForSelector('text=Tindakan telah disimpan');
    expect(await page.textContent('main')).toContain('Menunggu perbaikan dari pemohon');
    const revision = world.catcher.mail.find(
      (m) => m.to.includes('siti@contoh.id') && m.subject.startsWith('Perlu perbaikan'),
    );
    expect(revision?.text).toContain('Nomor KK harus 16 digit sesuai kartu.');
    expect(revision?.text).toContain('KK');

    // The applicant edits the form response; the webhook brings the new answers back to the officer's step.
    clock.set('2026-11-25T10:30:00+07:00');
    expect((await postFormWebhook(world.app, world.deps, bbmResponse('2026-11-25T10:20:00+07:00', KK))).status).toBe(
      200,
    );
    await page.reload();
    expect(await page.textContent('main')).toContain('3514••••••••0003');
    expect(await page.textContent('main')).toContain('Koreksi dan kualifikasi pemohon');
    await screenshots(page, 'console-05-resubmitted');

    for (let i = 0; i < 5; i++) {
      await page.click('button:has-text("Nyatakan sesuai") >> nth=0');
      await page.waitForSelector('text=Persyaratan telah dinyatakan sesuai');
    }
    await act(page, 'Memenuhi syarat');
    await signOut(page);
    await screenshots(page, 'console-06-signed-out');

    await signInAsDemo(page, 'kadis');
    await page.goto(`${web.base}/konsol/berkas/${caseId}`);
    await act(page, 'Tanda tangan Kepala Dinas');
    await signOut(page);

    await signInAsDemo(page, 'fungsional');
    await page.goto(`${web.base}/konsol/berkas/${caseId}`);
    await act(page, 'Beri nomor dan terbitkan');
    expect(await page.textContent('main')).toContain('Selesai');
    await screenshots(page, 'console-07-finished');
    const record = await world.deps.cases.get(caseId);
    expect(record.state).toBe('selesai');
    const events = await world.deps.cases.events(caseId);
    expect(events.filter((e) => e.type === 'transition').map((e) => e.event)).toEqual([
      'minta_perbaikan',
      'serahkan_perbaikan',
      'memenuhi_syarat',
      'tandatangani',
      'beri_nomor',
    ]);
    await signOut(page);
    expect(problems).toEqual([]);
    // Nothing personal reached a log line on the way (the logger runs at debug level here).
    expect(logs.lines.length).toBeGreaterThan(20);
    expect(
      logs.lines.filter(
        (l) => l.includes(NIK) || l.includes(KK) || l.includes('siti@contoh.id') || l.includes('Siti Aminah'),
      ),
    ).toEqual([]);
    await page.close();
  });

  it('shows the list, a new walk-in, the admin pages and the public pages without errors', async () => {
    const problems: string[] = [];
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watch(page, problems);
    await signInAsDemo(page, 'frontdesk');
    await page.goto(`${web.base}/konsol/berkas?bulan=2026-11`);
    await screenshots(page, 'console-08-list');
    await page.goto(`${web.base}/konsol/baru?layanan=konsultasi`);
    await page.fill('#nama', 'Tamu Loket');
    await page.fill('#f-permasalahan', 'Cara mendaftarkan koperasi');
    await page.click('button:has-text("Daftarkan permohonan")');
    await page.waitForSelector('text=Tanda terima permohonan');
    await screenshots(page, 'console-09-registered');
    await signOut(page);
    await signInAsDemo(page, 'admin');
    for (const [path, name] of [
      ['/konsol/admin', 'admin-home'],
      ['/konsol/admin/petugas', 'admin-staff'],
      ['/konsol/admin/petugas/fungsional', 'admin-staff-edit'],
      ['/konsol/admin/kalender?tahun=2026', 'admin-calendar'],
      ['/konsol/admin/formulir', 'admin-forms'],
      ['/konsol/admin/formulir/ubah?form=demo-konsultasi', 'admin-form-edit'],
      ['/konsol/admin/email', 'admin-mail'],
      ['/konsol/admin/standar', 'admin-standard'],
    ] as const) {
      const res = await page.goto(web.base + path);
      expect(res!.status(), path).toBe(200);
      await screenshots(page, `console-10-${name}`);
    }
    await signOut(page);
    for (const [path, name] of [
      ['/', 'home'],
      ['/layanan/kantor-cabang-ksp', 'service'],
      ['/pengaduan', 'complaints'],
    ] as const) {
      await page.goto(web.base + path);
      await screenshots(page, `public-${name}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
