import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { services } from '@loket/core';
import { manualClock, useTestWorld } from '../helpers/deps';

/** The public face: services, one service, complaints, Open311 requests — no personal data anywhere. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('public pages', () => {
  it('lists the nine services at / and shows each with the sections of the standard and how to apply', async () => {
    const home = await (await world.app.request('/')).text();
    for (const s of services()) expect(home).toContain(`href="/layanan/${s.id}"`);
    await world.deps.formMappings.put({
      formId: 'form-bbm-1',
      serviceId: 'rekomendasi-bbm',
      questions: { 'Nama lengkap pemohon': 'nama_pemohon' },
      formUrl: 'https://docs.google.com/forms/d/e/abc/viewform',
    });
    const page = await (await world.app.request('/layanan/rekomendasi-bbm')).text();
    for (const section of [
      'Persyaratan',
      'Sistem, mekanisme dan prosedur',
      'Jangka waktu',
      'Biaya',
      'Produk',
      'Pengaduan',
      'Dasar hukum',
      'Cara mengajukan',
    ])
      expect(page).toContain(section);
    expect(page).toContain('https://docs.google.com/forms/d/e/abc/viewform');
    expect((await world.app.request('/layanan/tidak-ada')).status).toBe(404);
    // One form of deadline, fee and product in the list; the standard's own words on the service page.
    for (const printed of ['1 (Satu) Jam', '1 (satu) Hari', '5 Hari Kerja', 'Tidak dipungut biaya', 'USAHA MIKRO'])
      expect(home).not.toContain(printed);
    expect(home).toContain('Selesai dalam 1 jam kerja');
    expect(home).toContain('Semua layanan gratis.');
    expect(page).toContain('Tertulis dalam Standar Pelayanan: “USAHA MIKRO”');
    expect(page).toContain('Surat Rekomendasi Penggunaan BBM Bersubsidi (usaha mikro)');
    // Text goes gzipped to a browser that accepts it, and every page describes itself to search engines.
    const zipped = await world.app.request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    expect(unzipped).toMatch(/<meta name="description" content="Loket layanan [^"]+ semua layanan gratis\."/);
    expect(page).toMatch(/<meta name="description" content="[^"]*jangka waktu 1 jam kerja, biaya gratis/);
    // A quarter with nothing finished says so once, not on every service.
    const kinerja = await (await world.app.request('/kinerja')).text();
    expect(kinerja).toContain('Triwulan 3 2026: 0 permohonan diterima; belum ada yang selesai');
    expect(kinerja).toContain('belum ada jawaban survei.');
    expect(kinerja.match(/[Bb]elum ada/g)).toHaveLength(2);
    expect(kinerja).not.toContain('–');
    const complaint = await (await world.app.request('/pengaduan')).text();
    expect(complaint).toContain('SP4N-LAPOR!');
    expect(complaint).toContain('(0343) 5616140');
  });
});

describe('Open311 requests', () => {
  const open = (name: string, confidential = false) =>
    world.deps.cases.open({
      serviceId: 'pengaduan',
      channel: 'letter',
      applicant: { name, email: `${name.toLowerCase()}@contoh.id` },
      answers: { uraian: ['Rahasia pribadi'] },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
      confidential,
    });
  const list = async (query: string, client: string) =>
    (await (await world.app.request(`/open311/v2/requests.json?${query}`, {}, from(client))).json()) as {
      service_request_id: string;
    }[];

  it('lists requests with the public view and an opaque id only, never a confidential one; one request by that id', async () => {
    const { record: visible } = await open('Budi');
    const { record: hidden } = await open('Rahasia', true);
    const rows = await list('service_code=pengaduan', '192.0.2.50');
    const text = JSON.stringify(rows);
    // No tracking number leaves in a listing: each opens a citizen's status page.
    for (const secret of ['Budi', 'budi@contoh.id', 'Rahasia pribadi', visible.trackingNumber, hidden.trackingNumber])
      expect(text).not.toContain(secret);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service_request_id: expect.stringMatching(/^sr-[a-z]+-2611-[0-9a-f]{20}$/),
      status: 'open',
      service_code: 'pengaduan',
      requested_datetime: '2026-11-25T09:00:00+07:00',
    });
    const id = rows[0]!.service_request_id;
    expect(await list(`service_request_id=${id}`, '192.0.2.50')).toEqual(rows);
    const one = await world.app.request(`/open311/v2/requests/${id}.json`, {}, from('192.0.2.50'));
    expect(await one.json()).toEqual(rows);
    // A tracking number is not an Open311 id.
    expect(
      (await world.app.request(`/open311/v2/requests/${visible.trackingNumber}.json`, {}, from('192.0.2.50'))).status,
    ).toBe(404);
    expect(
      (await world.app.request('/open311/v2/requests.json?start_date=kemarin', {}, from('192.0.2.50'))).status,
    ).toBe(400);
  });

  it("counts Open311 lookups that miss against the status page's limit, and the other way round", async () => {
    const { record } = await open('Sari');
    const [row] = await list('service_code=pengaduan', '192.0.2.60');
    const guess = (i: number) => `/open311/v2/requests/sr-adu-2611-${String(i).padStart(20, '0')}.json`;
    // Ten wrong guesses through Open311 …
    for (let i = 0; i < 10; i++) expect((await world.app.request(guess(i), {}, from('192.0.2.61'))).status).toBe(404);
    // … and the same client's next lookup is slowed down at either door, even a right one.
    const status = await world.app.request(`/api/status/${record.trackingNumber}`, {}, from('192.0.2.61'));
    expect(status.status).toBe(429);
    expect(status.headers.get('retry-after')).toBeTruthy();
    expect((await world.app.request(guess(99), {}, from('192.0.2.61'))).status).toBe(429);
    // Ten wrong tracking numbers on the status API hold Open311 back for that client too.
    for (let i = 0; i < 10; i++)
      expect((await world.app.request(`/api/status/ADU-2611-ZZZZZ${i}`, {}, from('192.0.2.62'))).status).toBe(404);
    expect(
      (await world.app.request(`/open311/v2/requests/${row!.service_request_id}.json`, {}, from('192.0.2.62'))).status,
    ).toBe(429);
    // Another client is not held up.
    expect(
      (await world.app.request(`/open311/v2/requests/${row!.service_request_id}.json`, {}, from('192.0.2.63'))).status,
    ).toBe(200);
  });
});

describe('addresses that do not exist', () => {
  it('answer a browser with a page and an API client with the JSON error', async () => {
    const page = await world.app.request('/tidak-ada', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Halaman tidak ditemukan');
    const json = await world.app.request('/api/tidak-ada');
    expect(json.status).toBe(404);
    expect((await json.json()).error.code).toBe('not_found');
  });
});
