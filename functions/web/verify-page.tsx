/** @jsxImportSource hono/jsx */
import type { PublicLetter, UploadVerdict } from '@loket/core';
import { Banner, ErrorSummary, Field, Summary, type SummaryRow } from './components';
import { Page } from './layout';
import { office } from '@loket/core';

/**
 * The public verification of a letter (its QR code leads here): number, type, date, the holder's name
 * masked, whether it is in force, its signature (who signed, the certificate's issuer and kind, when)
 * and fingerprint, the signed PDF itself, and a form to check a file or a pasted hash.
 */
export const VerifyPage = ({
  l,
  verdict,
  comparison,
  problem,
}: {
  l: PublicLetter;
  /** An uploaded file, checked: its bytes against the register and its own signature. */
  verdict?: UploadVerdict;
  /** A pasted fingerprint, compared. */
  comparison?: 'sama' | 'beda';
  problem?: string;
}) => (
  <Page title={`Verifikasi surat ${l.number}`}>
    <span class="muted">Verifikasi keaslian surat</span>
    <h1>{l.title}</h1>
    {l.status === 'berlaku' && (
      <div class="panel panel-green">
        <p class="lead">
          Surat ini asli, <strong>berlaku</strong>, dan ditandatangani secara elektronik.
        </p>
      </div>
    )}
    {l.status === 'dicabut' && (
      <Banner title="Surat ini telah dicabut">Surat ini asli, tetapi telah dicabut dan tidak berlaku lagi.</Banner>
    )}
    {l.status === 'menunggu_tanda_tangan' && (
      <Banner title="Surat ini belum terbit">
        Nomor ini sudah dicadangkan, tetapi suratnya belum ditandatangani. Surat tanpa tanda tangan elektronik belum
        berlaku.
      </Banner>
    )}
    <Summary
      rows={[
        ['Nomor surat', l.number],
        ['Jenis', l.title],
        ['Tanggal', l.issuedOn ?? 'Belum bertanggal: surat bertanggal saat ditandatangani'],
        ['Atas nama', l.holder],
        ['Status', l.statusText],
        ...(l.sha256 ? [['Sidik jari berkas (SHA-256)', <code class="hash">{l.sha256}</code>] as SummaryRow] : []),
      ]}
    />
    {l.signature && (
      <>
        <h2>Tanda tangan elektronik</h2>
        {!l.signature.certified && (
          <p class="warning">
            Surat ini ditandatangani dengan sertifikat desk {office().word}: bukti bahwa berkas tidak diubah sejak
            ditandatangani, tetapi <strong>bukan</strong> tanda tangan elektronik tersertifikasi (BSrE).
          </p>
        )}
        <Summary
          rows={[
            ['Penanda tangan', l.signature.signer],
            ['Penerbit sertifikat', l.signature.issuer],
            ['Jenis sertifikat', l.signature.certificate],
            ['Waktu tanda tangan', l.signature.signedAt],
            ['Keabsahan', l.signature.valid ? 'Sah: berkas utuh sejak ditandatangani' : 'Tidak sah'],
          ]}
        />
      </>
    )}
    {l.downloadable && (
      <p>
        <a class="button button-secondary" href={`/verifikasi/${l.letterId}/unduh`}>
          Unduh surat bertanda tangan (PDF)
        </a>
      </p>
    )}
    {l.sha256 && (
      <>
        <h2>Periksa berkas</h2>
        <p>
          Pastikan berkas PDF yang Anda terima sama persis dengan yang diterbitkan dan tanda tangannya sah: unggah
          berkasnya, atau tempel sidik jari SHA-256-nya.
        </p>
        {verdict && (
          <Banner title={verdict.ok ? 'Cocok' : 'Tidak cocok'} success={verdict.ok}>
            {verdict.verdict}
            {verdict.signature && (
              <>
                {' '}
                Tanda tangan dalam berkas: {verdict.signature.valid ? 'sah' : 'TIDAK SAH'}, oleh{' '}
                {verdict.signature.signer} (penerbit sertifikat {verdict.signature.issuer}),{' '}
                {verdict.signature.signedAt}.
              </>
            )}
            {!verdict.ok && <> Jangan gunakan berkas ini; hubungi {office().word}.</>}
          </Banner>
        )}
        {comparison === 'sama' && (
          <Banner title="Cocok" success>
            Sidik jari ini sama dengan surat yang diterbitkan.
          </Banner>
        )}
        {comparison === 'beda' && (
          <Banner title="Tidak cocok">
            Sidik jari ini <strong>berbeda</strong> dari surat yang diterbitkan. Jangan gunakan berkas itu; hubungi{' '}
            {office().word}.
          </Banner>
        )}
        <ErrorSummary errors={problem ? [{ field: 'berkas', message: problem }] : []} />
        <form method="post" action={`/verifikasi/${l.letterId}`} enctype="multipart/form-data" novalidate>
          <Field
            id="berkas"
            label="Berkas PDF surat"
            hint="Berkas tidak disimpan; hanya sidik jari dan tanda tangannya yang diperiksa."
            error={problem}
          >
            <input type="file" id="berkas" name="berkas" accept="application/pdf" />
          </Field>
          <Field id="sha256" label="Atau sidik jari SHA-256">
            <input type="text" id="sha256" name="sha256" autocomplete="off" spellcheck={false} />
          </Field>
          <button class="button" type="submit">
            Periksa
          </button>
        </form>
      </>
    )}
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
