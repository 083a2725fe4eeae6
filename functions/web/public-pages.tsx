/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import {
  allServicesFree,
  complaintService,
  findService,
  office,
  roleLabel,
  type Service,
  services,
  serviceTerms,
  theStandard,
  usesKlinikSessions,
} from '@loket/core';
import type { AppEnv } from '../api/app';
import type { Deps } from '../deps';
import { formMappingSources } from '../intake/google-forms';
import { Banner } from './components';
import { Page } from './layout';

const channelText = (ch: string) =>
  ({
    google_form: 'Mengisi formulir daring (Google Form)',
    walk_in: 'Datang langsung ke loket',
    letter: 'Mengirim surat permohonan',
    sp4n_lapor: 'Melalui SP4N-LAPOR! (lapor.go.id)',
    internal: `Permintaan internal ${office().parent}`,
  })[ch] ?? ch;

/** `/`: the services as the standard publishes them, with the way to check a request and to complain. */
const HomePage = () => (
  <Page title="Layanan">
    <h1>Layanan {office().shortName}</h1>
    <p class="lead">
      {services().length} layanan sesuai <a href="/maklumat">Standar Pelayanan</a>.
      {allServicesFree() ? ' Semua layanan gratis.' : ''}
    </p>
    <p>
      <a class="button" href="#daftar-layanan">
        Ajukan permohonan
      </a>
      <a class="button button-secondary" href="/status">
        Cek status permohonan
      </a>
      <a class="button button-secondary" href="/pengaduan">
        Sampaikan pengaduan
      </a>
    </p>
    <p>
      <a href="/kinerja">Kinerja pelayanan triwulan lalu</a>: ketepatan waktu dan kepuasan masyarakat per layanan.
    </p>
    <h2 id="daftar-layanan">Daftar layanan</h2>
    <ul class="cards">
      {services().map((s) => {
        const terms = serviceTerms(s);
        return (
          <li class="card">
            <h3>
              <a href={`/layanan/${s.id}`}>{s.name}</a>
            </h3>
            <p class="small">
              Selesai dalam {terms.duration}
              {allServicesFree() ? '' : ` · Biaya: ${terms.cost}`} · Hasil: {terms.product}
            </p>
          </li>
        );
      })}
    </ul>
  </Page>
);

/** The standard's own wording beside the desk's plain one, where they differ. */
const AsPrinted = ({ text }: { text?: string }) =>
  text ? <span class="small muted block">Tertulis dalam Standar Pelayanan: “{text}”</span> : null;

const Section = ({ title, children }: { title: string; children: Child }) => (
  <>
    <h2>{title}</h2>
    {children}
  </>
);

/**
 * `/layanan/{id}`: every component of the standard (PermenPANRB 15/2014) as the office printed it —
 * service delivery first (requirements, procedure, time, fee, product, complaints), then management —
 * and how to apply.
 */
