/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { findService, roleLabel, type Service, services, usesKlinikSessions } from '@loket/core';
import type { AppEnv } from '../api/app';
import type { Deps } from '../deps';
import { formMappings } from '../intake/google-forms';
import { CONTACT, Page } from './layout';

const CHANNEL_TEXT: Record<string, string> = {
  google_form: 'Mengisi formulir daring (Google Form)',
  walk_in: 'Datang langsung ke loket',
  letter: 'Mengirim surat permohonan',
  sp4n_lapor: 'Melalui SP4N-LAPOR! (lapor.go.id)',
  internal: 'Permintaan internal Pemerintah Kabupaten',
};

/** `/`: the nine services as the standard publishes them, with the way to check a request and to complain. */
const HomePage = () => (
  <Page title="Layanan">
    <h1>Layanan Dinas Koperasi dan UKM Kabupaten Pasuruan</h1>
    <p class="lead">Sembilan layanan sesuai Standar Pelayanan. Semua layanan gratis.</p>
    <p>
      <a class="button" href="/status">
        Cek status permohonan
      </a>
      <a class="button button-secondary" href="/pengaduan">
        Sampaikan pengaduan
      </a>
    </p>
    <p>
      <a href="/kinerja">Kinerja pelayanan triwulan lalu</a>: ketepatan waktu dan kepuasan masyarakat per layanan.
    </p>
    <h2>Daftar layanan</h2>
    <ul class="cards">
      {services().map((s) => (
        <li class="card">
          <h3>
            <a href={`/layanan/${s.id}`}>{s.name}</a>
          </h3>
          <p class="small">
            Jangka waktu: {s.sla.text} · Biaya: {s.cost}
          </p>
        </li>
      ))}
    </ul>
  </Page>
);

/** `/layanan/{id}`: the sections of the standard — Persyaratan, Prosedur, Jangka waktu, Biaya, Produk, Pengaduan — and how to apply. */
const ServicePage = ({ s, formUrl }: { s: Service; formUrl?: string }) => (
  <Page title={s.name}>
    <span class="muted">
      Layanan {s.number} dari {services().length}
    </span>
    <h1>{s.name}</h1>
    <p class="lead">{s.description}</p>
    {usesKlinikSessions(s) && (
      <p>
        <a href="/klinik">Lihat jadwal Klinik KUKM bulan ini</a>
      </p>
    )}
    <dl class="summary">
      <div>
        <dt>Jangka waktu</dt>
        <dd>{s.sla.text}</dd>
      </div>
      <div>
        <dt>Biaya</dt>
        <dd>{s.cost}</dd>
      </div>
      <div>
        <dt>Produk</dt>
        <dd>{s.productAsPrinted}</dd>
      </div>
    </dl>
    <h2>Cara mengajukan</h2>
    <ul>
      {s.channels.map((ch) => (
        <li>
          {CHANNEL_TEXT[ch] ?? ch}
          {ch === 'walk_in' ? `: ${CONTACT.address}, ${CONTACT.hours}` : ''}
        </li>
      ))}
    </ul>
    {formUrl && (
      <p>
        <a class="button" href={formUrl} rel="noopener">
          Ajukan melalui formulir
        </a>
      </p>
    )}
    <h2>Persyaratan</h2>
    <ol>
      {s.requirements.map((r) => (
        <li>{r.text}</li>
      ))}
    </ol>
    <h2>Prosedur</h2>
    <ol class="steps">
      {s.steps.map((st) => (
        <li>
          <strong>{st.label}</strong> <span class="small muted">({roleLabel(st.role)})</span>
          <br />
          {st.description}
        </li>
      ))}
    </ol>
    <h2>Pengaduan</h2>
    <p>{s.complaintContact}</p>
    <p>
      <a href="/pengaduan">Cara menyampaikan pengaduan</a>
    </p>
    <h2>Dasar hukum</h2>
    <ul class="small">
      {s.legalBasis.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  </Page>
);

/** `/pengaduan`: both complaint channels of the standard (the national SP4N-LAPOR! and the Dinas directly). */
const ComplaintPage = () => (
  <Page title="Pengaduan">
    <h1>Pengaduan, saran dan masukan</h1>
    <p class="lead">
      Jika layanan tidak sesuai dengan standar pelayanan, Anda dapat menyampaikan pengaduan. Pengaduan ditangani paling
      lama 3 hari kerja.
    </p>
    <h2>1. Melalui SP4N-LAPOR!</h2>
    <p>Sistem pengaduan pelayanan publik nasional. Laporan dapat dibuat secara rahasia atau anonim.</p>
    <ul>
      <li>
        Situs: <a href="https://www.lapor.go.id">www.lapor.go.id</a>
      </li>
      <li>Aplikasi SP4N-LAPOR! di Android atau iOS</li>
    </ul>
    <h2>2. Langsung kepada Dinas</h2>
    <p>Secara tertulis atau datang langsung, dengan memuat:</p>
    <ol type="a">
      <li>nama dan alamat lengkap;</li>
      <li>uraian pelayanan yang tidak sesuai standar dan kerugian yang dialami;</li>
      <li>permintaan penyelesaian yang diajukan;</li>
      <li>tempat, waktu penyampaian, dan tanda tangan.</li>
    </ol>
    <dl class="summary">
      <div>
        <dt>Alamat</dt>
        <dd>{CONTACT.address}</dd>
      </div>
      <div>
        <dt>Telepon</dt>
        <dd>{CONTACT.phone}</dd>
      </div>
      <div>
        <dt>Jam layanan</dt>
        <dd>{CONTACT.hours}</dd>
      </div>
      <div>
        <dt>Situs</dt>
        <dd>
          <a href={CONTACT.website}>{CONTACT.website}</a>
        </dd>
      </div>
    </dl>
    <p>
      Pengaduan Anda mendapat nomor registrasi; perkembangannya dapat dicek di halaman <a href="/status">Cek status</a>.
    </p>
  </Page>
);

export const publicPages = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.html(<HomePage />));
  app.get('/layanan/:id', async (c) => {
    const s = findService(c.req.param('id'));
    if (!s) {
      c.status(404);
      return c.html(
        <Page title="Halaman tidak ditemukan">
          <h1>Halaman tidak ditemukan</h1>
          <p>
            <a href="/">Lihat daftar layanan</a>
          </p>
        </Page>,
      );
    }
    const formUrl = (await formMappings(deps)).find((m) => m.serviceId === s.id && m.formUrl)?.formUrl;
    return c.html(<ServicePage s={s} formUrl={formUrl} />);
  });
  app.get('/pengaduan', (c) => c.html(<ComplaintPage />));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
};
