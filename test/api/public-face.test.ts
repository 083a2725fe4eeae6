import { describe, expect, it } from 'vitest';
import { SERVICES } from '@loket/core';
import { manualClock, useTestWorld } from '../helpers/deps';

/** The public face: services, one service, complaints, Open311 requests — no personal data anywhere. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('public pages', () => {
  it('lists the nine services at / and shows each with the sections of the standard and how to apply', async () => {
    const home = await (await world.app.request('/')).text();
    for (const s of SERVICES) expect(home).toContain(`href="/layanan/${s.id}"`);
    await world.deps.formMappings.put({
      formId: 'form-bbm-1',
      serviceId: 'rekomendasi-bbm',
      questions: { 'Nama lengkap pemohon': 'nama_pemohon' },
      formUrl: 'https://docs.google.com/forms/d/e/abc/viewform',
    });
    const page = await (await world.app.request('/layanan/rekomendasi-bbm')).text();
    for (const section of [
      'Persyaratan',
      'Prosedur',
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
    const complaint = await (await world.app.request('/pengaduan')).text();
    expect(complaint).toContain('SP4N-LAPOR!');
    expect(complaint).toContain('(0343) 5616140');
  });
});

describe('Open311 requests', () => {
  it('lists requests with the public view only and never a confidential one; one request by its number', async () => {
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
    const { record: visible } = await open('Budi');
    const { record: hidden } = await open('Rahasia', true);
    const res = await world.app.request('/open311/v2/requests.json?service_code=pengaduan', {}, from('192.0.2.50'));
    expect(res.status).toBe(200);
    const rows = await res.json();
    const ids = rows.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toContain(visible.trackingNumber);
    expect(ids).not.toContain(hidden.trackingNumber);
    const text = JSON.stringify(rows);
    for (const secret of ['Budi', 'budi@contoh.id', 'Rahasia pribadi']) expect(text).not.toContain(secret);
    expect(rows[0]).toMatchObject({
      status: 'open',
      service_code: 'pengaduan',
      requested_datetime: '2026-11-25T09:00:00+07:00',
    });
    const one = await world.app.request(`/open311/v2/requests/${visible.trackingNumber}.json`, {}, from('192.0.2.50'));
    expect((await one.json())[0].service_request_id).toBe(visible.trackingNumber);
    expect(
      (await world.app.request(`/open311/v2/requests/${hidden.trackingNumber}.json`, {}, from('192.0.2.50'))).status,
    ).toBe(404);
    expect(
      (await world.app.request('/open311/v2/requests.json?start_date=kemarin', {}, from('192.0.2.50'))).status,
    ).toBe(400);
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