const ServicePage = ({ s, formUrl }: { s: Service; formUrl?: string }) => {
  const terms = serviceTerms(s);
  return (
    <Page
      title={s.name}
      description={`${s.name}: persyaratan, prosedur, jangka waktu ${terms.duration}, biaya ${terms.cost.toLowerCase()}, dan cara mengajukan.`}
    >
      <h1>{s.name}</h1>
      <p class="lead">{s.description}</p>
      {formUrl && (
        <p>
          <a class="button" href={formUrl} rel="noopener">
            Ajukan permohonan
          </a>
        </p>
      )}
      {usesKlinikSessions(s) && (
        <p>
          <a href="/klinik">Lihat jadwal {s.schedule?.name ?? 'sesi'} bulan ini</a>
        </p>
      )}
      <dl class="summary">
        <div>
          <dt>Jangka waktu</dt>
          <dd>
            {terms.duration}
            <AsPrinted text={terms.asPrinted.duration} />
          </dd>
        </div>
        <div>
          <dt>Biaya</dt>
          <dd>
            {terms.cost}
            <AsPrinted text={terms.asPrinted.cost} />
          </dd>
        </div>
        <div>
          <dt>Produk</dt>
          <dd>
            {terms.product}
            <AsPrinted text={terms.asPrinted.product} />
          </dd>
        </div>
      </dl>
      {s.referral && (
        <Banner title={`Produk diterbitkan melalui ${s.referral.system}`}>
          <p>{s.referral.text}</p>
          {s.referral.url && (
            <p>
              <a href={s.referral.url} rel="noopener">
                Buka {s.referral.system}
              </a>
            </p>
          )}
        </Banner>
      )}
      <h2>Cara mengajukan</h2>
      <ul>
        {s.channels.map((ch) => (
          <li>
            {channelText(ch)}
            {ch === 'walk_in' ? `: ${office().address}, ${office().hoursText}` : ''}
          </li>
        ))}
      </ul>
      {formUrl && (
        <p class="small">
          Setelah formulir terkirim, nomor registrasi dikirim ke email Anda. Simpan nomor itu untuk{' '}
          <a href="/status">cek status</a>.
        </p>
      )}
      <Section title="Persyaratan">
        <ol>
          {s.requirements.map((r) => (
            <li>{r.text}</li>
          ))}
        </ol>
      </Section>
      <Section title="Sistem, mekanisme dan prosedur">
        {s.published.procedure && <p>{s.published.procedure}</p>}
        <ol class="steps">
          {s.steps.map((st) => (
            <li>
              <strong>{st.label}</strong> <span class="small muted">({roleLabel(st.role)})</span>
              <br />
              {st.description}
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Penanganan pengaduan, saran dan masukan">
        <p>{s.complaintContact}</p>
        <p>
          <a href="/pengaduan">Cara menyampaikan pengaduan</a>
        </p>
      </Section>
      <h2>Pengelolaan pelayanan</h2>
      <dl class="summary">
        {(
          [
            ['Dasar hukum', s.legalBasis],
            ['Sarana, prasarana dan/atau fasilitas', s.published.facilities],
            ['Kompetensi pelaksana', s.published.competence],
            ['Pengawasan internal', s.published.internalSupervision],
            ['Jumlah pelaksana', s.executors.count],
            ['Jaminan pelayanan', s.published.serviceGuarantee],
            ['Jaminan keamanan dan keselamatan pelayanan', s.published.safetyGuarantee],
            ['Evaluasi kinerja pelaksana', s.evaluation],
          ] as const
        ).map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>
              {typeof value === 'string' ? (
                value
              ) : (
                <ul class="small">
                  {value.map((l) => (
                    <li>{l}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Page>
  );
};

/** `/maklumat`: the office's Maklumat Pelayanan and the decree that set its standard. */
const MaklumatPage = () => {
  const standard = theStandard();
  return (
    <Page title="Maklumat Pelayanan">
      <h1>Maklumat Pelayanan</h1>
      <blockquote class="maklumat">
        <p>{office().maklumat}</p>
        <footer>— {office().signatory.title}</footer>
      </blockquote>
      <h2>Standar Pelayanan</h2>
      <p>
        {standard.title}, ditetapkan dengan {standard.decree} (versi {standard.version}).
      </p>
      <ol>
        {services().map((s) => (
          <li>
            <a href={`/layanan/${s.id}`}>{s.name}</a> <span class="small muted">— {serviceTerms(s).duration}</span>
          </li>
        ))}
      </ol>
    </Page>
  );
};

/** `/pengaduan`: the complaint channels the standard lists, and what a written complaint holds. */
const ComplaintPage = () => {
  const complaints = complaintService() ?? services().find((s) => /pengaduan/i.test(s.name));
  return (
    <Page title="Pengaduan">
      <h1>Pengaduan, saran dan masukan</h1>
      <p class="lead">
        Jika layanan tidak sesuai dengan standar pelayanan, Anda dapat menyampaikan pengaduan
        {complaints ? `; pengaduan ditangani dalam ${serviceTerms(complaints).duration}` : ''}.
      </p>
      {office().complaintChannels.map((ch, i) => (
        <>
          <h2>
            {i + 1}. {ch.name}
          </h2>
          <p>{ch.contact}</p>
        </>
      ))}
      {complaints && (
        <>
          <h2>Isi pengaduan tertulis</h2>
          <ul>
            {complaints.requirements.map((r) => (
              <li>{r.text}</li>
            ))}
          </ul>
        </>
      )}
      <dl class="summary">
        <div>
          <dt>Alamat</dt>
          <dd>{office().address}</dd>
        </div>
        <div>
          <dt>Telepon</dt>
          <dd>{office().phone}</dd>
        </div>
        <div>
          <dt>Jam layanan</dt>
          <dd>{office().hoursText}</dd>
        </div>
        <div>
          <dt>Situs</dt>
          <dd>
            <a href={office().website}>{office().website}</a>
          </dd>
        </div>
      </dl>
      <p>
        Pengaduan Anda mendapat nomor registrasi; perkembangannya dapat dicek di halaman{' '}
        <a href="/status">Cek status</a>.
      </p>
    </Page>
  );
};

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
    // An office's own form over the local desk's demo of it.
    const linked = (await formMappingSources(deps)).filter((m) => m.serviceId === s.id && m.formUrl);
    const formUrl = (linked.find((m) => m.source !== 'contoh lokal') ?? linked[0])?.formUrl;
    return c.html(<ServicePage s={s} formUrl={formUrl} />);
  });
  app.get('/pengaduan', (c) => c.html(<ComplaintPage />));
  app.get('/maklumat', (c) => c.html(<MaklumatPage />));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
};
