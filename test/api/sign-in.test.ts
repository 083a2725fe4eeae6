import { afterAll, describe, expect, it } from 'vitest';
import { roleLabel } from '@loket/core';
import { manualClock, useTestWorld } from '../helpers/deps';
import { type Identity, startOidcProvider } from '../helpers/oidc-provider';

/** Officers sign in with Google (against a local OpenID provider), by e-mailed link, or locally as a demo officer. */
const CLIENT_ID = 'loket-test-client.apps.googleusercontent.com';
const provider = await startOidcProvider(CLIENT_ID);
afterAll(() => provider.close());
const clock = manualClock(new Date().toISOString());
const world = useTestWorld({
  time: clock,
  mail: true,
  env: {
    GOOGLE_OAUTH_CLIENT_ID: CLIENT_ID,
    GOOGLE_OAUTH_CLIENT_SECRET: 'test-secret',
    GOOGLE_OIDC_ISSUER: provider.issuer,
    LOKET_PUBLIC_URL: 'http://localhost',
  },
});

const ORIGIN = { origin: 'http://localhost' };
const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});
const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** The whole Google flow as a browser makes it: our button, the provider, back to our callback. */
const signInWithGoogle = async (identity: Identity, next = '/konsol') => {
  provider.nextIdentity(identity);
  const start = await world.app.request('/konsol/masuk/google', form({ lanjut: next }));
  expect(start.status).toBe(303);
  const state = cookieOf(start, 'loket_oidc')!;
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location')!);
  return world.app.request(callback.pathname + callback.search, { headers: { cookie: state } });
};

