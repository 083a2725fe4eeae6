/** @jsxImportSource hono/jsx */
import { type CaseRecord, findService, services, type StaffMember, type TrackingQuery } from '@loket/core';
import { ConsolePage, ErrorSummary, Field, type FieldError, SLA_TAGS } from '../components';
import { type CaseFilter, FILTER_NAMES, PAGE_SIZE } from './case-filter';
import { CaseCard } from './case-row';

const query = (f: CaseFilter, change: Partial<CaseFilter>) => {
  const next = { ...f, halaman: 1, ...change } as Record<string, unknown>;
  const params = Object.entries(next)
    .filter(([k, v]) => v !== undefined && !(k === 'halaman' && v === 1))
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `/konsol/berkas${params.length ? `?${params.join('&')}` : ''}`;
};

export const CaseListPage = ({
  officer,
  cases,
  filter,
  now,
  staff,
  total,
  search,
  problems = [],
}: {
  officer: StaffMember;
  cases: CaseRecord[];
  filter: CaseFilter;
  search?: TrackingQuery;
  problems?: FieldError[];
  now: number;
  staff: Map<string, StaffMember>;
  total: number;
}) => {
  const from = total === 0 ? 0 : (filter.halaman - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, filter.halaman * PAGE_SIZE);
  const chosen = (Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[]).filter((k) => filter[k]);
  const steps = filter.layanan ? (findService(filter.layanan)?.steps ?? []) : [];
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  return (
    <ConsolePage
      title={`${problems.length ? 'Kesalahan: ' : ''}Daftar berkas${filter.halaman > 1 ? ` (halaman ${filter.halaman})` : ''}`}
      officer={officer}
    >
      <ErrorSummary errors={problems} />
      <h1>Daftar berkas</h1>
      <form method="get" action="/konsol/berkas" class="filters">
        <div class="grid grid-3">
          <Field
            id="nomor"
            label="Nomor registrasi"
            hint="Lengkap, atau sebagian (sedikitnya 3 huruf/angka)"
            error={problemOf('nomor')}
          >
            <input type="search" id="nomor" name="nomor" value={filter.nomor ?? ''} aria-describedby="nomor-hint" />
          </Field>
          <div class="field">
            <label for="layanan">Layanan</label>
            <select id="layanan" name="layanan">
              <option value="">Semua layanan</option>
              {services().map((s) => (
                <option value={s.id} selected={s.id === filter.layanan}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          {steps.length > 0 && (
            <div class="field">
              <label for="tahap">Tahap</label>
              <select id="tahap" name="tahap">
                <option value="">Semua tahap</option>
                {steps.map((s) => (
                  <option value={s.id} selected={s.id === filter.tahap}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="sla">Ketepatan waktu</label>
            <select id="sla" name="sla">
              <option value="">Semua</option>
              {Object.entries(SLA_TAGS).map(([id, [text]]) => (
                <option value={id} selected={id === filter.sla}>
                  {text}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="petugas">Petugas</label>
            <select id="petugas" name="petugas">
              <option value="">Semua petugas</option>
              <option value="saya" selected={filter.petugas === 'saya'}>
                Saya
              </option>
              {[...staff.values()].map((s) => (
                <option value={s.id} selected={s.id === filter.petugas}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <Field id="bulan" label="Bulan diterima" hint="Contoh: 2026-11" error={problemOf('bulan')}>
            <input
              class="input-short"
              type="text"
              id="bulan"
              name="bulan"
              inputmode="numeric"
              value={problemOf('bulan') ? '' : (filter.bulan ?? '')}
              aria-describedby="bulan-hint"
            />
          </Field>
        </div>
        <button class="button" type="submit">
          Terapkan filter
        </button>
      </form>
      {chosen.length > 0 && (
        <p class="small">
          Filter:{' '}
          {chosen.map((k) => (
            <>
              <a href={query(filter, { [k]: undefined })}>
                {FILTER_NAMES[k]}: {String(filter[k])} ✕
              </a>{' '}
            </>
          ))}
          <a href="/konsol/berkas">Hapus semua filter</a>
        </p>
      )}
      <p role="status">
        {total ? `Menampilkan ${from}–${to} dari ${total} berkas` : 'Tidak ada berkas yang cocok.'}
        {search?.kind !== 'exact' && !filter.bulan && ' (berkas terbuka; pilih bulan untuk berkas yang sudah selesai)'}
      </p>
      {search?.kind === 'fragment' && (
        <p class="small">
          Mencari nomor yang memuat “{search.text}” di antara berkas{' '}
          {filter.bulan ? `yang diterima bulan ${filter.bulan}` : 'terbuka'}. Berkas lain ditemukan dengan nomor
          lengkapnya.
        </p>
      )}
      {search?.kind === 'exact' && total === 0 && (
        <p class="small">
          Tidak ada berkas bernomor {search.number}. Periksa kembali nomornya: salah satu huruf atau angka mungkin
          tertukar.
        </p>
      )}
      <ul class="cards">
        {cases.map((c) => (
          <CaseCard c={c} now={now} staff={staff} />
        ))}
      </ul>
      <nav class="pagination" aria-label="Halaman">
        {filter.halaman > 1 && <a href={query(filter, { halaman: filter.halaman - 1 })}>« Sebelumnya</a>}
        {to < total && <a href={query(filter, { halaman: filter.halaman + 1 })}>Berikutnya »</a>}
      </nav>
    </ConsolePage>
  );
};
