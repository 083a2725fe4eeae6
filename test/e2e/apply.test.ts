import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots } from '../helpers/browser';
import { signInAsDemo, watchPage } from '../helpers/console-pages';
import { useDemoDesk } from '../helpers/demo-desk';
import { manualClock } from '../helpers/deps';

/**
 * The citizen's whole path in Chromium, as a newcomer walks it on the local desk: from the home page
 * to the service, its (demo) form with a file and a mistyped NIK, the receipt, the public status, the
 * officer's request for revision, the edit link from the mail, and the fixed answers back at the
 * officer's step. The demo form does what Google Forms and the Apps Script do on a stage: the file
 * goes to (emulated) Drive, the body is signed and posted to the same webhook.
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const { world, web, local } = await useDemoDesk(clock);

const NIK = '3514014107900001';
const KK = '3514010101200003';
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(20_000)]);
const pdf = () => Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000));
const mailTo = (email: string, subject: string) =>
  world.catcher.mail.filter((m) => m.to.includes(email) && m.subject.startsWith(subject)).at(-1);

describe('a citizen applies through the demo form, is asked to fix it, and resubmits', () => {
  it('walks from the home page to a fixed request, with a receipt, a status page and an edit link', async () => {
    const problems: string[] = [];
    const page: Page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    // The applicant's own form shows their answers back, as Google's edit page does: the desk's pages
    // are checked for NIK and KK below.
    watchPage(page, problems);

    await page.goto(`${web.base}/`);
    await page.click('a.button:has-text("Ajukan permohonan")');
    await page.click('a:has-text("Rekomendasi")');
    await page.waitForURL('**/layanan/rekomendasi-bbm');
    await screenshots(page, 'apply-01-service');
    await page.click('a.button:has-text("Ajukan permohonan")');
    await page.waitForURL('**/contoh/formulir/rekomendasi-bbm');
    await screenshots(page, 'apply-02-form');

    // Google Forms refuses a response without its required answers, and so does the demo: nothing is sent.
    await page.fill('#email', 'bukan-email');
    await page.evaluate(() => document.querySelector('form')!.setAttribute('novalidate', ''));
    await page.click('button:has-text("Kirim")');
    expect(await page.textContent('.error-summary')).toContain('Email');
    expect(world.catcher.mail).toHaveLength(0);
    await screenshots(page, 'apply-03-form-errors');

    // A mistyped NIK and no KK scan: the request is still taken, as one that needs fixing.
    await page.fill('#email', 'siti@contoh.id');
    await page.fill('#f-nama_pemohon', 'Siti Aminah');
    await page.fill('#f-nik', '35140141079');
    await page.fill('#f-nomor_kk', KK);
    await page.fill('#f-nomor_hp', '081234567890');
    await page.fill('#f-nama_usaha', 'Warung Siti');
    await page.setInputFiles('#f-ktp', { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: jpeg() });
    await page.setInputFiles('#f-sku', { name: 'sku.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.setInputFiles('#f-foto_usaha', { name: 'warung.jpg', mimeType: 'image/jpeg', buffer: jpeg() });
    await page.click('button:has-text("Kirim")');
    await page.waitForSelector('text=Permohonan terkirim');
    const trackingNumber = (await page.textContent('.tn'))!.trim();
    expect(trackingNumber).toMatch(/^BBM-/);
    await screenshots(page, 'apply-04-sent');

    await world.deps.background.idle();
    const receipt = mailTo('siti@contoh.id', 'Permohonan diterima')!;
    expect(receipt.text).toContain(trackingNumber);
    expect(receipt.text).toMatch(/NIK \(16 digit\): .*16 digit/);
    expect(receipt.text).toContain('Scan Kartu Keluarga');
    const editLink = receipt.text.match(/http:\/\/desk\.local\/contoh\/formulir\/rekomendasi-bbm\/ubah\/\S+/)![0];
    const c = (await world.deps.repo.getByTrackingNumber(trackingNumber))!;
    expect(c.attachments.map((a) => [a.fieldId, a.status])).toEqual(
      expect.arrayContaining([
        ['ktp', 'stored'],
        ['sku', 'stored'],
      ]),
    );

    await page.goto(`${web.base}/status`);
    await page.fill('#nomor', trackingNumber);
    await page.click('button:has-text("Cek status")');
    await page.waitForSelector(`h1:has-text("${trackingNumber}")`);
    expect(await page.textContent('main')).toContain('Fotokopi KTP'); // the requirement, as the standard words it (spelling corrected)
    expect(await page.content()).not.toContain('/ubah/'); // the edit link is the applicant's alone
    expect(await page.content()).not.toContain(KK);
    await screenshots(page, 'apply-05-status');

    // The officer sends it back, naming the NIK; the mail says so once, with the edit link.
    const officer = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    watchPage(officer, problems, [NIK, KK]);
    await signInAsDemo(officer, web.base, 'fungsional');
    await officer.goto(`${web.base}/konsol/berkas/${c.id}`);
    // A step the requirements still block is not offered as a button: it says why, and links to them.
    const blocked = (await officer.textContent('.panel.blocked'))!;
    expect(blocked).toContain('Memenuhi syarat');
    expect(blocked).toContain('belum dapat dilakukan');
    expect(await officer.getAttribute('.panel.blocked a >> nth=0', 'href')).toBe('#req-ktp');
    expect(await officer.locator('a.button:has-text("Memenuhi syarat")').count()).toBe(0);
    // An officer marks a requirement "tidak sesuai" with a note, on its own card.
    await officer.click('#req-sku summary');
    await officer.fill('#note-sku', 'Surat keterangan usaha sudah kedaluwarsa.');
    await officer.click('#req-sku button:has-text("Nyatakan tidak sesuai")');
    await officer.waitForSelector('text=dinyatakan tidak sesuai');
    expect(await officer.textContent('#req-sku')).toContain('Surat keterangan usaha sudah kedaluwarsa.');
    await screenshots(officer, 'apply-08-officer-case');
    await officer.click('a:has-text("Minta perbaikan kepada pemohon")');
    await officer.check('#requirements-ktp');
    await officer.fill('#note', 'NIK harus 16 digit sesuai KTP.');
    await officer.click('form button[type=submit]:has-text("Minta perbaikan")');
    await officer.waitForSelector('text=Tindakan telah disimpan');
    await world.deps.background.idle();
    const revision = mailTo('siti@contoh.id', 'Perlu perbaikan')!;
    expect(revision.text.split('NIK harus 16 digit sesuai KTP.')).toHaveLength(2);
    expect(revision.text).toContain('- KK — Scan Kartu Keluarga belum diisi.');
    expect(revision.text).toContain(editLink);

    await page.goto(`${web.base}/status/${trackingNumber}`);
    expect(await page.textContent('main')).toContain('Perlu dilengkapi');
    await screenshots(page, 'apply-06-status-revision');

    // The applicant follows the mail's link: the answers are there, the kept files are named.
    clock.advance(20 * 60_000);
    await page.goto(local(editLink));
    expect(await page.inputValue('#f-nama_usaha')).toBe('Warung Siti');
    expect(await page.textContent('main')).toContain('Tersimpan: ktp.jpg');
    await page.fill('#f-nik', NIK);
    await page.setInputFiles('#f-kk', { name: 'kk.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await screenshots(page, 'apply-07-edit');
    await page.click('button:has-text("Kirim perbaikan")');
    await page.waitForSelector('text=Perbaikan terkirim');

    const fixed = (await world.deps.repo.getByTrackingNumber(trackingNumber))!;
    expect(fixed.state).toBe('kualifikasi_pemohon');
    expect(fixed.checklist.kk?.status).toBe('pending');
    expect(fixed.attachments.filter((a) => a.fieldId === 'ktp')).toHaveLength(1); // kept, not copied twice
    await officer.reload();
    expect(await officer.textContent('main')).toContain('Koreksi dan kualifikasi pemohon');
    expect(problems).toEqual([]);
  });
});
