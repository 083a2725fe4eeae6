/** @jsxImportSource hono/jsx */
import { type LetterContent, type LetterRecord, maskDigitRuns, type SigningView, type StaffMember } from '@loket/core';
import { Banner, ConsolePage, ErrorSummary, Field, type FieldError, Summary } from '../components';

/** The letter as it will be issued, on a sheet (the same content the PDF lays out, NIK-shaped numbers masked; no QR before signing). */
const LetterSheet = ({ content }: { content: LetterContent }) => (
  <div class="sheet" aria-label="Pratinjau surat">
    <div class="sheet-head">
      <strong>{content.letterhead.government}</strong>
      <strong class="sheet-office">{content.letterhead.office}</strong>
      <small>{content.letterhead.address}</small>
    </div>
    <p class="sheet-right">{content.placeAndDate}</p>
    <dl class="sheet-rows">
      <dt>Nomor</dt>
      <dd>{content.number}</dd>
      <dt>Perihal</dt>
      <dd>{content.title}</dd>
    </dl>
    <p class="sheet-right">
      {content.addressee.map((line) => (
        <>
          {line}
          <br />
        </>
      ))}
    </p>
    {content.paragraphs.map((p) => (
      <p>{p}</p>
    ))}
    {content.details.length > 0 && (
      <dl class="sheet-rows">
        {content.details.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            {/* Masked on the page like every NIK-shaped number; the PDF carries what the letter states. */}
            <dd>{maskDigitRuns(v)}</dd>
          </>
        ))}
      </dl>
    )}
    {content.closing.map((p) => (
      <p>{p}</p>
    ))}
    <div class="sheet-sign">
      {content.signatory.titleLines.map((t) => (
        <strong>{t}</strong>
      ))}
      <span class="sheet-seal">(tanda tangan elektronik)</span>
      <strong>{content.signatory.name || '(nama penanda tangan belum diisi)'}</strong>
      {content.signatory.rank && <span>{content.signatory.rank}</span>}
      {content.signatory.nip && <span>NIP. {content.signatory.nip}</span>}
    </div>
  </div>
);

/**
 * A letter waiting for its paraf and signature: who has checked it, what it waits for, the last failed
 * signing's reason, the letter as it will be issued, and the one action this officer may take now.
 */
export const LetterPage = ({
  officer,
  letter,
  view,
  content,
  asksPassphrase,
  certified,
  flash,
  errors = [],
}: {
  officer: StaffMember;
  letter: LetterRecord;
  view: SigningView;
  content: LetterContent;
  asksPassphrase: boolean;
  certified: boolean;
  flash?: string;
  errors?: FieldError[];
}) => (
  <ConsolePage title={`Surat ${letter.number}`} officer={officer}>
    {flash && (
      <Banner title="Berhasil" success>
        {flash}
      </Banner>
    )}
    <ErrorSummary errors={errors} />
    <span class="muted">
      <a href="/konsol/surat">Register surat</a> ·{' '}
      <a href={`/konsol/berkas/${letter.caseId}`}>{letter.trackingNumber}</a>
    </span>
    <h1>
      {content.title.charAt(0) + content.title.slice(1).toLowerCase()}{' '}
      {letter.status === 'menunggu_tanda_tangan' ? (
        <strong class="tag tag-yellow">Menunggu tanda tangan</strong>
      ) : letter.status === 'berlaku' ? (
        <strong class="tag tag-green">Terbit</strong>
      ) : (
        <strong class="tag tag-red">Dicabut</strong>
      )}
    </h1>
    <Summary
      rows={[
        ['Nomor (dicadangkan)', <span class="tn">{letter.number}</span>],
        ['Menunggu', view.waitingFor ?? '-'],
        [
          'Cara tanda tangan',
          certified
            ? 'Sertifikat elektronik BSrE (tersertifikasi)'
            : 'Sertifikat desk Loket (bukan tanda tangan tersertifikasi)',
        ],
      ]}
    />
    {view.failure && (
      <Banner title="Penandatanganan terakhir gagal">
        {view.failure} Surat tetap menunggu dan nomornya tetap dicadangkan; coba lagi.
      </Banner>
    )}
    <h2>Paraf dan tanda tangan</h2>
    <ol class="steps">
      {view.steps.map((s) => (
        <li>
          <strong>{s.label}</strong>: {s.done ? `sudah, ${s.done}` : s.current ? 'menunggu sekarang' : 'belum'}
        </li>
      ))}
    </ol>
    {view.blocked && <Banner title="Belum dapat ditandatangani">{view.blocked}</Banner>}
    {view.mayAct && view.next?.kind === 'initial' && (
      <form method="post" action={`/konsol/surat/${letter.id}/paraf`} novalidate>
        <p>Dengan paraf, Anda menyatakan telah memeriksa isi surat di bawah ini.</p>
        <button class="button" type="submit">
          Paraf surat ini
        </button>
      </form>
    )}
    {view.mayAct && view.next?.kind === 'sign' && (
      <form method="post" action={`/konsol/surat/${letter.id}/tandatangan`} autocomplete="off" novalidate>
        <p>
          Surat di bawah ini akan terbit seperti tertulis, bertanggal hari ini, dengan kode QR verifikasi dan tanda
          tangan elektronik Anda.
          {!certified && ' Tanda tangan memakai sertifikat desk, bukan sertifikat elektronik tersertifikasi (BSrE).'}
        </p>
        {asksPassphrase && (
          <Field
            id="passphrase"
            label="Passphrase sertifikat elektronik (BSrE)"
            hint="Diketik setiap kali menandatangani; tidak disimpan."
            error={errors.find((e) => e.field === 'passphrase')?.message}
          >
            <input type="password" id="passphrase" name="passphrase" autocomplete="off" required />
          </Field>
        )}
        <button class="button" type="submit">
          Tanda tangani dan terbitkan
        </button>
      </form>
    )}
    <h2>Surat yang akan terbit</h2>
    <p>
      <a href={`/konsol/surat/${letter.id}/draf.pdf`}>Unduh draf (PDF, bertanda DRAF)</a>
    </p>
    <LetterSheet content={content} />
  </ConsolePage>
);
