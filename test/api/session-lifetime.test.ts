import { describe, expect, it } from 'vitest';
import { consoleCookie, manualClock, useTestWorld } from '../helpers/deps';

/** #20 (6): deactivation ends an officer's sessions for good, and a session has an absolute lifetime. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const home = (cookie: string) => world.app.request('/konsol', { headers: { cookie } });
const saveOfficer = async (admin: string, active: boolean) =>
  world.app.request('/konsol/admin/petugas/penelaah', {
    method: 'POST',
    headers: { origin: 'http://localhost', cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      name: 'Penelaah Pengembangan Usaha (demo)',
      email: 'penelaah@demo.loket.local',
      roles: 'penelaah_pengembangan_usaha',
      superiorId: 'kabid-um',
      ...(active ? { active: '1' } : {}),
    }).toString(),
  });

describe('console sessions', () => {
  it('end when the officer is deactivated, and do not come back when they are reactivated', async () => {
    const officer = await consoleCookie(world.app, 'penelaah');
    const admin = await consoleCookie(world.app, 'admin');
    expect((await home(officer)).status).toBe(200);
    expect((await saveOfficer(admin, false)).status).toBe(303);
    expect((await home(officer)).status).toBe(303);
    clock.advance(60_000);
    expect((await saveOfficer(admin, true)).status).toBe(303);
    const again = await home(officer);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toMatch(/^\/konsol\/masuk/);
    // Signing in afresh works.
    expect((await home(await consoleCookie(world.app, 'penelaah'))).status).toBe(200);
  });

  it('end seven days after sign-in however busy the officer is', async () => {
    const cookie = await consoleCookie(world.app, 'kadis');
    for (let hours = 10; hours <= 7 * 24; hours += 10) {
      clock.advance(10 * 3_600_000);
      expect((await home(cookie)).status, `after ${hours} h`).toBe(200);
    }
    clock.advance(10 * 3_600_000);
    expect((await home(cookie)).status).toBe(303);
  });
});
