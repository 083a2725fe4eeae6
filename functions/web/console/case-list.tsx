/** @jsxImportSource hono/jsx */
import { type CaseRecord, findService, services, type StaffMember } from '@loket/core';
import { ConsolePage, SLA_TAGS } from '../components';
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
}: {
  officer: StaffMember;
  cases: CaseRecord[];
  filter: CaseFilter;
  now: number;
  staff: Map<string, StaffMember>;
  total: number;
}) => {
  const from = total === 0 ? 0 : (filter.halaman - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, filter.halaman * PAGE_SIZE);
  const chosen = (Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[]).filter((k) => filter[k]);
  const steps = filter.layanan ? (findService(filter.layanan)?.steps ?? []) : [];
  return (
    <ConsolePage title={`Daftar berkas${filter.halaman > 1 ? ` (halaman ${filter.halaman})` : ''}`} officer={officer}>
      <h1>Daftar berkas</h1>
      <form method="get" action="/konsol/berkas" class="filters">
        <div class="grid grid-3">
          <div class="field">
            <label for="nomor">Nomor registrasi</label>
            <input type="search" id="nomor" name="nomor" value={filter.nomor ?? ''} />
          </div>
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
          <div class="field">
            <label for="bulan">Bulan diterima</label>
            <p class="hint">Contoh: 2026-11</p>
            <input
              class="input-short"
              type="text"
              id="bulan"
              name="bulan"
              inputmode="numeric"
              value={filter.bulan ?? ''}
            />
          </div>
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
        {!filter.bulan && !filter.nomor && ' (berkas terbuka; pilih bulan untuk berkas yang sudah selesai)'}
      </p>
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
