import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { screenshots, useBrowser } from '../helpers/browser';
import { signInAsDemo as signInAs, watchPage } from '../helpers/console-pages';
import { manualClock, useTestWorld } from '../helpers/deps';

/**
 * Letters in Chromium: a public-information request refused with its Pasal 17 ground (the letter is
 * numbered and waits), the Kabid's paraf and the Kepala Dinas's signature on the signing page, its
 * public verification with a file compared, the register with its CSV, a
 * revocation by the Kepala Dinas, and the letter settings. Pages saved at 390 and 1280 px.
 */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });
const web = useBrowser(world);
beforeAll(() => seedDemoLetterSettings(world.deps));
const signInAsDemo = (page: Page, staffId: string) => signInAs(page, web.base, staffId);

describe('letters in the console and in public', () => {
  it('refuses with a ground, issues and verifies the letter, keeps it in the register, revokes it', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'data-informasi',
      channel: 'walk_in',
      applicant: { name: 'Ahmad Fauzi', email: 'ahmad@example.com' },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
      answers: {
        nama_pemohon: ['Ahmad Fauzi'],
        instansi: ['Ahmad Fauzi'],
        alamat: ['Jl. Pahlawan 12, Bangil'],
        pekerjaan: ['Peneliti'],
        nomor_hp: ['081234567890'],
        email: ['ahmad@example.com'],
        data_diminta: ['Laporan keuangan rinci anggota KSP Makmur'],
        maksud_tujuan: ['Penelitian'],
        pernyataan_sumber: ['Ya'],
      },
    });
    const front = { id: 'frontdesk', roles: ['petugas_layanan' as const] };
    await world.deps.cases.checkRequirement(record.id, {
      requirementId: 'surat_permohonan',
      status: 'ok',
      actor: front,
    });
    await world.deps.cases.act(record.id, { event: 'terima', actor: front });

    const problems: string[] = [];
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watchPage(page, problems);
    await signInAsDemo(page, 'subkoor');
    await page.goto(`${web.base}/konsol/berkas/${record.id}`);
    expect(await page.textContent('body')).toContain('Batas jawaban (UU KIP, 10 hari kerja)');
    await page.fill('#reason', 'Data harus dihimpun dari tiga bidang.');
    await page.click('button:has-text("Perpanjang batas jawaban")');
    await page.waitForSelector('text=Batas jawaban diperpanjang 7 hari kerja');

    await page.click('a:has-text("Informasi dikecualikan")');
    await page.fill('#note', 'Data pribadi anggota koperasi.');
    await page.click('form button[type=submit]:has-text("Informasi dikecualikan")');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain('Pilih dasar pengecualian');
    await screenshots(page, 'letters-01-refusal-errors');
    await page.selectOption('#ground', 'h');
    await page.fill(
      '#consequenceTest',
      'Membuka keuangan pribadi anggota merugikan hak privasi mereka lebih besar daripada manfaatnya bagi pemohon.',
    );
    await page.fill('#exemptionPeriod', 'Selama pemilik data tidak memberi izin');
    await page.click('form button[type=submit]:has-text("Informasi dikecualikan")');
    await page.waitForSelector('text=Tindakan telah disimpan');
    const c = await world.deps.cases.get(record.id);
    expect(c.letterNumber).toMatch(/^500\.3\.1\/1\/424\.085\/2026$/);
    expect(await page.textContent('#ringkasan ~ dl')).toContain(c.letterNumber!);
    expect(await page.textContent('.timeline')).toContain('Surat diberi nomor, menunggu tanda tangan');
    expect(await page.textContent('main')).toContain('Menunggu paraf dan tanda tangan');
    await screenshots(page, 'letters-02-case-waiting');
    // Not signed, not issued: the letter's address says so, and nobody can download it.
    await page.goto(`${web.base}/verifikasi/${c.letterId}`);
    expect(await page.textContent('body')).toContain('Surat ini belum terbit');
    // Its date is the signing's, so none is shown yet.
    expect(await page.textContent('main')).toContain('Belum bertanggal');
    await screenshots(page, 'letters-02b-verify-waiting');
    await page.goto(`${web.base}/konsol`);
    await page.click('button:has-text("Keluar")');

    // The Kabid initials the draft, then the Kepala Dinas signs it on the page that shows it as issued.
    await signInAsDemo(page, 'kabid-pk');
    await page.goto(`${web.base}/konsol/surat/${c.letterId}`);
    expect(await page.textContent('main')).toContain('Paraf Kepala Bidang Pemberdayaan');
    expect(await page.$('button:has-text("Tanda tangani")')).toBeNull();
    await screenshots(page, 'letters-02c-paraf');
    await page.click('button:has-text("Paraf surat ini")');
    await page.waitForSelector('text=Paraf Anda tercatat');
    await page.goto(`${web.base}/konsol`);
    await page.click('button:has-text("Keluar")');
    await signInAsDemo(page, 'kadis');
    await page.goto(`${web.base}/konsol/surat/${c.letterId}`);
    const signing = await page.textContent('main');
    expect(signing).toContain('menunggu sekarang');
    expect(signing).toContain('Pasal 17 huruf h');
    expect(signing).toContain('Sertifikat desk Loket (bukan tanda tangan tersertifikasi)');
    await screenshots(page, 'letters-02d-signing-page');
    const draft = await page.request.get(`${web.base}/konsol/surat/${c.letterId}/draf.pdf`);
    expect(draft.headers()['content-type']).toBe('application/pdf');
    await page.click('button:has-text("Tanda tangani dan terbitkan")');
    await page.waitForSelector('text=Surat telah ditandatangani dan terbit');
    await screenshots(page, 'letters-02e-signed');
    await page.goto(`${web.base}/konsol`);
    await page.click('button:has-text("Keluar")');

    const letter = (await world.deps.letters.get(c.letterId!))!;
    expect(letter.status).toBe('berlaku');
    await page.goto(`${web.base}/verifikasi/${letter.id}`);
    expect(await page.textContent('body')).toContain('berlaku');
    expect(await page.textContent('body')).toContain('Kepala Dinas (demo)');
    expect(await page.textContent('body')).not.toContain('Ahmad');
    await screenshots(page, 'letters-03-verify');
    const s3 = await world.deps.files.client();
    const pdf = Buffer.from(
      await (
        await s3.send(new GetObjectCommand({ Bucket: world.deps.config.LOKET_BUCKET, Key: letter.s3Key! }))
      ).Body!.transformToByteArray(),
    );
    await page.setInputFiles('#berkas', { name: 'surat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.click('button:has-text("Periksa")');
    await page.waitForSelector('text=sama persis');
    await screenshots(page, 'letters-04-verify-match');
    // A file far larger than any letter is refused before it is read, with a page.
    await page.setInputFiles('#berkas', { name: 'besar.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5e6) });
    await page.click('button:has-text("Periksa")');
    await page.waitForSelector('text=Permintaan tidak dapat diproses');
    expect(await page.textContent('main')).toContain('4,4 MB');
    await screenshots(page, 'letters-04b-verify-too-large');
    await signInAsDemo(page, 'kadis');
    await page.click('a:has-text("Register surat")');
    expect(await page.textContent('.cards')).toContain(letter.number);
    await screenshots(page, 'letters-05-register');
    const csv = await (await page.request.get(`${web.base}/konsol/surat.csv?tahun=2026`)).text();
    expect(csv).toContain(letter.number);
    expect(csv).toContain('A**** F****');
    expect(csv).not.toContain('Ahmad');
    await page.click('summary:has-text("Cabut surat ini")');
    await page.click('button:has-text("Cabut surat")');
    await page.waitForSelector('.error-summary');
    await page.click('summary:has-text("Cabut surat ini")');
    await page.fill(`#alasan-${letter.id}`, 'Diterbitkan atas data yang keliru.');
    await page.click('button:has-text("Cabut surat")');
    await page.waitForSelector('text=Surat telah dicabut');
    expect(await page.textContent('.cards')).toContain('Dicabut');
    await screenshots(page, 'letters-06-register-revoked');
    expect(await page.textContent('.cards')).toContain('unduh arsip (PDF)');
    await page.goto(`${web.base}/konsol/berkas/${letter.caseId}`);
    expect(await page.textContent('main')).toContain('salinan arsipnya ada di');
    expect(await page.$('a:has-text("Unduh surat (PDF)")')).toBeNull();
    await screenshots(page, 'letters-06b-case-revoked');
    await page.goto(`${web.base}/verifikasi/${letter.id}`);
    expect(await page.textContent('body')).toContain('telah dicabut');
    await screenshots(page, 'letters-07-verify-revoked');
    // The QR code of a forged letter: a page that says the letter is not in the register.
    const forged = await page.goto(`${web.base}/verifikasi/abcdefghijkmnpqrstuvwxyz`);
    expect(forged?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Surat tidak terdaftar');
    await screenshots(page, 'letters-07b-verify-forged');
    await page.goto(`${web.base}/konsol`);
    await page.click('button:has-text("Keluar")');

    await signInAsDemo(page, 'admin');
    await page.goto(`${web.base}/konsol/admin/surat`);
    await screenshots(page, 'letters-08-settings');
    await page.fill('[id="signatory.name"]', 'Drs. Contoh Nama, M.Si.');
    await page.fill('[id="classification.rekomendasi-bbm"]', '500.3.x');
    await page.click('button:has-text("Simpan pengaturan")');
    await page.waitForSelector('.error-summary');
    await page.fill('[id="classification.rekomendasi-bbm"]', '500.3.7');
    await page.click('button:has-text("Simpan pengaturan")');
    await page.waitForSelector('text=Pengaturan surat disimpan');
    expect((await world.deps.letters.settings()).data.signatory.name).toBe('Drs. Contoh Nama, M.Si.');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000); // one long walk in Chromium: 22 s alone here, past 30 s when the machine is busy
});
