import { describe, expect, it } from 'vitest';
import { runMinutely } from '../../functions/jobs/run';
import { issueStaffToken } from '../../functions/api/auth';
import { captureLog, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const logs = captureLog();
const world = useTestWorld({ time: clock, log: logs.log });

const auth = (staffId: string) => ({
  authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}`,
  'content-type': 'application/json',
});
const post = (path: string, staffId: string, body: unknown) =>
  world.app.request(path, { method: 'POST', headers: auth(staffId), body: JSON.stringify(body) });

const NIK = '3514014107900001';
const walkIn = {
  serviceId: 'rekomendasi-bbm',
  channel: 'walk_in',
  applicant: { name: 'Siti Aminah', phone: '081234567890' },
  answers: {
    nik: [NIK],
    ktp: ['scan'],
    nomor_kk: ['3514010101090002'],
    kk: ['scan'],
    nomor_hp: ['081234567890'],
    nama_usaha: ['Warung Siti'],
    sku: ['scan'],
    foto_usaha: ['foto'],
    nama_pemohon: ['Siti Aminah'],
  },
};

describe('staff case API', () => {
  it('refuses requests without a valid token', async () => {
    expect((await world.app.request('/api/cases')).status).toBe(401);
    const forged = await world.app.request('/api/cases', {
      headers: { authorization: 'Bearer eyJzdWIiOiJhZG1pbiIsImV4cCI6OTk5OTk5OTk5OX0.AAAA' },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('unauthorized');
  });

  it('registers a walk-in case with NIK and phone masked and the deadline in WIB', async () => {
    const res = await post('/api/cases', 'frontdesk', walkIn);
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c.trackingNumber).toMatch(/^BBM-2611-/);
    expect(c.answers.nik).toEqual(['3514••••••••0001']);
    expect(c.applicant.phone).toBe('0812•••••890');
    expect(c.sla).toMatchObject({
      state: 'on_track',
      dueAt: '2026-11-25T10:00:00+07:00',
      atRiskAt: '2026-11-25T09:45:00+07:00',
    });
    expect(JSON.stringify(c)).not.toContain(NIK);
    expect(logs.lines.join('\n')).not.toContain(NIK);
    expect(logs.lines.join('\n')).not.toContain('Siti Aminah');
  });

  it('rejects a malformed body with 400 naming the fields, and writes nothing', async () => {
    const before = (await (await world.app.request('/api/cases', { headers: auth('frontdesk') })).json()).cases.length;
    const res = await post('/api/cases', 'frontdesk', { serviceId: 'rekomendasi-bbm', channel: 'fax', applicant: {} });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['channel', 'applicant.name']),
    );
    const bad = await world.app.request('/api/cases', { method: 'POST', headers: auth('frontdesk'), body: '{nope' });
    expect(bad.status).toBe(400);
    expect((await (await world.app.request('/api/cases', { headers: auth('frontdesk') })).json()).cases.length).toBe(
      before,
    );
  });

  it('walks a BBM recommendation to the end through the API, each step by its role', async () => {
    const c = await (await post('/api/cases', 'frontdesk', walkIn)).json();
    let version = c.version;
    const step = async (staffId: string, path: string, body: Record<string, unknown>, status = 200) => {
      const res = await post(`/api/cases/${c.id}/${path}`, staffId, { ...body, expectedVersion: version });
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(status);
      const out = await res.json();
      if (status === 200) version = out.version;
      return out;
    };
    // Not complete yet: the guard holds the file.
    const held = await step('fungsional', 'transitions', { event: 'memenuhi_syarat' }, 400);
    expect(held.error.message).toMatch(/persyaratan/i);
    for (const requirementId of ['ktp', 'kk', 'telepon', 'sku', 'foto_usaha'])
      await step('fungsional', 'checklist', { requirementId, status: 'ok' });
    // The wrong role is refused with 403, the wrong step with 422.
    expect((await step('frontdesk', 'transitions', { event: 'memenuhi_syarat' }, 403)).error.code).toBe('forbidden');
    expect((await step('kadis', 'transitions', { event: 'tandatangani' }, 422)).error.code).toBe('invalid_transition');
    const signed = await step('fungsional', 'transitions', { event: 'memenuhi_syarat' });
    expect(signed.state.id).toBe('tanda_tangan_kadis');
    expect(signed.actions).toEqual([]); // the officer holds no role for the next step
    await step('kadis', 'transitions', { event: 'tandatangani' });
    const done = await step('fungsional', 'transitions', { event: 'beri_nomor' });
    expect(done.state).toMatchObject({ id: 'selesai', kind: 'terminal' });
    expect(done.sla.state).toBe('met');
    const events = (await (await world.app.request(`/api/cases/${c.id}/events`, { headers: auth('kadis') })).json())
      .events;
    expect(
      events.filter((e: { type: string }) => e.type === 'transition').map((e: { event: string }) => e.event),
    ).toEqual(['memenuhi_syarat', 'tandatangani', 'beri_nomor']);
    expect(events[0].at).toMatch(/\+07:00$/);
  });

  it('answers a stale expectedVersion with 409', async () => {
    const c = await (await post('/api/cases', 'frontdesk', walkIn)).json();
    expect(
      (await post(`/api/cases/${c.id}/assign`, 'fungsional', { assigneeId: 'fungsional', expectedVersion: 1 })).status,
    ).toBe(200);
    const stale = await post(`/api/cases/${c.id}/assign`, 'fungsional', { assigneeId: 'kadis', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('conflict');
  });

  it('lets only an admin edit the calendar, and moves open deadlines', async () => {
    clock.set('2026-11-30T09:00:00+07:00');
    const c = await (await post('/api/cases', 'frontdesk', { ...walkIn, serviceId: 'pengaduan', answers: {} })).json();
    expect(c.sla.dueAt).toBe('2026-12-03T16:00:00+07:00');
    const holiday = { type: 'LN', name: 'Contoh libur daerah', basis: 'uji' };
    const put = (staffId: string) =>
      world.app.request('/api/calendar/holidays/2026-12-02', {
        method: 'PUT',
        headers: auth(staffId),
        body: JSON.stringify(holiday),
      });
    expect((await put('frontdesk')).status).toBe(403);
    const res = await put('admin');
    expect(res.status).toBe(200);
    expect((await res.json()).casesToRecompute).toBeGreaterThan(0);
    const dueAt = async () =>
      (await (await world.app.request(`/api/cases/${c.id}`, { headers: auth('pengaduan') })).json()).sla.dueAt;
    // The request only saves the calendar; the minutely job moves the deadlines.
    expect(await dueAt()).toBe('2026-12-03T16:00:00+07:00');
    await runMinutely(world.deps);
    expect(await dueAt()).toBe('2026-12-04T16:30:00+07:00');
    const bad = await world.app.request('/api/calendar/holidays/2026-13-45', {
      method: 'PUT',
      headers: auth('admin'),
      body: JSON.stringify(holiday),
    });
    expect(bad.status).toBe(400);
    expect(
      (await world.app.request('/api/calendar/holidays/2026-12-02', { method: 'DELETE', headers: auth('admin') }))
        .status,
    ).toBe(200);
  });
});
