import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { DynamoRateLimiter } from '@loket/adapters';
import {
  type CaseRecord, findService, formatWib, LoketError, parseTrackingNumber, slaState, stateOf, workflowFor,
} from '@loket/core';
import type { Deps } from '../../deps';
import type { AppEnv } from '../app';
import { clientKey } from '../client-address';

/** Wrong tracking numbers one client may try per 10 minutes before it is slowed down. */
export const MAX_MISSES = 10;

const SLA_TEXT = { on_track: 'Sesuai jadwal', at_risk: 'Mendekati batas waktu', breached: 'Melewati batas waktu', met: 'Selesai tepat waktu', missed: 'Selesai melewati batas waktu', paused: 'Menunggu perbaikan dari pemohon' } as const;

/** What anyone holding the tracking number may see: no name, no NIK, no contact, no documents. */
export const publicStatus = (c: CaseRecord, now: number) => {
  const service = findService(c.serviceId)!;
  const wf = workflowFor(service);
  const state = stateOf(wf, c.state);
  const stepIndex = service.steps.findIndex((s) => s.id === c.state);
  const sla = slaState(c.clock, now, c.closedAt);
  return {
    trackingNumber: c.trackingNumber,
    service: { id: service.id, name: service.name, sla: service.sla.text },
    status: { id: state.id, label: state.label, step: stepIndex >= 0 ? stepIndex + 1 : null, steps: service.steps.length, finished: state.kind === 'terminal' },
    receivedAt: formatWib(c.clock.receivedAt),
    expectedCompletion: c.clock.targetAt === undefined ? null : formatWib(c.clock.targetAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
    deadline: c.clock.dueAt === undefined ? null : formatWib(c.clock.dueAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
    timeliness: SLA_TEXT[sla],
    needsRevision: state.kind === 'waiting_applicant',
    lastUpdate: formatWib(c.updatedAt),
  };
};

export const statusRoutes = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  const limiter = new DynamoRateLimiter(deps.db, deps.config.LOKET_TABLE);

  /**
   * The limiter guards against guessing; it must never be what fails a citizen's lookup. Should the
   * table refuse the counter (throttling, an outage), the lookup goes on and the fault is logged.
   */
  const limited = async <T>(c: Context<AppEnv>, what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      c.get('log').warn('status.rate_limiter_failed', { what, error: String(e) });
      return undefined;
    }
  };

  const lookup = async (c: Context<AppEnv>, input: string) => {
    const now = deps.time.now();
    const client = clientKey(c);
    if (((await limited(c, 'count', () => limiter.count(client, now))) ?? 0) >= MAX_MISSES) {
      const retryAfter = limiter.retryAfterSeconds(now);
      c.header('Retry-After', String(retryAfter));
      throw new LoketError('rate_limited', `Terlalu banyak nomor registrasi yang salah. Coba lagi dalam ${Math.ceil(retryAfter / 60)} menit.`);
    }
    const tn = parseTrackingNumber(input);
    const found = tn ? await deps.repo.getByTrackingNumber(tn) : undefined;
    if (!found) {
      await limited(c, 'hit', () => limiter.hit(client, now));
      throw new LoketError('not_found', 'Nomor registrasi tidak ditemukan. Periksa kembali penulisannya, contoh: BBM-2611-7KQ4XHM.');
    }
    return publicStatus(found, now);
  };

  app.get('/api/status/:tn', async (c) => c.json(await lookup(c, c.req.param('tn'))));

  app.get('/status/:tn', async (c) => {
    let s: Awaited<ReturnType<typeof lookup>> | undefined;
    let problem: string | undefined;
    try {
      s = await lookup(c, c.req.param('tn'));
    } catch (e) {
      if (!(e instanceof LoketError)) throw e;
      problem = e.message;
      c.status(e.code === 'rate_limited' ? 429 : 404);
    }
    return c.html(html`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Status Permohonan — Dinas Koperasi dan UKM Kab. Pasuruan</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.25rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}.note{background:#fff4e5;padding:.75rem;border-radius:.5rem}</style></head>
<body><h1>Status Permohonan</h1>
${s
  ? html`<dl><dt>Nomor registrasi</dt><dd>${s.trackingNumber}</dd><dt>Layanan</dt><dd>${s.service.name}</dd>
<dt>Tahap saat ini</dt><dd>${s.status.label}${s.status.step ? html` (tahap ${s.status.step} dari ${s.status.steps})` : ''}</dd>
<dt>Diterima</dt><dd>${s.receivedAt}</dd><dt>Perkiraan selesai</dt><dd>${s.expectedCompletion ?? 'Menunggu perbaikan dari pemohon'}</dd>
<dt>Ketepatan waktu</dt><dd>${s.timeliness}</dd><dt>Pembaruan terakhir</dt><dd>${s.lastUpdate}</dd></dl>
${s.needsRevision ? html`<p class="note">Permohonan Anda memerlukan perbaikan. Silakan periksa email atau hubungi (0343) 5616140.</p>` : ''}`
  : html`<p class="note">${problem}</p>`}
<p><small>Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan · Layanan gratis · Pengaduan: (0343) 5616140 atau SP4N-LAPOR!</small></p>
</body></html>`);
  });
  return app;
};
