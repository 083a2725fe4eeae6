/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { newOutboxEntry, parseMailAddress, signInRequest, STAFF_ID, office, roleLabel } from '@loket/core';
import type { AppEnv } from '../api/app';
import type { Deps } from '../deps';
import { sendFresh } from '../mail/dispatch';
import { authorizationUrl, googleSignInEnabled, SignInRefused, verifyCallback } from './auth/google-oidc';
import { cookieOptions, endSession, safeNext, startSession } from './auth/session';
import { hashSecret, newSecret } from './auth/secret';
import { activeOfficerByEmail, LINK_MINUTES } from './auth/sign-in-link';
import { Banner, ErrorSummary, Field } from './components';
import { Page } from './layout';
import { readForm } from './read-form';
import { DynamoRateLimiter } from '@loket/adapters';
import { clientKey } from '../api/client-address';

/** Sign-in link requests one client may make per 10 minutes (any address: the limit reveals no officer). */
const LINKS_PER_CLIENT = 10;
const OIDC_COOKIE = 'loket_oidc';
const OIDC_MINUTES = 10;

const REFUSALS: Record<string, string> = {
  not_staff: 'Akun Google tersebut tidak terdaftar sebagai petugas aktif. Hubungi administrator Loket.',
  unverified_email: 'Alamat email akun Google tersebut belum terverifikasi.',
  expired: 'Proses masuk kedaluwarsa. Silakan ulangi.',
  state: 'Proses masuk tidak dapat dicocokkan dengan browser ini. Silakan ulangi.',
  link: 'Tautan masuk tidak berlaku: sudah dipakai atau lebih dari 15 menit. Minta tautan baru.',
  tooMany: 'Terlalu banyak permintaan tautan masuk dari perangkat ini. Coba lagi dalam 10 menit.',
  default: 'Masuk dengan Google gagal. Silakan ulangi atau gunakan tautan melalui email.',
};

const SignInPage = (p: {
  deps: Deps;
  next: string;
  problem?: string;
  sent?: boolean;
  signedOut?: boolean;
  email?: string;
  emailError?: string;
}) => {
  const local = p.deps.config.LOKET_STAGE === 'local';
  return (
    <Page title={p.emailError || p.problem ? 'Kesalahan: Masuk petugas' : 'Masuk petugas'} nav={[]}>
      {p.signedOut && (
        <Banner title="Anda telah keluar" success>
          Sesi Anda sudah diakhiri.
        </Banner>
      )}
      {p.sent && (
        <Banner title="Periksa email Anda" success>
          Jika alamat itu terdaftar sebagai petugas aktif, tautan masuk dikirim ke sana dalam satu menit. Tautan berlaku{' '}
          {LINK_MINUTES} menit dan hanya dapat dipakai sekali.
        </Banner>
      )}
      <ErrorSummary
        errors={[
          ...(p.problem ? [{ field: 'masuk', message: p.problem }] : []),
          ...(p.emailError ? [{ field: 'email', message: p.emailError }] : []),
        ]}
      />
      <h1 id="masuk">Masuk petugas</h1>
      <p>Konsol ini hanya untuk petugas {office().name}.</p>
      {googleSignInEnabled(p.deps.config) && (
        <form method="post" action="/konsol/masuk/google">
          <input type="hidden" name="lanjut" value={p.next} />
          <button class="button" type="submit">
            Masuk dengan Google
          </button>
        </form>
      )}
      <h2>Tanpa akun Google</h2>
      <form method="post" action="/konsol/masuk/tautan" novalidate>
        <input type="hidden" name="lanjut" value={p.next} />
        <Field
          id="email"
          label="Alamat email kantor"
          hint="Kami kirim tautan masuk sekali pakai ke alamat ini."
          error={p.emailError}
        >
          <input type="email" id="email" name="email" autocomplete="email" spellcheck={false} value={p.email ?? ''} />
        </Field>
        <button class={googleSignInEnabled(p.deps.config) ? 'button button-secondary' : 'button'} type="submit">
          Kirim tautan masuk
        </button>
      </form>
      {local && (
        <p>
          <a href={`/konsol/masuk/dev?lanjut=${encodeURIComponent(p.next)}`}>
            Masuk sebagai petugas contoh (hanya desk lokal)
          </a>
        </p>
      )}
    </Page>
  );
};

