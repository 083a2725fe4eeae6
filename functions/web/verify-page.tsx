/** @jsxImportSource hono/jsx */
import type { PublicLetter } from '@loket/core';
import { Banner, ErrorSummary, Field, Summary } from './components';
import { Page } from './layout';

/**
 * The public verification of a letter (its QR code leads here): number, type, date, the holder's name
 * masked, whether it is in force, and its fingerprint, with a form to compare a file or a pasted hash.
 */
export const VerifyPage = ({
  l,
  comparison,
  problem,
}: {
  l: PublicLetter;
  comparison?: 'sama' | 'beda';
  problem?: string;
}) => (
  <Page title={`Verifikasi surat ${l.number}`}>
    <span class="muted">Verifikasi keaslian surat</span>
    <h1>{l.title}</h1>
    {l.status === 'berlaku' ? (
      <div class="panel panel-green">
        <p class="lead">
          Surat ini asli dan <strong>berlaku</strong>.
        </p>
      </div>
    ) : (
      <Banner title="Surat ini telah dicabut">Surat ini asli, tetapi telah dicabut dan tidak berlaku lagi.</Banner>
    )}
    <Summary
      rows={[
        ['Nomor surat', l.number],
        ['Jenis', l.title],
        ['Tanggal', l.issuedOn],
        ['Atas nama', l.holder],
        ['Status', l.statusText],
        ['Sidik jari berkas (SHA-256)', <code class="hash">{l.sha256}</code>],
      ]}
    />
    <h2>Cocokkan berkas</h2>
    <p>
      Pastikan berkas PDF yang Anda terima sama persis dengan yang diterbitkan: unggah berkasnya, atau tempel sidik jari
      SHA-256-nya.
    </p>
    {comparison === 'sama' && (
      <Banner title="Cocok" success>
        Berkas ini sama persis dengan surat yang diterbitkan.
      </Banner>
    )}
    {comparison === 'beda' && (
      <Banner title="Tidak cocok">
        Berkas ini <strong>berbeda</strong> dari surat yang diterbitkan. Jangan gunakan berkas ini; hubungi Dinas.
      </Banner>
    )}
    <ErrorSummary errors={problem ? [{ field: 'berkas', message: problem }] : []} />
    <form method="post" action={`/verifikasi/${l.letterId}`} enctype="multipart/form-data" novalidate>
      <Field
        id="berkas"
        label="Berkas PDF surat"
        hint="Berkas tidak disimpan; hanya sidik jarinya yang dihitung."
        error={problem}
      >
        <input type="file" id="berkas" name="berkas" accept="application/pdf" />
      </Field>
      <Field id="sha256" label="Atau sidik jari SHA-256">
        <input type="text" id="sha256" name="sha256" autocomplete="off" spellcheck={false} />
      </Field>
      <button class="button" type="submit">
        Cocokkan
      </button>
    </form>
  </Page>
);
