/** @jsxImportSource hono/jsx */
import { SURVEY_QUESTIONS, UNSUR, office } from '@loket/core';
import { ErrorSummary } from './components';
import { Page } from './layout';

/** The satisfaction survey: nine questions, four answers each, a suggestion; phone-first, no login. */
export const SurveyPage = ({
  ref,
  serviceName,
  values = {},
  errors = [],
}: {
  ref: string;
  serviceName: string;
  values?: Record<string, string>;
  errors?: { field: string; message: string }[];
}) => (
  <Page title={`${errors.length ? 'Kesalahan: ' : ''}Survei kepuasan`}>
    <span class="muted">{serviceName}</span>
    <h1>Survei kepuasan masyarakat</h1>
    <p>
      Penilaian Anda membantu {office().word} memperbaiki pelayanan. Survei ini tanpa nama dan hanya dapat diisi sekali.
    </p>
    <ErrorSummary errors={errors} />
    <form method="post" action={`/survei/${ref}`} novalidate>
      {UNSUR.map((u, i) => {
        const q = SURVEY_QUESTIONS[u.id];
        const error = errors.find((e) => e.field === u.id);
        return (
          <fieldset id={u.id} class={error ? 'field field-error' : 'field'}>
            <legend>
              <span class="muted small">
                {i + 1}. {u.label}
              </span>
              <br />
              {q.question}
            </legend>
            {error && (
              <p class="error-message">
                <span class="visually-hidden">Kesalahan: </span>
                {error.message}
              </p>
            )}
            {q.options.map((label, score) => (
              <div class="check">
                <input
                  type="radio"
                  id={`${u.id}-${score + 1}`}
                  name={u.id}
                  value={String(score + 1)}
                  checked={values[u.id] === String(score + 1)}
                />
                <label for={`${u.id}-${score + 1}`}>{label}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <div class="field">
        <label for="saran">Saran (tidak wajib)</label>
        <p class="hint">Jangan menuliskan NIK atau data pribadi lain.</p>
        <textarea id="saran" name="saran" rows={4}>
          {values.saran ?? ''}
        </textarea>
      </div>
      <button class="button" type="submit">
        Kirim penilaian
      </button>
    </form>
  </Page>
);

export const SurveyDone = ({ already }: { already?: boolean }) => (
  <Page title="Terima kasih">
    <div class="panel panel-green">
      <h1>Terima kasih</h1>
      <p class="lead">{already ? 'Survei untuk permohonan ini sudah diisi.' : 'Penilaian Anda telah kami terima.'}</p>
    </div>
    <p>
      Hasil survei diumumkan setiap triwulan di laman <a href="/kinerja">Kinerja Pelayanan</a>.
    </p>
  </Page>
);
