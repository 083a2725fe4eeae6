/** @jsxImportSource hono/jsx */
import {
  formatDateId,
  registryChoices,
  needsUpdate,
  type StaffMember,
  type UmkmEntry,
  type UmkmFilter,
  umkmRecap,
  theStandard,
} from '@loket/core';
import { ConsolePage } from '../components';

const PAGE = 50;

type RecapRow = ReturnType<typeof umkmRecap>['byKecamatan'][number];

/** One recap table: businesses and workforce per kecamatan or per sector. */
const RecapTable = ({ title, column, rows }: { title: string; column: string; rows: RecapRow[] }) => (
  <>
    <h2>{title}</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{column}</th>
            <th>Usaha</th>
            <th>Tenaga kerja</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.usaha}</td>
              <td>{r.tenagaKerja}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

/** The UMKM registry: search, filters, the recap by kecamatan and sector, and a CSV of what is shown. */
export const UmkmRegistryPage = ({
  officer,
  entries,
  all,
  filter,
  query,
  now,
}: {
  officer: StaffMember;
  entries: UmkmEntry[];
  all: UmkmEntry[];
  filter: UmkmFilter;
  query: string;
  now: number;
}) => {
  const recap = umkmRecap(all);
  const select = (id: keyof UmkmFilter, label: string, options: string[]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">Semua</option>
        {options.map((o) => (
          <option value={o} selected={filter[id] === o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <ConsolePage title={theStandard().registry?.label ?? 'Registri'} officer={officer}>
      <h1>{theStandard().registry?.label}</h1>
      <p class="lead">
        {recap.total.toLocaleString('id-ID')} usaha tercatat, {recap.tenagaKerja.toLocaleString('id-ID')} tenaga kerja.
      </p>
      <form method="get" action="/konsol/umkm" class="filters">
        <div class="field">
          <label for="q">Nama usaha atau NIB</label>
          <input type="search" id="q" name="q" value={filter.q ?? ''} />
        </div>
        {select('kecamatan', registryChoices().placeLabel, registryChoices().places)}
        {select('sektor', 'Sektor', registryChoices().sectors)}
        {select('skala', 'Skala', registryChoices().scales)}
        <button class="button button-secondary" type="submit">
          Cari
        </button>
      </form>
      <p>
        {entries.length} usaha{entries.length > PAGE ? ` (${PAGE} pertama ditampilkan)` : ''} ·{' '}
        <a href={`/konsol/umkm.csv?${query}`}>Unduh CSV</a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Usaha</th>
              <th>Kecamatan</th>
              <th>Sektor</th>
              <th>Skala</th>
              <th>Tenaga kerja</th>
              <th>Tercatat</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, PAGE).map((e) => (
              <tr>
                <td>
                  <a href={`/konsol/berkas/${e.caseId}`}>{e.businessName}</a>
                  <br />
                  <span class="small muted">
                    a.n. {e.ownerMasked}
                    {e.nib ? ` · NIB ${e.nib}` : ''}
                  </span>
                </td>
                <td>{e.kecamatan}</td>
                <td>{e.sektor}</td>
                <td>{e.skala}</td>
                <td>{e.tenagaKerja}</td>
                <td>
                  {formatDateId(e.registeredAt)}
                  {needsUpdate(e, now) && (
                    <>
                      <br />
                      <strong class="tag tag-yellow">Perlu pembaruan tahunan</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RecapTable title="Rekap per kecamatan" column="Kecamatan" rows={recap.byKecamatan} />
      <RecapTable title="Rekap per sektor" column="Sektor" rows={recap.bySektor} />
    </ConsolePage>
  );
};
