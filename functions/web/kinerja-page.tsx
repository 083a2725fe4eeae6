/** @jsxImportSource hono/jsx */
import { GRADE_TEXT, gradeOf, type Report } from '@loket/core';
import { Page } from './layout';

const num = (v?: number, suffix = '') => (v === undefined ? '–' : `${v.toLocaleString('id-ID')}${suffix}`);
/** Working hours as a person reads them: "3 jam", "2,5 hari kerja" (a working day is 7.5 service hours). */
const duration = (h?: number) =>
  h === undefined
    ? '–'
    : h < 7.5
      ? `${num(Math.round(h * 10) / 10)} jam kerja`
      : `${num(Math.round((h / 7.5) * 10) / 10)} hari kerja`;

/** Public accountability: each service's promise kept, and what people said, last quarter. Aggregates only. */
export const KinerjaPage = ({ report }: { report: Report }) => (
  <Page title="Kinerja pelayanan">
    <h1>Kinerja pelayanan</h1>
    <p class="lead">
      {report.period.label}: {num(report.totals.received)} permohonan, {num(report.totals.onTimeRate, '%')} yang selesai
      tepat waktu.
    </p>
    <p>
      Indeks Kepuasan Masyarakat:{' '}
      {report.ikm.ikm === undefined ? (
        'belum cukup jawaban survei'
      ) : (
        <strong>
          {num(report.ikm.ikm)} ({report.ikm.grade}, {GRADE_TEXT[report.ikm.grade!]})
        </strong>
      )}{' '}
      dari {report.ikm.respondents} responden.
    </p>
    <ul class="cards">
      {report.services.map((s) => (
        <li class="card">
          <h2 class="h3">{s.name}</h2>
          <p class="small muted">Standar waktu: {s.sla}</p>
          <dl class="summary">
            <div>
              <dt>Selesai tepat waktu</dt>
              <dd>
                {s.finished ? `${num(s.onTimeRate, '%')} dari ${s.finished} permohonan` : 'Belum ada yang selesai'}
              </dd>
            </div>
            <div>
              <dt>Waktu penyelesaian (median)</dt>
              <dd>{duration(s.medianWorkingHours)}</dd>
            </div>
            <div>
              <dt>Kepuasan (IKM)</dt>
              <dd>{s.ikm === undefined ? 'Belum cukup jawaban' : `${num(s.ikm)} (${GRADE_TEXT[gradeOf(s.ikm)]})`}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
    <p class="small muted">
      Angka dihitung otomatis dari berkas yang diterima pada periode ini; tidak ada data pribadi yang ditampilkan.
    </p>
  </Page>
);
