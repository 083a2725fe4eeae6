/** @jsxImportSource hono/jsx */
import { type CaseRecord, findService, SERVICES, slaState, type StaffMember } from '@loket/core';
import { ConsolePage, SLA_TAGS } from '../components';
import { CaseCard } from './case-row';

export const PAGE_SIZE = 25;

export interface CaseFilter {
  layanan?: string;
  tahap?: string;
  sla?: string;
  petugas?: string;
  bulan?: string;
  nomor?: string;
  halaman: number;
}

const FILTER_NAMES: Record<keyof Omit<CaseFilter, 'halaman'>, string> = { layanan: 'Layanan', tahap: 'Tahap', sla: 'Ketepatan', petugas: 'Petugas', bulan: 'Bulan', nomor: 'Nomor' };

/** Reads the filter from the query string, keeping only well-formed values. */
export const parseFilter = (q: (k: string) => string | undefined): CaseFilter => {
  const pick = (k: string, re: RegExp) => { const v = q(k)?.trim(); return v && re.test(v) ? v : undefined; };
  return {
    layanan: pick('layanan', /^[a-z-]{1,40}$/), tahap: pick('tahap', /^[a-z_]{1,60}$/), sla: pick('sla', /^[a-z_]{1,20}$/),
    petugas: pick('petugas', /^[A-Za-z0-9_-]{1,64}$/), bulan: pick('bulan', /^\d{4}-(0[1-9]|1[0-2])$/), nomor: q('nomor')?.trim().slice(0, 40) || undefined,
    halaman: Math.max(1, Math.min(10_000, Number.parseInt(q('halaman') ?? '1', 10) || 1)),
  };
};

/** The in-memory part of the filter, after the index query chose the candidates. */
export const applyFilter = (cases: CaseRecord[], f: CaseFilter, now: number) =>
  cases
    .filter((c) => !f.layanan || c.serviceId === f.layanan)
    .filter((c) => !f.tahap || c.state === f.tahap)
    .filter((c) => !f.sla || slaState(c.clock, now, c.closedAt) === f.sla)
    .sort((a, b) => b.createdAt - a.createdAt);

const query = (f: CaseFilter, change: Partial<CaseFilter>) => {
  const next = { ...f, halaman: 1, ...change } as Record<string, unknown>;
  const params = Object.entries(next).filter(([k, v]) => v !== undefined && !(k === 'halaman' && v === 1)).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `/konsol/berkas${params.length ? `?${params.join('&')}` : ''}`;
};

export const CaseListPage = ({ officer, cases, filter, now, staff, total }: {
  officer: StaffMember; cases: CaseRecord[]; filter: CaseFilter; now: number; staff: Map<string, StaffMember>; total: number;
}) => {
  const from = total === 0 ? 0 : (filter.halaman - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, filter.halaman * PAGE_SIZE);
  const chosen = (Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[]).filter((k) => filter[k]);
  const steps = filter.layanan ? findService(filter.layanan)?.steps ?? [] : [];
  return (
    <ConsolePage title={`Daftar berkas${filter.halaman > 1 ? ` (halaman ${filter.halaman})` : ''}`} officer={officer}>
      <h1>Daftar berkas</h1>
      <form method="get" action="/konsol/berkas" class="filters">
        <div class="grid grid-3">
          <div class="field"><label for="nomor">Nomor registrasi</label><input type="search" id="nomor" name="nomor" value={filter.nomor ?? ''} /></div>
          <div class="field"><label for="layanan">Layanan</label>
            <select id="layanan" name="layanan"><option value="">Semua layanan</option>{SERVICES.map((s) => <option value={s.id} selected={s.id === filter.layanan}>{s.name}</option>)}</select></div>
          {steps.length > 0 && <div class="field"><label for="tahap">Tahap</label>
            <select id="tahap" name="tahap"><option value="">Semua tahap</option>{steps.map((s) => <option value={s.id} selected={s.id === filter.tahap}>{s.label}</option>)}</select></div>}
          <div class="field"><label for="sla">Ketepatan waktu</label>
            <select id="sla" name="sla"><option value="">Semua</option>{Object.entries(SLA_TAGS).map(([id, [text]]) => <option value={id} selected={id === filter.sla}>{text}</option>)}</select></div>
          <div class="field"><label for="petugas">Petugas</label>
            <select id="petugas" name="petugas"><option value="">Semua petugas</option><option value="saya" selected={filter.petugas === 'saya'}>Saya</option>
              {[...staff.values()].map((s) => <option value={s.id} selected={s.id === filter.petugas}>{s.name}</option>)}</select></div>
          <div class="field"><label for="bulan">Bulan diterima</label><p class="hint">Contoh: 2026-11</p><input class="input-short" type="text" id="bulan" name="bulan" inputmode="numeric" value={filter.bulan ?? ''} /></div>
        </div>
        <button class="button" type="submit">Terapkan filter</button>
      </form>
      {chosen.length > 0 && (
        <p class="small">Filter: {chosen.map((k) => <><a href={query(filter, { [k]: undefined })}>{FILTER_NAMES[k]}: {String(filter[k])} ✕</a>{' '}</>)}
          <a href="/konsol/berkas">Hapus semua filter</a></p>
      )}
      <p role="status">{total ? `Menampilkan ${from}–${to} dari ${total} berkas` : 'Tidak ada berkas yang cocok.'}{!filter.bulan && !filter.nomor && ' (berkas terbuka; pilih bulan untuk berkas yang sudah selesai)'}</p>
      <ul class="cards">{cases.map((c) => <CaseCard c={c} now={now} staff={staff} />)}</ul>
      <nav class="pagination" aria-label="Halaman">
        {filter.halaman > 1 && <a href={query(filter, { halaman: filter.halaman - 1 })}>« Sebelumnya</a>}
        {to < total && <a href={query(filter, { halaman: filter.halaman + 1 })}>Berikutnya »</a>}
      </nav>
    </ConsolePage>
  );
};
