/** @jsxImportSource hono/jsx */
import type { StaffMember } from '@loket/core';
import { MANUAL_FILES_MAX, MANUAL_FILES_MAX_BYTES } from '../../lapor/manual-form';
import { ConsolePage, ErrorSummary, type FieldError, Field } from '../components';
import { office, complaintService } from '@loket/core';

/**
 * Registering a complaint from SP4N-LAPOR!: by its number through the API when the Dinas has
 * credentials, otherwise (or when the API is down) by typing what LAPOR! shows. Either way one case
 * per complaint number.
 */
export const LaporNewPage = ({
  officer,
  apiEnabled,
  values = {},
  errors = [],
}: {
  officer: StaffMember;
  apiEnabled: boolean;
  values?: Record<string, string>;
  errors?: FieldError[];
}) => {
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Pengaduan SP4N-LAPOR!`} officer={officer}>
      <ErrorSummary errors={errors} />
      <h1>Pengaduan dari SP4N-LAPOR!</h1>
      <p>
        Setiap nomor pengaduan LAPOR! menjadi satu berkas pengaduan. Batas waktu {complaintService()?.sla.text} dihitung
        sejak pengaduan didisposisikan ke {office().word}.
      </p>

      {apiEnabled && (
        <form method="post" action="/konsol/lapor/baru?cara=api" novalidate>
          <h2>Ambil dari SP4N-LAPOR!</h2>
          <Field
            id="complaintId"
            label="Nomor pengaduan LAPOR!"
            hint="Isi, lampiran, status dan waktu disposisi diambil langsung dari LAPOR!."
            error={err('complaintId')}
          >
            <input
              class="input-short"
              type="text"
              id="complaintId"
              name="complaintId"
              value={values.complaintId ?? ''}
              inputmode="numeric"
              autocomplete="off"
            />
          </Field>
          <button class="button" type="submit">
            Ambil dan daftarkan
          </button>
        </form>
      )}

      <form method="post" action="/konsol/lapor/baru?cara=manual" enctype="multipart/form-data" novalidate>
        <h2>{apiEnabled ? 'Atau catat secara manual' : 'Catat secara manual'}</h2>
        <p class="small muted">
          Salin dari halaman pengaduan di LAPOR!. Tanggapan {office().word} nanti perlu disalin kembali ke LAPOR!;
          halaman berkas akan mengingatkan.
        </p>
        <Field id="m-complaintId" label="Nomor pengaduan LAPOR!" error={err('m-complaintId')}>
          <input
            class="input-short"
            type="text"
            id="m-complaintId"
            name="complaintId"
            value={values['m-complaintId'] ?? ''}
            autocomplete="off"
          />
        </Field>
        <Field
          id="dispositionDate"
          label={`Tanggal disposisi ke ${office().word}`}
          hint={`Hari pengaduan diteruskan ke ${office().word} di LAPOR!; batas waktu dihitung dari sini.`}
          error={err('dispositionDate')}
        >
          <input
            class="input-short"
            type="date"
            id="dispositionDate"
            name="dispositionDate"
            value={values.dispositionDate ?? ''}
          />
        </Field>
        <Field
          id="dispositionTime"
          label="Jam disposisi (WIB, tidak wajib)"
          hint="Kosongkan bila tidak tertera; dihitung pukul 00.00."
        >
          <input
            class="input-short"
            type="time"
            id="dispositionTime"
            name="dispositionTime"
            value={values.dispositionTime ?? ''}
          />
        </Field>
        <Field id="title" label="Judul pengaduan" error={err('title')}>
          <input type="text" id="title" name="title" value={values.title ?? ''} maxlength={300} />
        </Field>
        <Field id="content" label="Isi pengaduan" error={err('content')}>
          <textarea id="content" name="content" rows={6}>
            {values.content ?? ''}
          </textarea>
        </Field>
        <Field
          id="reporterName"
          label="Nama pelapor (tidak wajib)"
          hint="Kosongkan bila pelapor anonim."
          error={err('reporterName')}
        >
          <input
            type="text"
            id="reporterName"
            name="reporterName"
            value={values.reporterName ?? ''}
            autocomplete="off"
          />
        </Field>
        <fieldset>
          <legend>Kerahasiaan</legend>
          <div class="check">
            <input type="checkbox" id="isSecret" name="isSecret" value="1" checked={values.isSecret === '1'} />
            <label for="isSecret">Pelapor meminta identitasnya dirahasiakan</label>
          </div>
          <div class="check">
            <input type="checkbox" id="isAnonymous" name="isAnonymous" value="1" checked={values.isAnonymous === '1'} />
            <label for="isAnonymous">Pengaduan anonim</label>
          </div>
        </fieldset>
        <Field
          id="files"
          label="Lampiran (tidak wajib)"
          hint={`PDF, JPG atau PNG; paling banyak ${MANUAL_FILES_MAX} berkas, ${MANUAL_FILES_MAX_BYTES / 1024 / 1024} MB seluruhnya.`}
          error={err('files')}
        >
          <input type="file" id="files" name="files" multiple accept="application/pdf,image/jpeg,image/png" />
        </Field>
        <button class="button" type="submit">
          Daftarkan pengaduan
        </button>
      </form>
    </ConsolePage>
  );
};
