import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { MAX_MISSES } from '../../functions/api/routes/status';
import { manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });

const NIK = '3514014107900001';
/** The bindings the Node server passes: the socket's peer address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('public status by tracking number', () => {
  it('shows service, step and dates, and no personal data, in JSON and on the page', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'walk_in',
      applicant: { name: 'Siti Aminah', phone: '081234567890', email: 'siti@example.com' },
      answers: { nik: [NIK] },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const res = await world.app.request(`/api/status/${record.trackingNumber.toLowerCase()}`, {}, from('10.0.0.1'));
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

  it('slows down a client that keeps guessing wrong numbers, by the address the platform saw, with Retry-After', async () => {
    const guess = (n: number, headers: Record<string, string> = {}) =>
      world.app.request(`/api/status/BBM-2611-${String(n).padStart(6, '0')}0`, { headers }, from('203.0.113.9'));
    // Rotating X-Forwarded-For buys nothing: the header is not the key.
    for (let i = 0; i < MAX_MISSES; i++)
      expect((await guess(i, { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(404);
    const blocked = await guess(99, { 'x-forwarded-for': '198.51.100.200' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).error.code).toBe('rate_limited');
    expect((await world.app.request('/status/BBM-2611-0000990', {}, from('203.0.113.9'))).status).toBe(429);
    // Another client is not affected, whatever it claims to be.
    expect(
      (
        await world.app.request(
          '/api/status/BBM-2611-0000000',
          { headers: { 'x-forwarded-for': '203.0.113.9' } },
          from('203.0.113.10'),
        )
      ).status,
    ).toBe(404);
  });

  it('counts an IPv6 client by its /64 network, and the same on Lambda as on the Node server', async () => {
    const v6 = (host: string) => world.app.request('/api/status/BBM-2611-0000000', {}, from(`2001:db8:1:2:${host}`));
    for (let i = 0; i < MAX_MISSES; i++) expect((await v6(`${i}::1`)).status).toBe(404);
    expect((await v6('ffff::9')).status).toBe(429);
    const lambda = { requestContext: { http: { sourceIp: '2001:db8:1:2::77' } } };
    expect((await world.app.request('/api/status/BBM-2611-0000000', {}, lambda)).status).toBe(429);
    expect(
      (
        await world.app.request(
          '/api/status/BBM-2611-0000000',
          {},
          { requestContext: { http: { sourceIp: '192.0.2.1' } } },
        )
      ).status,
    ).toBe(404);
  });

  it('answers a 2 KB forwarding header with 404, not 503', async () => {
    const res = await world.app.request(
      '/api/status/BBM-2611-0000000',
      { headers: { 'x-forwarded-for': 'x'.repeat(2048) } },
      from('192.0.2.77'),
    );
    expect(res.status).toBe(404);
  });

  it('still answers lookups when the limiter cannot reach its table', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const dead = new DynamoDBClient({
      region: 'ap-southeast-3',
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const app = createApp({ ...world.deps, db: dead });
    expect((await app.request(`/api/status/${record.trackingNumber}`, {}, from('192.0.2.88'))).status).toBe(200);
    expect((await app.request('/api/status/BBM-2611-0000000', {}, from('192.0.2.88'))).status).toBe(404);
    dead.destroy();
  });
});

describe('security headers on every page', () => {
  it('sends a CSP without inline script, nosniff, frame-ancestors none and a referrer policy; pages carry no inline script or style', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    for (const path of [
      '/status',
      `/status/${record.trackingNumber}`,
      '/status/BBM-2611-0000000',
      '/status?nomor=salah',
      '/tidak-ada',
    ]) {
      const res = await world.app.request(path, {}, from('192.0.2.200'));
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      const body = await res.text();
      if (res.headers.get('content-type')?.startsWith('text/html')) {
        expect(body, path).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
        const css = /href="(\/aset\/[^"]+\.css)"/.exec(body)![1]!;
        const sheet = await world.app.request(css);
        expect(sheet.status).toBe(200);
        expect(sheet.headers.get('content-type')).toContain('text/css');
      }
    }
  });

  it('sends a lookup form to the status page, keeping the tracking number on one line, and explains a wrong one', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const go = await world.app.request(
      `/status?nomor=${encodeURIComponent(` ${record.trackingNumber.toLowerCase()} `)}`,
      {},
      from('192.0.2.201'),
    );
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe(`/status/${record.trackingNumber}`);
    const page = await (await world.app.request(`/status/${record.trackingNumber}`, {}, from('192.0.2.201'))).text();
    expect(page).toContain(`<span class="tn">${record.trackingNumber}</span>`);
    const wrong = await world.app.request('/status?nomor=XYZ', {}, from('192.0.2.201'));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Kesalahan: Cek status permohonan');
  });
});
