import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { ARTIFACTS, screenshots, useBrowser } from '../helpers/browser';
import { act, signInAsDemo, watchPage } from '../helpers/console-pages';
import { manualClock, postFormWebhook, useTestWorld } from '../helpers/deps';
import { type GoogleApi, startGoogleApi } from '../../functions/local/google-emulator';

/**
 * A second office on the same code: an invented kecamatan whose standard (four services: a letter whose
 * clock starts when the file is complete, a fee in rupiah counted in calendar days, a product issued by
 * OSS, a complaint counted in working hours; its own roles, signatory and number pattern) is only a
 * document, test/fixtures/standards/kecamatan-sumberwaras.yaml. Nothing in code was written for it.
 */
const STANDARD = 'test/fixtures/standards/kecamatan-sumberwaras.yaml';
const google: GoogleApi = await startGoogleApi();
afterAll(() => google.close());
const clock = manualClock('2026-12-07T09:00:00+07:00'); // a Monday
const world = useTestWorld({
  time: clock,
  mail: true,
  env: {
    LOKET_STANDARD: STANDARD,
    GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey,
    GOOGLE_API_ROOT_URL: google.rootUrl,
  },
});
const web = useBrowser(world);
beforeAll(() => seedDemoLetterSettings(world.deps));
const NIK = '3599014107900001';
const PDF = Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000));
/** Nothing of the shipped office may show through on the second one. */
const FIRST_OFFICE = /Pasuruan|Koperasi|Kepala Dinas|0343/;

