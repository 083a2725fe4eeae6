import { describe, expect, it } from 'vitest';
import { MAX_MISSES } from '../../functions/api/routes/status';
import { manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });

const NIK = '3514014107900001';

describe('public status by tracking number', () => {
  it('shows service, step and dates, and no personal data, in JSON and on the page', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm', channel: 'walk_in', applicant: { name: 'Siti Aminah', phone: '081234567890', email: 'siti@example.com' },
      answers: { nik: [NIK] }, receivedAt: clock.now(), actorId: 'frontdesk',
    });
    const res = await world.app.request(`/api/status/${record.trackingNumber.toLowerCase()}`, { headers: { 'x-forwarded-for': '10.0.0.1' } });
    expect(res.status).toBe(200);
    const s = await res.json();
    expect(s).toMatchObject({
      trackingNumber: record.trackingNumber,
      service: { id: 'rekomendasi-bbm' },
      status: { id: 'kualifikasi_pemohon', step: 1, steps: 3, finished: false },
      receivedAt: 'Rabu, 25 November 2026 pukul 09.00 WIB',
      deadline: 'Rabu, 25 November 2026 pukul 10.00 WIB',
      timeliness: 'Sesuai jadwal',
    });
    const page = await (await world.app.request(`/status/${record.trackingNumber}`)).text();
    expect(page).toContain('Penerbitan Rekomendasi Penggunaan BBM Bersubsidi');
    for (const secret of [NIK, 'Siti', '0812', 'siti@example.com']) {
      expect(JSON.stringify(s)).not.toContain(secret);
      expect(page).not.toContain(secret);
    }
  });

  it('slows down a client that keeps guessing wrong numbers', async () => {
    const guess = (n: number) => world.app.request(`/api/status/BBM-2611-${String(n).padStart(6, '0')}0`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    for (let i = 0; i < MAX_MISSES; i++) expect((await guess(i)).status).toBe(404);
    const blocked = await guess(99);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('rate_limited');
    // Another client is not affected.
    expect((await world.app.request('/api/status/BBM-2611-0000000', { headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(404);
  });
});
