/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { LoketError, office, parseTrackingNumber } from '@loket/core';
import type { AppEnv } from '../api/app';
import type { PublicStatus, StatusLookupFn } from '../api/routes/status';
import { Banner, ErrorSummary, Field, Summary } from './components';
import { Page } from './layout';

const TIMELINESS_TAG: Record<string, string> = {
  'Sesuai jadwal': 'tag-green',
  'Selesai tepat waktu': 'tag-green',
  'Mendekati batas waktu': 'tag-yellow',
  'Melewati batas waktu': 'tag-red',
  'Selesai melewati batas waktu': 'tag-red',
  'Batas waktu berhenti sementara': 'tag-grey',
};

/** The lookup form, alone or above a "not found" / "too many tries" message. */
const StatusLookup = ({ value = '', problem }: { value?: string; problem?: string }) => (
  <Page title={problem ? 'Kesalahan: Cek status permohonan' : 'Cek status permohonan'}>
    <h1>Cek status permohonan</h1>
    <ErrorSummary errors={problem ? [{ field: 'nomor', message: problem }] : []} />
    <form method="get" action="/status" novalidate>
      <Field
        id="nomor"
        label="Nomor registrasi"
        hint="Tertera di email tanda terima, contoh: BBM-2611-7KQ4XHM"
        error={problem}
      >
        <input
          class="input-short"
          type="text"
          id="nomor"
          name="nomor"
          value={value}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={problem ? 'nomor-hint nomor-error' : 'nomor-hint'}
        />
      </Field>
      <button class="button" type="submit">
        Cek status
      </button>
    </form>
    <p class="small muted">Nomor registrasi tidak ingat? Hubungi {office().phone} pada jam layanan.</p>
  </Page>
);

/** What anyone holding the tracking number sees: no name, no NIK, no contact, no documents. */
const StatusPage = ({ s }: { s: PublicStatus }) => (
  <Page title="Status permohonan">
    <span class="muted">Status permohonan</span>
    <h1>
      <span class="tn">{s.trackingNumber}</span>
    </h1>
    {s.needsRevision && (
      <Banner title="Perlu dilengkapi">
        <p>Permohonan Anda memerlukan perbaikan. Batas waktu layanan berhenti sementara sampai perbaikan diterima.</p>
        {s.missing.length > 0 && (
          <ul>
            {s.missing.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        )}
        <p>{s.howToFix}</p>
      </Banner>
    )}
    <Summary
      rows={[
        ['Layanan', s.service.name],
        [
          'Tahap saat ini',
          `${s.status.label}${s.status.step ? ` (tahap ${s.status.step} dari ${s.status.steps})` : ''}`,
        ],
        ['Ketepatan waktu', <strong class={`tag ${TIMELINESS_TAG[s.timeliness] ?? ''}`}>{s.timeliness}</strong>],
        ['Diterima', s.receivedAt],
        ['Perkiraan selesai', s.expectedCompletion ?? 'Dihitung lagi setelah perbaikan diterima'],
        ['Jangka waktu', s.service.sla],
        ['Pembaruan terakhir', s.lastUpdate],
      ]}
    />
    {!s.needsRevision && s.missing.length > 0 && (
      <>
        <h2>Persyaratan yang masih diperiksa atau perlu dilengkapi</h2>
        <ul>
          {s.missing.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      </>
    )}
    <p>
      <a href="/status">Cek nomor registrasi lain</a>
    </p>
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
    return c.html(
      <StatusLookup
        value={typed}
        problem={
          typed
            ? 'Nomor registrasi tidak dikenali. Periksa kembali penulisannya, contoh: BBM-2611-7KQ4XHM.'
            : 'Masukkan nomor registrasi.'
        }
      />,
    );
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