describe('a second office, from its document alone', () => {
  it('publishes its own services, standard, maklumat and complaint channels at 390 and 1280 px', async () => {
    const problems: string[] = [];
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watchPage(page, problems);
    const pages = [
      ['/', 'home', ['Layanan Kecamatan Sumberwaras', '4 layanan', 'Peminjaman Pendopo Kecamatan']],
      [
        '/layanan/domisili-usaha',
        'letter-service',
        [
          '3 hari kerja dengan berkas lengkap dan benar',
          '3 hari kerja sejak berkas lengkap',
          'Camat',
          'Jaminan pelayanan',
        ],
      ],
      [
        '/layanan/sewa-pendopo',
        'fee-service',
        ['Rp 250.000 per hari', 'Jangka waktu7 hari kalender', 'Tertulis dalam Standar Pelayanan'],
      ],
      [
        '/layanan/pendampingan-nib',
        'referral-service',
        ['Produk diterbitkan melalui OSS', 'Jangka waktu14 hari kalender'],
      ],
      ['/maklumat', 'maklumat', ['Maklumat Pelayanan', 'CAMAT SUMBERWARAS', 'Keputusan Camat Sumberwaras']],
      ['/pengaduan', 'complaints', ['Kotak saran', 'WhatsApp pengaduan', '8 jam kerja']],
    ] as const;
    for (const [path, name, texts] of pages) {
      const res = await page.goto(web.base + path);
      expect(res!.status(), path).toBe(200);
      const body = (await page.textContent('body'))!;
      for (const t of texts) expect(body, `${path}: ${t}`).toContain(t);
      expect(body, path).not.toMatch(FIRST_OFFICE);
      expect(await page.title()).toContain('Loket Kecamatan Sumberwaras');
      await screenshots(page, `office2-${name}`);
    }
    // Not every service is free here, so the pages do not say so.
    expect(await page.textContent('footer')).not.toContain('Semua layanan gratis');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works a case through its own officers: the clock waits for a complete file, the Camat signs, the letter takes its own number', async () => {
    const problems: string[] = [];
    // Through the office's Google Form (its demo form: questions titled as the document's fields).
    google.files.set('f-pengantar', { name: 'pengantar.pdf', mimeType: 'application/pdf', bytes: PDF });
    const res = await postFormWebhook(
      world.app,
      world.deps,
      JSON.stringify({
        formId: 'demo-domisili-usaha',
        responseId: 'office2-1',
        submittedAt: '2026-12-07T08:50:00+07:00',
        respondentEmail: 'budi@contoh.id',
        answers: [
          { questionId: 'a', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Budi Santoso'] },
          { questionId: 'b', title: 'Desa/Kelurahan lokasi usaha', type: 'RADIO', values: ['Karangrejo'] },
          {
            questionId: 'c',
            title: 'Surat pengantar desa/kelurahan',
            type: 'FILE_UPLOAD',
            values: ['f-pengantar'],
            files: [{ fileId: 'f-pengantar', fileName: 'pengantar.pdf', mimeType: 'application/pdf' }],
          },
          { questionId: 'd', title: 'NIK (16 digit)', type: 'TEXT', values: [NIK] },
          { questionId: 'e', title: 'Nama usaha', type: 'TEXT', values: ['Toko Budi'] },
          { questionId: 'f', title: 'Nomor HP/WhatsApp', type: 'TEXT', values: ['081234567890'] },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const record = await world.deps.cases.get((await res.json()).caseId);
    expect(record.trackingNumber).toMatch(/^SKD-2612-/);
    // "3 hari kerja dengan berkas lengkap": no deadline until the file is complete.
    expect(record.clock.dueAt).toBeUndefined();

    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watchPage(page, problems, [NIK]);
    clock.set('2026-12-08T10:00:00+07:00');
    await signInAsDemo(page, web.base, 'staf-pelayanan');
    await page.goto(`${web.base}/konsol/berkas/${record.id}`);
    expect(await page.textContent('main')).not.toMatch(FIRST_OFFICE);
    await screenshots(page, 'office2-case-received');
    for (let i = 0; i < 2; i++) {
      await page.click('button:has-text("Nyatakan sesuai") >> nth=0');
      await page.waitForSelector('text=Persyaratan telah dinyatakan sesuai');
    }
    await act(page, 'Berkas lengkap: ajukan paraf');
    // Counted from Tuesday 10:00, not Monday's receipt: three working days end at the close of the third
    // working day after it (docs/RULES.md §2), in the kecamatan's own hours (08:00–15:00): Friday 15:00.
    const complete = await world.deps.cases.get(record.id);
    expect(complete.clock.dueAt).toBe(Date.parse('2026-12-11T15:00:00+07:00'));
    expect(complete.assigneeId).toBe('kasi-pelayanan');
    await screenshots(page, 'office2-case-complete');
    await page.click('button:has-text("Keluar")');

    await signInAsDemo(page, web.base, 'kasi-pelayanan');
    await page.goto(`${web.base}/konsol/berkas/${record.id}`);
    await act(page, 'Konsep surat diparaf');
    await page.click('button:has-text("Keluar")');

    await signInAsDemo(page, web.base, 'camat');
    await page.goto(`${web.base}/konsol/berkas/${record.id}`);
    await act(page, 'Tandatangani dan terbitkan surat');
    expect(await page.textContent('main')).toContain('Selesai');
    // The step numbers the letter; the Camat signs it on its page, and only then is it issued.
    const numbered = await world.deps.cases.get(record.id);
    await page.goto(`${web.base}/konsol/surat/${numbered.letterId}`);
    await page.click('button:has-text("Tanda tangani dan terbitkan")');
    await page.waitForSelector('text=Surat telah ditandatangani dan terbit');
    await page.goto(`${web.base}/konsol/berkas/${record.id}`);
    await screenshots(page, 'office2-case-finished');

    const done = await world.deps.cases.get(record.id);
    expect(done.state).toBe('selesai');
    const letter = (await world.deps.letters.get(done.letterId!))!;
    expect(letter.number).toBe('500.2/1/3599.07/XII/2026');
    const s3 = await world.deps.files.client();
    const r = await s3.send(new GetObjectCommand({ Bucket: world.deps.config.LOKET_BUCKET, Key: letter.s3Key! }));
    const pdf = new Uint8Array(await r.Body!.transformToByteArray());
    const dir = mkdtempSync(join(tmpdir(), 'loket-office2-'));
    writeFileSync(join(dir, 'l.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '110', join(dir, 'l.pdf'), join(dir, 'page')]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    pngs
      .sort()
      .forEach((f, i) => writeFileSync(join(ARTIFACTS, `office2-letter-${i + 1}.png`), readFileSync(join(dir, f))));
    const text = execFileSync('pdftotext', [join(dir, 'l.pdf'), '-']).toString();
    expect(text).toContain('KECAMATAN SUMBERWARAS');
    expect(text).toContain('CAMAT SUMBERWARAS');
    expect(text).toContain('500.2/1/3599.07/XII/2026');
    expect(text).not.toMatch(FIRST_OFFICE);

    // The administrator reads the standard the desk runs.
    await page.click('button:has-text("Keluar")');
    await signInAsDemo(page, web.base, 'admin');
    await page.goto(`${web.base}/konsol/admin/standar`);
    const standardPage = (await page.textContent('main'))!;
    expect(standardPage).toContain('versi 2026.2');
    expect(standardPage).toContain('Tanda tangan Camat — Camat');
    await screenshots(page, 'office2-admin-standard');

    // The applicant's mail is signed by this office.
    const mail = world.catcher.mail.filter((m) => m.to.includes('budi@contoh.id'));
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) {
      expect(m.text).toContain('Kecamatan Sumberwaras');
      expect(m.text).not.toMatch(FIRST_OFFICE);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
