/** @jsxImportSource hono/jsx */
import { type Field as StandardField, office, type Service } from '@loket/core';
import { Banner, ErrorSummary, type FieldError, Field, Summary } from './components';
import { Page } from './layout';

/** What a demo response already holds: each field's text, or the names of its uploaded files. */
export interface DemoAnswers {
  email?: string;
  values: Record<string, string>;
  files: Record<string, string[]>;
}

const EXAMPLE_NOTE =
  'Ini contoh formulir pada desk lokal. Di kantor, permohonan diisi melalui Google Form; ' +
  'contoh ini mengirim jawaban dengan webhook bertanda tangan yang sama seperti Apps Script Google Form.';

const inputOf = (f: StandardField, value: string, name: string) => {
  const common = { id: name, name, required: f.required && f.kind !== 'document' };
  switch (f.kind) {
    case 'textarea':
      return (
        <textarea {...common} rows={4}>
          {value}
        </textarea>
      );
    case 'choice':
      return (
        <select {...common}>
          <option value="">Pilih</option>
          {(f.options ?? []).map((o) => (
            <option value={o} selected={value === o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'document':
      return <input type="file" id={name} name={name} accept={(f.accept ?? []).join(',') || undefined} />;
    case 'date':
      return <input {...common} class="input-short" type="date" value={value} />;
    case 'email':
      return <input {...common} type="email" value={value} autocomplete="email" spellcheck={false} />;
    case 'phone':
      return <input {...common} class="input-short" type="tel" value={value} autocomplete="tel" />;
    case 'nik':
    case 'kk':
    case 'nib':
    case 'number':
    case 'money':
      return <input {...common} class="input-short" type="text" inputmode="numeric" value={value} />;
    default:
      return <input {...common} type="text" value={value} />;
  }
};

const hintOf = (f: StandardField, kept: string[] | undefined) => {
  if (f.kind !== 'document') return f.kind === 'nik' || f.kind === 'kk' ? '16 digit angka' : undefined;
  const types = (f.accept ?? []).map((t) => t.split('/')[1]!.toUpperCase()).join(', ');
  const limit = f.maxBytes ? `, paling besar ${Math.round(f.maxBytes / 1024 / 1024)} MB` : '';
  const keep = kept?.length ? ` Tersimpan: ${kept.join(', ')}; unggah lagi hanya untuk menggantinya.` : '';
  return `${types || 'PDF atau gambar'}${limit}.${keep}`;
};

/** `/contoh/formulir/{service}`: the service's form as its Google Form asks it, on the local desk only. */
export const DemoFormPage = ({
  service,
  action,
  answers,
  editing = false,
  errors = [],
}: {
  service: Service;
  action: string;
  answers?: DemoAnswers;
  /** Changing a sent response (the applicant's edit link), not a first answer. */
  editing?: boolean;
  errors?: FieldError[];
}) => {
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <Page title={`${errors.length ? 'Kesalahan: ' : ''}Formulir ${service.name}`}>
      <Banner title="Contoh formulir">
        <p>{EXAMPLE_NOTE}</p>
      </Banner>
      <ErrorSummary errors={errors} />
      <span class="muted">{editing ? 'Edit jawaban' : 'Formulir permohonan'}</span>
      <h1>{service.name}</h1>
      <p>
        Isian bertanda <strong>(wajib)</strong> harus diisi. Persyaratan dapat dilihat di{' '}
        <a href={`/layanan/${service.id}`}>halaman layanan</a>.
      </p>
      <form method="post" action={action} enctype="multipart/form-data">
        <Field
          id="email"
          label="Email (wajib)"
          hint="Tanda terima dan kabar perkembangan permohonan dikirim ke alamat ini."
          error={err('email')}
        >
          <input
            type="email"
            id="email"
            name="email"
            value={answers?.email ?? ''}
            required
            autocomplete="email"
            spellcheck={false}
          />
        </Field>
        {[
          // The address Google Forms collects itself stands above; an email question would ask it twice.
          { text: 'Data pemohon', fields: service.applicantFields.filter((f) => f.kind !== 'email') },

          ...service.requirements,
        ]
          .filter((r) => r.fields.length)
          .map((r) => (
            <fieldset>
              <legend>{r.text}</legend>
              {r.fields.map((f) => (
                <Field
                  id={`f-${f.id}`}
                  label={`${f.label} ${f.required ? '(wajib)' : '(tidak wajib)'}`}
                  hint={hintOf(f, answers?.files[f.id])}
                  error={err(`f-${f.id}`)}
                >
                  {inputOf(f, answers?.values[f.id] ?? '', `f-${f.id}`)}
                </Field>
              ))}
            </fieldset>
          ))}
        <button class="button" type="submit">
          {editing ? 'Kirim perbaikan' : 'Kirim'}
        </button>
      </form>
    </Page>
  );
};

/** After sending: Google's "your response has been recorded", with the desk's receipt beside it. */
export const DemoSentPage = ({
  service,
  trackingNumber,
  editUrl,
  resubmitted,
}: {
  service: Service;
  trackingNumber?: string;
  editUrl: string;
  resubmitted: boolean;
}) => (
  <Page title="Jawaban terkirim">
    <Banner title="Contoh formulir">
      <p>{EXAMPLE_NOTE}</p>
    </Banner>
    <div class="panel panel-green">
      <h1>{resubmitted ? 'Perbaikan terkirim' : 'Permohonan terkirim'}</h1>
      {trackingNumber ? (
        <p class="lead">
          Nomor registrasi
          <br />
          <span class="tn">{trackingNumber}</span>
        </p>
      ) : (
        <p class="lead">Jawaban Anda telah direkam; nomor registrasi dikirim ke email Anda.</p>
      )}
    </div>
    <Summary rows={[['Layanan', service.name]]} />
    <h2>Langkah berikutnya</h2>
    <ul>
      <li>Tanda terima dengan nomor registrasi dikirim ke email Anda.</li>
      {trackingNumber && (
        <li>
          Cek perkembangan di <a href={`/status/${trackingNumber}`}>halaman status</a> dengan nomor registrasi ini.
        </li>
      )}
      <li>
        Jika petugas meminta perbaikan, ubah jawaban Anda melalui <a href={editUrl}>Edit jawaban</a> (tautan yang sama
        juga ada di email konfirmasi formulir). Simpan tautan ini: siapa pun yang memegangnya dapat mengubah jawaban.
      </li>
      <li>
        Bantuan: {office().phone}, {office().hoursText}.
      </li>
    </ul>
  </Page>
);
