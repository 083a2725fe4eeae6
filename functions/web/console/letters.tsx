/** @jsxImportSource hono/jsx */
import {
  formatDateId,
  letterServices,
  registerOffersDownload,
  letterTitle,
  mayRevokeLetters,
  type LetterRecord,
  type StaffMember,
} from '@loket/core';
import { Banner, ConsolePage, ErrorSummary, type FieldError } from '../components';

interface RegisterFilter {
  year: number;
  type?: string;
  status?: string;
}

/** The letter register ("Registrasi dokumen yang diterbitkan"): every number given, revoked ones kept. */
export const LetterRegisterPage = ({
  officer,
  letters,
  filter,
  years,
  flash,
  errors = [],
}: {
  officer: StaffMember;
  letters: LetterRecord[];
  filter: RegisterFilter;
  years: number[];
  flash?: string;
  errors?: FieldError[];
}) => {
  const query = new URLSearchParams({
    tahun: String(filter.year),
    ...(filter.type ? { jenis: filter.type } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  return (
    <ConsolePage title="Register surat" officer={officer}>
      {flash && (
        <Banner title="Berhasil" success>
          {flash}
        </Banner>
      )}
      <ErrorSummary errors={errors} />
      <h1>Register surat</h1>
      <form method="get" action="/konsol/surat" class="filters">
        <div class="field">
          <label for="tahun">Tahun</label>
          <select id="tahun" name="tahun">
            {years.map((y) => (
              <option value={String(y)} selected={y === filter.year}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="jenis">Jenis</label>
          <select id="jenis" name="jenis">
            <option value="">Semua jenis</option>
            {letterServices().map((t) => (
              <option value={t} selected={t === filter.type}>
                {letterTitle(t)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Semua</option>
            <option value="menunggu_tanda_tangan" selected={filter.status === 'menunggu_tanda_tangan'}>
              Menunggu tanda tangan
            </option>
            <option value="berlaku" selected={filter.status === 'berlaku'}>
              Berlaku
            </option>
            <option value="dicabut" selected={filter.status === 'dicabut'}>
              Dicabut
            </option>
          </select>
        </div>
        <button class="button button-secondary" type="submit">
          Tampilkan
        </button>
      </form>
      <p>
        {letters.length} surat · <a href={`/konsol/surat.csv?${query}`}>Unduh CSV</a>
      </p>
      <ul class="cards">
        {letters.map((l) => (
          <li class="card">
            <h3>
              <a href={`/konsol/surat/${l.id}`} class="tn">
                {l.number}
              </a>{' '}
              {l.status === 'dicabut' ? (
                <strong class="tag tag-red">Dicabut</strong>
              ) : l.status === 'menunggu_tanda_tangan' ? (
                <strong class="tag tag-yellow">Menunggu tanda tangan</strong>
              ) : (
                <strong class="tag tag-green">Berlaku</strong>
              )}
            </h3>
            <p class="small">
              {letterTitle(l.type)} · {l.status === 'menunggu_tanda_tangan' ? 'dicadangkan' : 'terbit'}{' '}
              {formatDateId(l.issuedAt)} · a.n. {l.holderMasked} ·{' '}
              <a href={`/konsol/berkas/${l.caseId}`}>{l.trackingNumber}</a> ·{' '}
              <a href={`/verifikasi/${l.id}`}>verifikasi</a>
              {registerOffersDownload(l, officer.roles) && (
                <>
                  {' '}
                  ·{' '}
                  <a href={`/konsol/surat/${l.id}/unduh`}>
                    {l.status === 'dicabut' ? 'unduh arsip (PDF)' : 'unduh PDF'}
                  </a>
                </>
              )}
            </p>
            {l.status === 'dicabut' && <p class="small">Dicabut: {l.revokeReason}</p>}
            {l.status === 'berlaku' && mayRevokeLetters(officer.roles) && (
              <details>
                <summary>Cabut surat ini</summary>
                <form method="post" action={`/konsol/surat/${l.id}/cabut`} novalidate>
                  <div class="field">
                    <label for={`alasan-${l.id}`}>Alasan pencabutan (wajib)</label>
                    <textarea id={`alasan-${l.id}`} name="reason" rows={3}></textarea>
                  </div>
                  <button class="button button-warning" type="submit">
                    Cabut surat
                  </button>
                </form>
              </details>
            )}
          </li>
        ))}
      </ul>
    </ConsolePage>
  );
};
