/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import { GRADE_TEXT, type Report, type StaffMember } from '@loket/core';
import { ConsolePage, ErrorSummary, Field, Summary } from '../components';

const num = (v?: number, suffix = '') => (v === undefined ? '–' : `${v.toLocaleString('id-ID')}${suffix}`);

type PeriodProblem = { field: 'bulan' | 'triwulan' | 'tahun'; message: string };

/** The period chooser: a month, or a quarter, or a year; an ill-formed one shown on its field. */
const PeriodForm = ({ problem, asked = {} }: { problem?: PeriodProblem; asked?: Record<string, string> }) => {
  const input = (field: PeriodProblem['field'], label: string, attrs: Record<string, string>) => (
    <Field id={field} label={label} error={problem?.field === field ? problem.message : undefined}>
      <input class="input-short" id={field} name={field} value={asked[field] ?? ''} {...attrs} />
    </Field>
  );
  return (
    <form method="get" action="/konsol/laporan" class="filters">
      {input('bulan', 'Bulan', { type: 'month' })}
      {input('triwulan', 'atau triwulan (YYYY-Qn)', { type: 'text', placeholder: '2026-Q4' })}
      {input('tahun', 'atau tahun', { type: 'text', inputmode: 'numeric', placeholder: '2026' })}
      <button class="button button-secondary" type="submit">
        Tampilkan
      </button>
    </form>
  );
};

/** A period that could not be read: said on its field, nothing replaced behind the officer's back. */
export const ReportPeriodPage = ({
  officer,
  problem,
  asked,
}: {
  officer: StaffMember;
  problem: PeriodProblem;
  asked: Record<string, string>;
}) => (
  <ConsolePage title="Kesalahan: Laporan" officer={officer}>
    <ErrorSummary errors={[problem]} />
    <h1>Laporan</h1>
    <p>Pilih periode laporan.</p>
    <PeriodForm problem={problem} asked={asked} />
  </ConsolePage>
);

/** The head of office's report: totals, two charts, and each table with its CSV. */
export const ReportPage = ({
  officer,
  report,
  query,
  charts,
}: {
  officer: StaffMember;
  report: Report;
  query: string;
  charts: { onTime: string; ikm: string };
}) => (
  <ConsolePage title={`Laporan ${report.period.label}`} officer={officer}>
    <h1>Laporan {report.period.label}</h1>
    <PeriodForm />
    <Summary
      rows={[
        ['Permohonan diterima', num(report.totals.received)],
        ['Selesai', `${num(report.totals.finished)} (${num(report.totals.onTimeRate, '%')} tepat waktu)`],
        [
          'Indeks Kepuasan Masyarakat',
          report.ikm.ikm === undefined
            ? 'Belum cukup jawaban'
            : `${num(report.ikm.ikm)} · ${report.ikm.grade} (${GRADE_TEXT[report.ikm.grade!]})`,
        ],
        [
          'Responden survei',
          report.ikm.population === 0
            ? `${report.ikm.respondents}; belum ada permohonan selesai pada periode ini (tidak ada populasi survei)`
            : `${report.ikm.respondents} dari sampel minimal ${report.ikm.requiredSample} (populasi ${report.ikm.population}): ${report.ikm.sampleReached ? 'sampel tercapai' : 'sampel belum tercapai'}`,
        ],
        ...(report.ikm.weakest
          ? [['Unsur terlemah', `${report.ikm.weakest.label} (${num(report.ikm.weakest.nrr)})`] as [string, string]]
          : []),
      ]}
    />

    <h2>Ketepatan waktu per layanan</h2>
    <figure class="chart">
      {raw(charts.onTime)}
      <figcaption class="small muted">
        Persentase permohonan yang selesai tepat waktu; angka di ujung batang: jumlah yang selesai.
      </figcaption>
    </figure>
    <p>
      <a href={`/konsol/laporan.csv?tabel=layanan&${query}`}>Unduh tabel layanan (CSV)</a>
    </p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Layanan</th>
            <th>Diterima</th>
            <th>Selesai</th>
            <th>Tepat waktu</th>
            <th>Median (jam kerja)</th>
            <th>P90</th>
            <th>Terbuka</th>
            <th>Terlambat kini</th>
            <th>IKM</th>
          </tr>
        </thead>
        <tbody>
          {report.services.map((s) => (
            <tr>
              <td>
                {s.name}
                <br />
                <span class="small muted">{s.sla}</span>
              </td>
              <td>{s.received}</td>
              <td>{s.finished}</td>
              <td>{num(s.onTimeRate, '%')}</td>
              <td>{num(s.medianWorkingHours)}</td>
              <td>{num(s.p90WorkingHours)}</td>
              <td>{s.openNow}</td>
              <td>{s.overdueNow}</td>
              <td>{num(s.ikm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>

    <h2>Kepuasan masyarakat per unsur</h2>
    <figure class="chart">
      {raw(charts.ikm)}
      <figcaption class="small muted">Nilai rata-rata tiap unsur (1–4); merah: unsur terlemah.</figcaption>
    </figure>
    <p>
      <a href={`/konsol/laporan.csv?tabel=ikm&${query}`}>Unduh tabel IKM (CSV)</a>
    </p>

    <h2>Pengaduan</h2>
    <Summary
      rows={[
        ['Pengaduan diterima', `${report.complaints.received} (${report.complaints.fromLapor} dari SP4N-LAPOR!)`],
        ['Selesai ditindaklanjuti', String(report.complaints.finished)],
        [
          'Waktu tindak lanjut',
          `median ${num(report.complaints.medianWorkingHours)} jam kerja, P90 ${num(report.complaints.p90WorkingHours)} jam kerja`,
        ],
      ]}
    />

    <h2>Per petugas</h2>
    <p>
      <a href={`/konsol/laporan.csv?tabel=petugas&${query}`}>Unduh tabel petugas (CSV)</a>
    </p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Petugas</th>
            <th>Terbuka</th>
            <th>Terlambat</th>
            <th>Selesai (periode ini)</th>
          </tr>
        </thead>
        <tbody>
          {report.officers.map((o) => (
            <tr>
              <td>{o.name}</td>
              <td>{o.open}</td>
              <td>{o.overdue}</td>
              <td>{o.finished}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </ConsolePage>
);
