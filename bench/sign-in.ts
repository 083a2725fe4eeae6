import { loadConfig } from '@loket/adapters';
import { createApp } from '../functions/api/app';
import { createDeps } from '../functions/deps';
import { startMailCatcher } from '../functions/local/mail-catcher';
import { prepareStorage, seedDemoStaff } from '../functions/local/seed';

const ROUNDS = 60;

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), max: at(1) };
};

/**
 * The sign-in link form as the local desk runs it (mail sent by this process, into a real SMTP
 * catcher): how long it answers an officer's address and a stranger's, alternating. Each officer's
 * request mails a link (the clock moves past the one-link-at-a-time window between rounds), and the
 * delivery is awaited between requests so one round's mail does not slow the next.
 */
export const benchSignIn = async () => {
  const catcher = await startMailCatcher();
  let now = Date.parse('2026-11-25T09:00:00+07:00');
  const deps = createDeps(
    loadConfig({
      ...process.env,
      LOKET_TABLE: `bench-signin-${Date.now()}`,
      LOKET_LOG_LEVEL: 'error',
      LOKET_SMTP_URL: catcher.url,
      LOKET_MAIL_DELIVERY: 'inline',
    }),
    { time: { now: () => now } },
  );
  await prepareStorage(deps);
  const [officer] = await seedDemoStaff(deps).then(() => deps.staff.list());
  const app = createApp(deps);
  const ask = async (email: string, client: string) => {
    const started = performance.now();
    const res = await app.request(
      '/konsol/masuk/tautan',
      {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, lanjut: '/konsol' }).toString(),
      },
      { incoming: { socket: { remoteAddress: client } } },
    );
    await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`sign-in form answered ${res.status}`);
    await deps.background.idle();
    return ms;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      now += 16 * 60_000;
      known.push(await ask(officer!.email, `192.0.2.${i % 250}`));
      unknown.push(await ask(`bukan.petugas.${i}@example.com`, `198.51.100.${i % 250}`));
    }
    return {
      officerAddressMs: summary(known.slice(5)),
      strangerAddressMs: summary(unknown.slice(5)),
      linksMailed: catcher.mail.filter((m) => m.to.includes(officer!.email)).length,
      strangersMailed: catcher.mail.filter((m) => !m.to.includes(officer!.email)).length,
    };
  } finally {
    deps.db.destroy();
    deps.files.destroy();
    await catcher.close();
  }
};
