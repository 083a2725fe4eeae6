/** @jsxImportSource hono/jsx */
import {
  formatWib,
  KLINIK_TOPICS,
  klinikEvaluation,
  type KlinikSession,
  seatsLeft,
  sessionStart,
  type StaffMember,
  hasDuty,
  scheduleName,
} from '@loket/core';
import { Banner, ConsolePage, ErrorSummary, type FieldError, Field, Summary } from '../components';

/** The month's Klinik KUKM schedule with its evaluation; the Admin Klinik adds sessions here. */
export const KlinikPage = ({
  officer,
  month,
  sessions,
  konsultan,
  flash,
  errors = [],
  values = {},
}: {
  officer: StaffMember;
  month: string;
  sessions: KlinikSession[];
  konsultan: StaffMember[];
  flash?: string;
  errors?: FieldError[];
  values?: Record<string, string>;
}) => {
  const evaluation = klinikEvaluation(sessions);
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Jadwal ${scheduleName()}`} officer={officer}>
      {flash && (
        <Banner title="Berhasil" success>
          {flash}
        </Banner>
      )}
      <ErrorSummary errors={errors} />
      <h1>Jadwal {scheduleName()}</h1>
      <form method="get" action="/konsol/klinik" class="filters">
        <div class="field">
          <label for="bulan">Bulan</label>
          <input class="input-short" type="month" id="bulan" name="bulan" value={month} />
        </div>
        <button class="button button-secondary" type="submit">
          Tampilkan
        </button>
      </form>
      <h2>Evaluasi bulan ini</h2>
      <Summary
        rows={[
          ['Sesi', String(evaluation.sessions)],
          [
            'Kursi terisi',
            `${evaluation.booked} dari ${evaluation.capacity}${evaluation.fillRate === undefined ? '' : ` (${evaluation.fillRate.toLocaleString('id-ID')}%)`}`,
          ],
          ...evaluation.byTopic
            .filter((t) => t.sessions)
            .map((t) => [t.topic, `${t.sessions} sesi, ${t.booked} peserta`] as [string, string]),
        ]}
      />
      <h2>Sesi</h2>
      {sessions.length ? (
        <ul class="cards">
          {sessions
            .sort((a, b) => sessionStart(a) - sessionStart(b))
            .map((s) => (
              <li class="card">
                <h3>{formatWib(sessionStart(s))}</h3>
                <p>
                  {s.topic} · {s.konsultanName} · {s.booked.length}/{s.capacity} peserta
                  {seatsLeft(s) === 0 ? ' · penuh' : ''}
                </p>
              </li>
            ))}
        </ul>
      ) : (
        <p class="muted">Belum ada sesi pada bulan ini.</p>
      )}
      {hasDuty(officer.roles, 'klinikSchedule') && (
        <form method="post" action="/konsol/klinik" novalidate>
          <h2>Tambah sesi</h2>
          <Field id="date" label="Tanggal" error={err('date')}>
            <input class="input-short" type="date" id="date" name="date" value={values.date ?? ''} />
          </Field>
          <Field id="time" label="Jam mulai (WIB)" error={err('time')}>
            <input class="input-short" type="time" id="time" name="time" value={values.time ?? '09:00'} />
          </Field>
          <Field id="topic" label="Topik" error={err('topic')}>
            <select id="topic" name="topic">
              {KLINIK_TOPICS.map((t) => (
                <option value={t} selected={values.topic === t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          <Field id="konsultanId" label="Konsultan" error={err('konsultanId')}>
            <select id="konsultanId" name="konsultanId">
              {konsultan.map((k) => (
                <option value={k.id} selected={values.konsultanId === k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="capacity" label="Kapasitas (peserta)" error={err('capacity')}>
            <input
              class="input-short"
              type="number"
              id="capacity"
              name="capacity"
              min={1}
              max={200}
              value={values.capacity ?? '10'}
            />
          </Field>
          <button class="button" type="submit">
            Tambah sesi
          </button>
        </form>
      )}
    </ConsolePage>
  );
};
