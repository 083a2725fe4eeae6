import { describe, expect, it } from 'vitest';
import { manualClock, postFormWebhook, useTestWorld } from '../helpers/deps';

/** Personal data in the console: masked for everyone, shown only to the service's own officers on request, and logged. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const NIK = '3514014107900001';
const form = (cookie: string, body: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { origin: 'http://localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});
const signIn = async (staffId: string) => {
  const res = await world.app.request('/konsol/masuk/dev', form('', { staffId, lanjut: '/konsol' }));
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('loket_sesi='))!;
};

describe('personal data by role', () => {
  it("never shows a NIK unmasked in lists or the case page; a reveal is the service officers' only, and logged", async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'walk_in',
      applicant: { name: 'Siti', phone: '081234567890', email: 'siti@contoh.id' },
      answers: { nik: [NIK], nomor_kk: ['3514010101200003'] },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    for (const staffId of ['admin', 'pengawas', 'fungsional', 'kadis']) {
      const cookie = await signIn(staffId);
      for (const path of ['/konsol', '/konsol/berkas', `/konsol/berkas/${record.id}`]) {
        const html = await (await world.app.request(path, { headers: { cookie } })).text();
        expect(html, `${staffId} ${path}`).not.toContain(NIK);
        expect(html, `${staffId} ${path}`).not.toContain('3514010101200003');
        expect(html, `${staffId} ${path}`).not.toContain('081234567890');
      }
    }
    // The administrator and an officer of another field may not reveal.
    for (const staffId of ['admin', 'pengawas']) {
      const cookie = await signIn(staffId);
      const page = await (await world.app.request(`/konsol/berkas/${record.id}`, { headers: { cookie } })).text();
      expect(page).not.toContain('Tampilkan data pribadi');
      const res = await world.app.request(`/konsol/berkas/${record.id}/tampilkan`, form(cookie));
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(NIK);
    }
    // The officer of the step may, and it is logged.
    const cookie = await signIn('fungsional');
    const revealed = await world.app.request(`/konsol/berkas/${record.id}/tampilkan`, form(cookie));
    expect(revealed.status).toBe(200);
    expect(await revealed.text()).toContain(NIK);
    expect(await world.deps.repo.documentAccessLog(record.id)).toEqual([
      expect.objectContaining({ staffId: 'fungsional', fieldId: 'data_pribadi' }),
    ]);
  });
});

describe('form mappings edited by an administrator', () => {
  it('previews a pasted sample against the mapping, saves it, and the webhook then uses it', async () => {
    const cookie = await signIn('admin');
    const sample = JSON.stringify({
      answers: [
        { questionId: 'q1', title: 'Nama Anda' },
        { questionId: 'q2', title: 'Pertanyaan lain' },
      ],
    });
    const fields = {
      formId: 'form-baru-1',
      serviceId: 'konsultasi',
      formUrl: '',
      questions: 'Nama Anda = nama_pemohon\nq9 = permasalahan',
      sample,
    };
    const preview = await world.app.request(
      '/konsol/admin/formulir/ubah',
      form(cookie, { ...fields, aksi: 'pratinjau' }),
    );
    const html = await preview.text();
    expect(html).toMatch(/Nama Anda<\/td><td><strong class="tag tag-green">nama_pemohon/);
    expect(html).toMatch(/Pertanyaan lain<\/td><td><strong class="tag tag-red">Tidak dikenali/);
    expect((await world.deps.formMappings.list()).some((m) => m.formId === 'form-baru-1')).toBe(false);
    const wrong = await world.app.request(
      '/konsol/admin/formulir/ubah',
      form(cookie, { ...fields, questions: 'Nama Anda = bukan_isian', aksi: 'simpan' }),
    );
    expect(wrong.status).toBe(400);
    const saved = await world.app.request('/konsol/admin/formulir/ubah', form(cookie, { ...fields, aksi: 'simpan' }));
    expect(saved.status).toBe(303);
    expect((await world.deps.formMappings.list()).find((m) => m.formId === 'form-baru-1')).toMatchObject({
      serviceId: 'konsultasi',
      questions: { 'Nama Anda': 'nama_pemohon' },
    });
    const res = await postFormWebhook(
      world.app,
      world.deps,
      JSON.stringify({
        formId: 'form-baru-1',
        responseId: 'mapped-1',
        submittedAt: '2026-11-25T08:00:00+07:00',
        answers: [{ questionId: 'q1', title: 'Nama Anda', type: 'TEXT', values: ['Warga'] }],
      }),
    );
    expect(res.status).toBe(201);
    expect((await world.deps.cases.get((await res.json()).caseId)).applicant.name).toBe('Warga');
  });
});

describe('lists and periods say what they understood', () => {
  it('finds a case by a piece of its number, shows who and when, and names an ill-formed filter', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'Bu Lestari Wahyuni', phone: '081234567891' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const cookie = await signIn('kadis');
    const list = (q: string) => world.app.request(`/konsol/berkas?${q}`, { headers: { cookie } });

    const piece = record.trackingNumber.slice(9, 14).toLowerCase();
    const found = await list(`nomor=${piece}`);
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain(record.trackingNumber);
    expect(html).toContain('Bu Lestari Wahyuni · Diterima 25 November 2026');
    expect(html).toContain(`yang memuat “${piece.toUpperCase()}”`);

    const typo = await list('nomor=x');
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain('Nomor registrasi tidak dikenali');
    const month = await list('bulan=abc');
    expect(month.status).toBe(400);
    const monthPage = await month.text();
    expect(monthPage).toContain('Bulan diterima harus berbentuk tahun-bulan, contoh: 2026-11.');
    expect(monthPage).toContain('href="#bulan"');
  });

  it('refuses a report period it cannot read, on its field, instead of showing another period', async () => {
    const cookie = await signIn('kadis');
    for (const [q, text] of [
      ['triwulan=2026-Q5', 'Triwulan harus berbentuk YYYY-Qn. Contoh: 2026-Q4'],
      ['bulan=abc', 'Bulan harus berbentuk YYYY-MM. Contoh: 2026-11'],
      ['tahun=26', 'Tahun harus berbentuk YYYY. Contoh: 2026'],
    ] as const) {
      const res = await world.app.request(`/konsol/laporan?${q}`, { headers: { cookie } });
      expect(res.status, q).toBe(400);
      const html = await res.text();
      expect(html, q).toContain(text);
      expect(html, q).not.toContain('Ketepatan waktu per layanan');
    }
    const csv = await world.app.request('/konsol/laporan.csv?triwulan=2026-Q5', { headers: { cookie } });
    expect(csv.status).toBe(400);
  });
});
