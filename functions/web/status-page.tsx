/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { LoketError, parseTrackingNumber } from '@loket/core';
import type { AppEnv } from '../api/app';
import type { PublicStatus, StatusLookupFn } from '../api/routes/status';
import { CONTACT, Page } from './layout';

const TIMELINESS_TAG: Record<string, string> = {
  'Sesuai jadwal': 'tag-green', 'Selesai tepat waktu': 'tag-green', 'Mendekati batas waktu': 'tag-yellow',
  'Melewati batas waktu': 'tag-red', 'Selesai melewati batas waktu': 'tag-red', 'Menunggu perbaikan dari pemohon': 'tag-grey',
};

/** The lookup form, alone or above a "not found" / "too many tries" message. */
export const StatusLookup = ({ value = '', problem }: { value?: string; problem?: string }) => (
  <Page title={problem ? 'Kesalahan: Cek status permohonan' : 'Cek status permohonan'}>
    <h1>Cek status permohonan</h1>
    {problem && (
      <div class="error-summary" role="alert" aria-labelledby="error-title">
        <h2 id="error-title">Ada masalah</h2>
        <p><a href="#nomor">{problem}</a></p>
      </div>
    )}
    <form method="get" action="/status" novalidate>
      <div class={problem ? 'field field-error' : 'field'}>
        <label for="nomor">Nomor registrasi</label>
        <p class="hint" id="nomor-hint">Tertera di email tanda terima, contoh: BBM-2611-7KQ4XHM</p>
        {problem && <p class="error-message" id="nomor-error"><span class="visually-hidden">Kesalahan: </span>{problem}</p>}
        <input class="input-short" type="text" id="nomor" name="nomor" value={value} autocomplete="off" spellcheck={false}
          aria-describedby={problem ? 'nomor-hint nomor-error' : 'nomor-hint'} />
      </div>
      <button class="button" type="submit">Cek status</button>
    </form>
    <p class="small muted">Nomor registrasi tidak ingat? Hubungi {CONTACT.phone} pada jam layanan.</p>
  </Page>
);

/** What anyone holding the tracking number sees: no name, no NIK, no contact, no documents. */
export const StatusPage = ({ s }: { s: PublicStatus }) => (
  <Page title="Status permohonan">
    <span class="muted">Status permohonan</span>
    <h1><span class="tn">{s.trackingNumber}</span></h1>
    {s.needsRevision && (
      <div class="banner" role="region" aria-labelledby="perbaikan-title">
        <p class="banner-title" id="perbaikan-title">Perlu dilengkapi</p>
        <div class="banner-body">
          <p>Permohonan Anda memerlukan perbaikan. Batas waktu layanan berhenti sementara sampai perbaikan diterima.</p>
          {s.missing.length > 0 && <ul>{s.missing.map((m) => <li>{m}</li>)}</ul>}
          <p>Perbaiki melalui tautan "Edit jawaban" di email Google Forms Anda, atau datang ke loket. Bantuan: {CONTACT.phone}.</p>
        </div>
      </div>
    )}
    <dl class="summary">
      <div><dt>Layanan</dt><dd>{s.service.name}</dd></div>
      <div><dt>Tahap saat ini</dt><dd>{s.status.label}{s.status.step ? ` (tahap ${s.status.step} dari ${s.status.steps})` : ''}</dd></div>
      <div><dt>Ketepatan waktu</dt><dd><strong class={`tag ${TIMELINESS_TAG[s.timeliness] ?? ''}`}>{s.timeliness}</strong></dd></div>
      <div><dt>Diterima</dt><dd>{s.receivedAt}</dd></div>
      <div><dt>Perkiraan selesai</dt><dd>{s.expectedCompletion ?? 'Menunggu perbaikan dari pemohon'}</dd></div>
      <div><dt>Jangka waktu</dt><dd>{s.service.sla}</dd></div>
      <div><dt>Pembaruan terakhir</dt><dd>{s.lastUpdate}</dd></div>
    </dl>
    {!s.needsRevision && s.missing.length > 0 && (
      <>
        <h2>Persyaratan yang masih diperiksa atau perlu dilengkapi</h2>
        <ul>{s.missing.map((m) => <li>{m}</li>)}</ul>
      </>
    )}
    <p><a href="/status">Cek nomor registrasi lain</a></p>
  </Page>
);

/** `/status`: the lookup form (`?nomor=` from it redirects); `/status/{nomor}`: the status, or the form with the problem. */
export const statusPages = (lookup: StatusLookupFn) => {
  const app = new Hono<AppEnv>();
  app.get('/status', (c) => {
    const typed = c.req.query('nomor')?.trim().slice(0, 40);
    if (typed === undefined) return c.html(<StatusLookup />);
    const tn = parseTrackingNumber(typed);
    if (tn) return c.redirect(`/status/${tn}`, 303);
    c.status(400);
    return c.html(<StatusLookup value={typed} problem={typed ? 'Nomor registrasi tidak dikenali. Periksa kembali penulisannya, contoh: BBM-2611-7KQ4XHM.' : 'Masukkan nomor registrasi.'} />);
  });

  app.get('/status/:tn', async (c) => {
    try {
      return c.html(<StatusPage s={await lookup(c, c.req.param('tn'))} />);
    } catch (e) {
      if (!(e instanceof LoketError)) throw e;
      c.status(e.code === 'rate_limited' ? 429 : 404);
      return c.html(<StatusLookup value={c.req.param('tn').slice(0, 40)} problem={e.message} />);
    }
  });
  return app;
};
