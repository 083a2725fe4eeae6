/** @jsxImportSource hono/jsx */
import type { PublicLetter } from '@loket/core';
import { Banner, ErrorSummary, Field, Summary } from './components';
import { Page } from './layout';
import { office } from '@loket/core';

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
        Berkas ini <strong>berbeda</strong> dari surat yang diterbitkan. Jangan gunakan berkas ini; hubungi{' '}
        {office().word}.
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

/** A QR code or address naming no letter of the register: the letter in hand is not one the Dinas issued. */
export const LetterNotInRegisterPage = () => (
  <Page title="Surat tidak terdaftar">
    <span class="muted">Verifikasi keaslian surat</span>
    <h1>Surat tidak terdaftar</h1>
    <Banner title={`Surat ini tidak ada dalam register surat ${office().word}`}>
      Kode pada alamat atau kode QR ini tidak cocok dengan surat mana pun yang diterbitkan {office().name}. Surat yang
      membawa kode ini kemungkinan <strong>tidak asli</strong>.
    </Banner>
    <h2>Apa yang perlu dilakukan</h2>
    <ul>
      <li>Periksa kembali alamat yang Anda ketik: kodenya harus sama persis dengan yang tertera di bawah kode QR.</li>
      <li>Jangan menerima atau menggunakan surat ini sebelum keasliannya dipastikan.</li>
      <li>
        Hubungi {office().word} melalui kontak di bagian bawah halaman ini, atau laporkan melalui SP4N-LAPOR!
        (lapor.go.id).
      </li>
    </ul>
  </Page>
);

/** The applicant's download link of a letter that was revoked: the file is no longer handed out. */
export const LetterRevokedPage = ({ letterId }: { letterId: string }) => (
  <Page title="Surat telah dicabut">
    <h1>Surat telah dicabut</h1>
    <Banner title="Surat ini tidak berlaku lagi">
      Surat ini telah dicabut oleh {office().word}, sehingga tidak dapat diunduh lagi.
    </Banner>
    <p>
      Lihat keterangannya di <a href={`/verifikasi/${letterId}`}>halaman verifikasi surat</a>, atau hubungi loket{' '}
      {office().word}
      untuk informasi lebih lanjut.
    </p>
  </Page>
);
