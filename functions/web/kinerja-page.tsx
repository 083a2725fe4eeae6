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

/**
 * Public accountability: each service's promise kept, and what people said, last quarter. Aggregates
 * only. What has no data yet is said once, not on every card.
 */
export const KinerjaPage = ({ report }: { report: Report }) => {
  const { received, finished, onTimeRate } = report.totals;
  return (
    <Page title="Kinerja pelayanan">
      <h1>Kinerja pelayanan</h1>
      <p class="lead">
        {report.period.label}: {num(received)} permohonan diterima
        {finished
          ? `, ${num(finished)} selesai, ${num(onTimeRate, '%')} di antaranya tepat waktu.`
          : '; belum ada yang selesai, sehingga ketepatan waktu belum dapat dihitung.'}
      </p>
      <p>
        Indeks Kepuasan Masyarakat:{' '}
        {report.ikm.ikm !== undefined ? (
          <>
            <strong>
              {num(report.ikm.ikm)} ({report.ikm.grade}, {GRADE_TEXT[report.ikm.grade!]})
            </strong>{' '}
            dari {report.ikm.respondents} responden.
          </>
        ) : report.ikm.respondents ? (
          `belum cukup jawaban survei (${report.ikm.respondents} responden).`
        ) : (
          'belum ada jawaban survei.'
        )}
      </p>
      {finished ? (
        <ul class="cards">
          {report.services.map((s) => (
            <li class="card">
              <h2 class="h3">{s.name}</h2>
              <p class="small muted">Standar waktu: {s.sla}</p>
              {s.finished ? (
                <dl class="summary">
                  <div>
                    <dt>Selesai tepat waktu</dt>
                    <dd>{`${num(s.onTimeRate, '%')} dari ${s.finished} permohonan`}</dd>
                  </div>
                  <div>
                    <dt>Waktu penyelesaian (median)</dt>
                    <dd>{duration(s.medianWorkingHours)}</dd>
                  </div>
                  {s.ikm !== undefined && (
                    <div>
                      <dt>Kepuasan (IKM)</dt>
                      <dd>{`${num(s.ikm)} (${GRADE_TEXT[gradeOf(s.ikm)]})`}</dd>
                    </div>
                  )}
                </dl>
              ) : (
                <p class="small">Belum ada permohonan yang selesai.</p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <h2>Standar waktu per layanan</h2>
          <ul>
            {report.services.map((s) => (
              <li>
                {s.name} <span class="small muted">— {s.sla}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="small muted">
        Angka dihitung otomatis dari berkas yang diterima pada periode ini; tidak ada data pribadi yang ditampilkan.
      </p>
    </Page>
  );
};
