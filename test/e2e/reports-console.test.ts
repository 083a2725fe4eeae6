import { describe, expect, it } from 'vitest';
import { UNSUR } from '@loket/core';
import { screenshots, useBrowser } from '../helpers/browser';
import { signInAsDemo as signInAs, watchPage } from '../helpers/console-pages';
import { forceCase, manualClock, useTestWorld } from '../helpers/deps';
import { recordBusiness } from '../helpers/umkm';

/**
 * The survey, the report and the public performance page in Chromium, at 390 and 1280 px: a walk-in
 * visitor scans the QR code on the finished case and answers; the Kepala Dinas reads the month's
 * report with its charts and CSV; anyone reads /kinerja.
 */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });
const web = useBrowser(world);

const finished = async (serviceId: string, receivedIso: string, closedIso: string) => {
  const { record } = await world.deps.cases.open({
    serviceId,
    channel: 'walk_in',
    applicant: { name: 'Tamu' },
    answers: { permasalahan: ['Modal usaha'] },
    receivedAt: Date.parse(receivedIso),
    actorId: 'frontdesk',
  });
  return forceCase(
    world.deps,
    record.id,
    { state: 'selesai', closedAt: Date.parse(closedIso), assigneeId: 'konsultan' },
    Date.parse(closedIso),
    'selesai',
  );
};

describe('survey, report and public performance', () => {
  it("takes a walk-in visitor's answer from the desk QR code, reports the month with charts, and shows /kinerja", async () => {
    const c = await finished('konsultasi', '2026-11-24T09:00:00+07:00', '2026-11-24T10:00:00+07:00');
    await finished('konsultasi', '2026-08-11T09:00:00+07:00', '2026-08-11T09:40:00+07:00');
    await finished('rekomendasi-bbm', '2026-08-12T09:00:00+07:00', '2026-08-12T11:30:00+07:00');
    const problems: string[] = [];
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    watchPage(page, problems);

    await signInAs(page, web.base, 'frontdesk');
    await page.goto(`${web.base}/konsol/berkas/${c.id}`);
    expect(await page.$('.qr svg')).not.toBeNull();
    await screenshots(page, 'survey-01-desk-qr');
    await page.click('button:has-text("Keluar")');

    await page.goto(`${web.base}/survei/${c.id}.${c.survey!.token}`);
    await screenshots(page, 'survey-02-form');
    await page.click('button:has-text("Kirim penilaian")');
    await page.waitForSelector('.error-summary');
    for (const [i, u] of UNSUR.entries()) await page.check(`#${u.id}-${i === 2 ? 2 : 4}`);
    await page.fill('#saran', 'Ruang tunggu perlu kipas angin.');
    await page.click('button:has-text("Kirim penilaian")');
    await page.waitForSelector('text=Penilaian Anda telah kami terima');
    await screenshots(page, 'survey-03-thanks');

    await signInAs(page, web.base, 'kadis');
    await page.click('a:has-text("Laporan")');
    expect(await page.textContent('h1')).toContain('November 2026');
    expect(await page.$$('figure.chart svg')).toHaveLength(2);
    expect(await page.textContent('body')).toContain('Waktu Penyelesaian');
    await screenshots(page, 'report-01-month');
    const csv = await (await page.request.get(`${web.base}/konsol/laporan.csv?tabel=layanan&bulan=2026-11`)).text();
    expect(csv.split('\r\n')[0]).toContain('persen_tepat_waktu');
    await page.goto(`${web.base}/konsol/laporan?triwulan=2026-Q3`);
    expect(await page.textContent('h1')).toContain('Triwulan 3 2026');
    await screenshots(page, 'report-02-quarter');
    await recordBusiness(world.deps, clock.now(), 'Keripik Tempe Bu Siti', {
      kecamatan: 'Bangil',
      sektor: 'Makanan dan minuman',
      skala: 'Mikro',
      tenaga_kerja: '3',
    });
    await recordBusiness(world.deps, clock.now(), 'Batik Tulis Pandaan', {
      kecamatan: 'Pandaan',
      sektor: 'Fesyen dan tekstil',
      skala: 'Kecil',
      tenaga_kerja: '12',
    });
    await page.click('a:has-text("Registri UMKM")');
    expect(await page.textContent('.lead')).toContain('2 usaha tercatat, 15 tenaga kerja');
    expect(await page.textContent('body')).not.toContain('3514014107900001');
    await screenshots(page, 'umkm-01-registry');
    await page.click('button:has-text("Keluar")');

    // The Klinik KUKM: a session added by the Admin Klinik, a qualified applicant booked into it.
    const { record: klinik } = await world.deps.cases.open({
      serviceId: 'klinik-kukm',
      channel: 'walk_in',
      applicant: { name: 'Budi' },
      answers: { nama_pemohon: ['Budi'], kebutuhan: ['Pemasaran'] },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    await forceCase(world.deps, klinik.id, { state: 'penjadwalan' }, clock.now(), 'klasifikasi_selesai');
    await signInAs(page, web.base, 'admin-klinik');
    await page.click('a:has-text("Jadwal Klinik")');
    await page.fill('#date', '2026-12-08');
    await page.fill('#time', '09:00');
    await page.selectOption('#topic', 'Pemasaran');
    await page.fill('#capacity', '8');
    await page.click('button:has-text("Tambah sesi")');
    await page.waitForSelector('text=Sesi jadwal ditambahkan');
    await screenshots(page, 'klinik-01-schedule');
    await page.goto(`${web.base}/konsol/berkas/${klinik.id}/tindakan/jadwalkan`);
    expect(await page.textContent('#sessionId')).toContain('Pemasaran');
    await screenshots(page, 'klinik-02-book');
    await page.click('form button[type=submit]:has-text("Jadwal layanan ditetapkan")');
    await page.waitForSelector('text=Tindakan telah disimpan');
    expect(await page.textContent('.timeline')).toContain(
      'Jadwal Klinik KUKM: Selasa, 8 Desember 2026 pukul 09.00 WIB',
    );
    await page.click('button:has-text("Keluar")');
    await page.goto(`${web.base}/klinik`);
    expect(await page.textContent('body')).toContain('Sisa 7 kursi');
    await screenshots(page, 'public-klinik');

    // Sosialisasi: the Sekretariat records the Kepala Bagian's paraf, given outside the Dinas.
    const { record: sos } = await world.deps.cases.open({
      serviceId: 'sosialisasi',
      channel: 'internal',
      applicant: { name: 'Bidang Usaha Mikro' },
      receivedAt: clock.now(),
      actorId: 'subkoor',
      answers: {},
    });
    await forceCase(world.deps, sos.id, { state: 'paraf_kabag' }, clock.now(), 'nota_terverifikasi');
    await signInAs(page, web.base, 'sekdis');
    await page.goto(`${web.base}/konsol/berkas/${sos.id}/tindakan/paraf`);
    await page.click('form button[type=submit]:has-text("Catat paraf")');
    await page.waitForSelector('.error-summary');
    await page.fill('#approvedOn', '2026-11-25');
    await page.fill('#notaNumber', '005/77/424.085/2026');
    await screenshots(page, 'sosialisasi-01-outside-approval');
    await page.click('form button[type=submit]:has-text("Catat paraf")');
    await page.waitForSelector('text=Tindakan telah disimpan');
    await page.click('button:has-text("Keluar")');

    await page.goto(`${web.base}/kinerja`);
    expect(await page.textContent('body')).toContain('Triwulan 3 2026');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshots(page, 'public-kinerja');
    expect(problems).toEqual([]);
    await page.close();
  });
});
