import { describe, expect, it } from 'vitest';
import { manualClock, useTestWorld } from '../helpers/deps';

/** #20 (2): the emailed sign-in link cannot be used to flood an officer's mailbox. */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true, env: { LOKET_PUBLIC_URL: 'https://loket.example.go.id' } });
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
/** Asks for a link and waits until whatever it queued was delivered. */
const ask = async (email: string, address: string) => {
  const res = await world.app.request(
    '/konsol/masuk/tautan',
    {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, lanjut: '/konsol' }).toString(),
    },
    from(address),
  );
  await world.deps.background.idle();
  return res;
};
const linksTo = (to: string) =>
  world.catcher.mail.filter((m) => m.to.includes(to) && m.text.includes('/konsol/masuk/tautan/'));

describe('sign-in links', () => {
  it('send one fresh link at a time per officer, and a new one once it is used', async () => {
    for (let i = 0; i < 6; i++) expect((await ask('penelaah@demo.loket.local', `192.0.2.${10 + i}`)).status).toBe(200);
    expect(linksTo('penelaah@demo.loket.local')).toHaveLength(1);
    const path = linksTo('penelaah@demo.loket.local')[0]!.text.match(
      /https:\/\/loket\.example\.go\.id(\/konsol\/masuk\/tautan\/\S+)/,
    )![1]!;
    const used = await world.app.request(path, { method: 'POST', headers: { origin: 'http://localhost' } });
    expect(used.status).toBe(303);
    expect((await ask('penelaah@demo.loket.local', '192.0.2.30')).status).toBe(200);
    expect(linksTo('penelaah@demo.loket.local')).toHaveLength(2);
    // Unused, a link stays the only one until it expires; then a request sends a new one.
    clock.advance(16 * 60_000);
    expect((await ask('penelaah@demo.loket.local', '192.0.2.31')).status).toBe(200);
    expect(linksTo('penelaah@demo.loket.local')).toHaveLength(3);
  });

  it('limit each client, whatever the address asked for, so the limit tells nothing about who is an officer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const email = i % 2 ? 'bukan.petugas@example.com' : 'pengawas@demo.loket.local';
      statuses.push((await ask(email, '198.51.100.7')).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(linksTo('pengawas@demo.loket.local')).toHaveLength(1);
    // Another client is not held up.
    expect((await ask('pengawas@demo.loket.local', '198.51.100.8')).status).toBe(200);
  });
});