describe('Masuk dengan Google (OpenID Connect)', () => {
  it('signs an active officer in and returns to the page they wanted', async () => {
    const res = await signInWithGoogle({ email: 'Fungsional@demo.loket.local' }, '/konsol/berkas?petugas=saya');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/konsol/berkas?petugas=saya');
    const session = cookieOf(res, 'loket_sesi')!;
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const home = await world.app.request('/konsol', { headers: { cookie: session } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Fungsional Umum (demo)');
  });

  it.each([
    ['a token for another audience', { email: 'fungsional@demo.loket.local', audience: 'someone-else' }],
    ['an expired token', { email: 'fungsional@demo.loket.local', expired: true }],
    ['an unverified email', { email: 'fungsional@demo.loket.local', emailVerified: false }],
    ['an address not in the staff directory', { email: 'stranger@example.com' }],
  ])('refuses %s: 403, no session', async (_what, identity) => {
    const res = await signInWithGoogle(identity);
    expect(res.status).toBe(403);
    expect(cookieOf(res, 'loket_sesi')).toBeUndefined();
    expect(await res.text()).toContain('Ada masalah');
  });

  it('refuses a callback whose state belongs to another browser', async () => {
    provider.nextIdentity({ email: 'fungsional@demo.loket.local' });
    const start = await world.app.request('/konsol/masuk/google', form({ lanjut: '/konsol' }));
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location')!);
    const res = await world.app.request(callback.pathname + callback.search, {
      headers: { cookie: 'loket_oidc=someone-elses-state' },
    });
    expect(res.status).toBe(403);
  });
});

describe('sign-in link by e-mail', () => {
  const linkIn = (to: string) =>
    world.catcher.mail
      .filter((m) => m.to.includes(to) && m.subject === 'Tautan masuk Loket')
      .at(-1)
      ?.text.match(/http:\/\/localhost(\/konsol\/masuk\/tautan\/\S+)/)?.[1];

  it('answers the same for known and unknown addresses, and mails only an active officer', async () => {
    const known = await world.app.request(
      '/konsol/masuk/tautan',
      form({ email: 'kadis@demo.loket.local', lanjut: '/konsol' }),
    );
    const unknown = await world.app.request(
      '/konsol/masuk/tautan',
      form({ email: 'siapa@example.com', lanjut: '/konsol' }),
    );
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    await world.deps.background.idle();
    expect(known.status).toBe(unknown.status);
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    expect(linkIn('kadis@demo.loket.local')).toBeTruthy();
    expect(world.catcher.mail.some((m) => m.to.includes('siapa@example.com'))).toBe(false);
  });

  it('signs in once through a POST from the link page; a second use or a stale link is refused', async () => {
    await world.app.request(
      '/konsol/masuk/tautan',
      form({ email: 'frontdesk@demo.loket.local', lanjut: '/konsol/baru' }),
    );
    await world.deps.background.idle();
    const path = linkIn('frontdesk@demo.loket.local')!;
    // Opening the link (a mail scanner does) only shows a button.
    expect((await world.app.request(path)).status).toBe(200);
    const used = await world.app.request(path, form({}));
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe('/konsol/baru');
    expect(cookieOf(used, 'loket_sesi')).toBeTruthy();
    expect((await world.app.request(path, form({}))).status).toBe(403);

    await world.app.request('/konsol/masuk/tautan', form({ email: 'frontdesk@demo.loket.local', lanjut: '/konsol' }));
    await world.deps.background.idle();
    const stale = linkIn('frontdesk@demo.loket.local')!;
    clock.advance(16 * 60_000);
    expect((await world.app.request(stale, form({}))).status).toBe(403);
  });
});

describe('sessions', () => {
  const devSignIn = async (staffId: string, next = '/konsol') =>
    cookieOf(await world.app.request('/konsol/masuk/dev', form({ staffId, lanjut: next })), 'loket_sesi')!;

  it('sends a visitor without a session to sign in, and back to the case of an alert email after it', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const first = await world.app.request(`/konsol/berkas/${record.id}`);
    expect(first.status).toBe(303);
    const signIn = first.headers.get('location')!;
    expect(signIn).toBe(`/konsol/masuk?lanjut=${encodeURIComponent(`/konsol/berkas/${record.id}`)}`);
    const next = new URL(signIn, 'http://localhost').searchParams.get('lanjut')!;
    const res = await world.app.request('/konsol/masuk/dev', form({ staffId: 'fungsional', lanjut: next }));
    expect(res.headers.get('location')).toBe(`/konsol/berkas/${record.id}`);
    const page = await world.app.request(`/konsol/berkas/${record.id}`, {
      headers: { cookie: cookieOf(res, 'loket_sesi')! },
    });
    expect(await page.text()).toContain(record.trackingNumber);
  });

  it('ends on sign-out and after 12 idle hours; refuses a cross-site form post', async () => {
    const cookie = await devSignIn('kadis');
    expect((await world.app.request('/konsol', { headers: { cookie } })).status).toBe(200);
    const crossSite = await world.app.request('/konsol/keluar', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(crossSite.status).toBe(403);
    const out = await world.app.request('/konsol/keluar', { ...form({}), headers: { ...form({}).headers, cookie } });
    expect(out.headers.get('location')).toBe('/konsol/masuk?keluar=1');
    expect((await world.app.request('/konsol', { headers: { cookie } })).status).toBe(303);

    const idle = await devSignIn('kadis');
    clock.advance(12 * 3600_000 + 60_000);
    expect((await world.app.request('/konsol', { headers: { cookie: idle } })).status).toBe(303);
  });

  it('shows administration to admins only (403 otherwise)', async () => {
    expect(
      (await world.app.request('/konsol/admin/petugas', { headers: { cookie: await devSignIn('fungsional') } })).status,
    ).toBe(403);
    expect(
      (await world.app.request('/konsol/admin/petugas', { headers: { cookie: await devSignIn('admin') } })).status,
    ).toBe(200);
  });

  it('offers the demo sign-in only on the local stage', async () => {
    const demo = await world.app.request('/konsol/masuk/dev');
    expect(demo.status).toBe(200);
    // Each demo officer by name and by what they do, not by a staff id.
    const html = await demo.text();
    for (const s of (await world.deps.staff.list()).filter((s) => s.active)) {
      expect(html).toContain(`Masuk sebagai ${s.name}`);
      for (const role of s.roles) expect(html).toContain(roleLabel(role));
    }
    const { createApp } = await import('../../functions/api/app');
    const prod = createApp({ ...world.deps, config: { ...world.deps.config, LOKET_STAGE: 'production' } });
    expect((await prod.request('/konsol/masuk/dev')).status).not.toBe(200);
    expect(await (await prod.request('/konsol/masuk')).text()).not.toContain('petugas contoh');
  });
});