/** Sign-in and sign-out: Google (OpenID Connect), an e-mailed one-time link, and locally a list of demo officers. */
export const signInPages = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  const linkLimiter = new DynamoRateLimiter(deps.db, deps.config.LOKET_TABLE, 600);
  const local = deps.config.LOKET_STAGE === 'local';
  const callbackUrl = (c: { req: { url: string } }) =>
    new URL(
      '/konsol/masuk/google/kembali',
      deps.config.LOKET_STAGE === 'local' ? c.req.url : deps.config.LOKET_PUBLIC_URL,
    ).toString();

  app.get('/konsol/masuk', (c) =>
    c.html(<SignInPage deps={deps} next={safeNext(c.req.query('lanjut'))} signedOut={c.req.query('keluar') === '1'} />),
  );

  app.post('/konsol/masuk/google', async (c) => {
    if (!googleSignInEnabled(deps.config)) return c.notFound();
    const form = await readForm(c);
    const state = newSecret();
    const nonce = newSecret();
    const { url, codeVerifier } = await authorizationUrl(deps.config, callbackUrl(c), state, nonce);
    await deps.tickets.put(
      'oidc',
      hashSecret(state),
      { nonce, codeVerifier, next: safeNext(String(form.lanjut ?? '')) },
      deps.time.now() + OIDC_MINUTES * 60_000,
      deps.time.now(),
    );
    // Binds the flow to this browser: a callback carrying someone else's state is refused (login CSRF).
    setCookie(c, OIDC_COOKIE, state, {
      ...cookieOptions(deps),
      maxAge: OIDC_MINUTES * 60,
      path: '/konsol/masuk/google',
    });
    return c.redirect(url, 303);
  });

  app.get('/konsol/masuk/google/kembali', async (c) => {
    const refuse = (reason: string) => {
      c.status(403);
      deps.log.info('signin.google_refused', { reason });
      return c.html(<SignInPage deps={deps} next="/konsol" problem={REFUSALS[reason] ?? REFUSALS.default} />);
    };
    const state = c.req.query('state') ?? '';
    const cookieState = getCookie(c, OIDC_COOKIE);
    deleteCookie(c, OIDC_COOKIE, { ...cookieOptions(deps), path: '/konsol/masuk/google' });
    if (!state || state.length > 100 || state !== cookieState) return refuse('state');
    const flow = await deps.tickets.take<{ nonce: string; codeVerifier: string; next: string }>(
      'oidc',
      hashSecret(state),
      deps.time.now(),
    );
    if (!flow) return refuse('expired');
    const code = c.req.query('code');
    if (!code || code.length > 2000) return refuse('default');
    try {
      const identity = await verifyCallback(deps.config, callbackUrl(c), code, flow.codeVerifier, flow.nonce);
      const officer = await activeOfficerByEmail(deps, identity.email);
      if (!officer) return refuse('not_staff');
      await startSession(c, deps, officer.id, 'google');
      return c.redirect(flow.next, 303);
    } catch (e) {
      if (e instanceof SignInRefused) return refuse(e.reason);
      throw e;
    }
  });

  /** The same answer whether or not the address is an officer's, so the form tells nobody who works here. */
  app.post('/konsol/masuk/tautan', async (c) => {
    const form = await readForm(c);
    const typed = String(form.email ?? '')
      .trim()
      .slice(0, 254);
    const next = safeNext(String(form.lanjut ?? ''));
    const email = parseMailAddress(typed);
    if (!email) {
      c.status(400);
      return c.html(
        <SignInPage
          deps={deps}
          next={next}
          email={typed}
          emailError={`Masukkan satu alamat email yang valid, contoh nama@${office().email.split('@')[1]}.`}
        />,
      );
    }
    // Every request counts against its client, officer's address or not, so the limit says nothing about who is one.
    const now = deps.time.now();
    if ((await linkLimiter.hit(`signin:${clientKey(c)}`, now)) > LINKS_PER_CLIENT) {
      c.header('Retry-After', String(linkLimiter.retryAfterSeconds(now)));
      c.status(429);
      return c.html(<SignInPage deps={deps} next={next} email={typed} emailError={REFUSALS.tooMany} />);
    }
    // Queued the same for every address and not waited for: what the request does and how long it
    // takes tell nobody whether the address is an officer's (the link is made when it is delivered).
    const request = signInRequest(newSecret(), email, next);
    await deps.outbox.enqueue([request], now);
    deps.background.run('sign_in_link', () => sendFresh(deps, [newOutboxEntry(request, now)]));
    return c.html(<SignInPage deps={deps} next={next} sent />);
  });

  // A GET only shows a button: mail scanners that open links must not use up the one-time token.
  app.get('/konsol/masuk/tautan/:token', (c) =>
    c.html(
      <Page title="Masuk petugas" nav={[]}>
        <h1>Masuk ke konsol petugas</h1>
        <form method="post" action={`/konsol/masuk/tautan/${encodeURIComponent(c.req.param('token'))}`}>
          <button class="button" type="submit">
            Masuk
          </button>
        </form>
      </Page>,
    ),
  );

  app.post('/konsol/masuk/tautan/:token', async (c) => {
    const token = c.req.param('token');
    const ticket =
      token.length <= 100
        ? await deps.tickets.take<{ staffId: string; next: string }>('link', hashSecret(token), deps.time.now())
        : undefined;
    const officer = ticket && (await deps.staff.get(ticket.staffId));
    if (!ticket || !officer?.active) {
      c.status(403);
      return c.html(<SignInPage deps={deps} next="/konsol" problem={REFUSALS.link} />);
    }
    // Used: the officer may ask for a new link at once (after signing out, say).
    await deps.tickets.take('link-pending', officer.id, deps.time.now());
    await startSession(c, deps, officer.id, 'link');
    return c.redirect(ticket.next, 303);
  });

  if (local) {
    app.get('/konsol/masuk/dev', async (c) => {
      const next = safeNext(c.req.query('lanjut'));
      const staff = (await deps.staff.list()).filter((s) => s.active);
      return c.html(
        <Page title="Masuk sebagai petugas contoh" nav={[]}>
          <h1>Masuk sebagai petugas contoh</h1>
          <p>Hanya tersedia pada desk lokal. Pilih petugas:</p>
          <ul class="cards">
            {staff.map((s) => (
              <li class="card">
                <form method="post" action="/konsol/masuk/dev">
                  <input type="hidden" name="staffId" value={s.id} />
                  <input type="hidden" name="lanjut" value={next} />
                  <h3>{s.name}</h3>
                  <p class="small">{s.roles.map(roleLabel).join(', ')}</p>
                  <button class="button button-secondary" type="submit" data-staff={s.id}>
                    Masuk sebagai {s.name}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </Page>,
      );
    });
    app.post('/konsol/masuk/dev', async (c) => {
      const form = await readForm(c);
      const staffId = String(form.staffId ?? '');
      const officer = STAFF_ID.test(staffId) ? await deps.staff.get(staffId) : undefined;
      if (!officer?.active) return c.redirect('/konsol/masuk/dev', 303);
      await startSession(c, deps, officer.id, 'dev');
      return c.redirect(safeNext(String(form.lanjut ?? '')), 303);
    });
  }

  app.post('/konsol/keluar', async (c) => {
    await endSession(c, deps);
    return c.redirect('/konsol/masuk?keluar=1', 303);
  });
  return app;
};
