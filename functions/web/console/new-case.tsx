/** @jsxImportSource hono/jsx */
import {
  type CaseRecord,
  caseService,
  checklistInOrder,
  documentFieldsOf,
  formatWib,
  office,
  requirementLabel,
  type Service,
  type StaffMember,
  statusUrl,
} from '@loket/core';
import { DESK_CHANNELS, deskFields, deskServices } from './desk-intake';
import { Banner, ConsolePage, ErrorSummary, type FieldError, Field, Summary } from '../components';

export const NewCasePage = ({
  officer,
  service,
  values = {},
  errors = [],
}: {
  officer: StaffMember;
  service?: Service;
  values?: Record<string, string>;
  errors?: FieldError[];
}) => {
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Permohonan baru`} officer={officer}>
      <ErrorSummary errors={errors} />
      <h1>Permohonan baru</h1>
      {!service ? (
        <form method="get" action="/konsol/baru">
          <Field
            id="layanan"
            label="Layanan"
            hint={`Permohonan yang datang langsung, melalui surat, atau dari internal ${office().word}.`}
          >
            <select id="layanan" name="layanan">
              {deskServices().map((s) => (
                <option value={s.id}>{s.name}</option>
              ))}
            </select>
          </Field>
          <button class="button" type="submit">
            Lanjut
          </button>
        </form>
      ) : (
        <form method="post" action={`/konsol/baru?layanan=${service.id}`} novalidate>
          <p>
            <strong>{service.name}</strong> · {service.sla.text} · <a href="/konsol/baru">Ganti layanan</a>
          </p>
          <fieldset id="channel">
            <legend>Diterima melalui</legend>
            {service.channels
              .filter((ch) => ch in DESK_CHANNELS)
              .map((ch, i) => (
                <div class="check">
                  <input
                    type="radio"
                    id={`ch-${ch}`}
                    name="channel"
                    value={ch}
                    checked={values.channel ? values.channel === ch : i === 0}
                  />
                  <label for={`ch-${ch}`}>{DESK_CHANNELS[ch]}</label>
                </div>
              ))}
          </fieldset>
          <Field id="nama" label="Nama pemohon" error={err('nama')}>
            <input type="text" id="nama" name="nama" value={values.nama ?? ''} autocomplete="off" />
          </Field>
          <Field
            id="email"
            label="Email pemohon (tidak wajib)"
            hint="Tanda terima dan kabar perkembangan dikirim ke alamat ini."
            error={err('email')}
          >
            <input
              type="email"
              id="email"
              name="email"
              value={values.email ?? ''}
              autocomplete="off"
              spellcheck={false}
            />
          </Field>
          <Field id="hp" label="Nomor HP pemohon (tidak wajib)" error={err('hp')}>
            <input class="input-short" type="text" id="hp" name="hp" inputmode="tel" value={values.hp ?? ''} />
          </Field>
          {deskFields(service).map((f) => (
            <Field id={`f-${f.id}`} label={`${f.label}${f.required ? '' : ' (tidak wajib)'}`} error={err(`f-${f.id}`)}>
              {f.kind === 'textarea' ? (
                <textarea id={`f-${f.id}`} name={`f-${f.id}`} rows={4}>
                  {values[`f-${f.id}`] ?? ''}
                </textarea>
              ) : f.kind === 'choice' && f.options ? (
                <select id={`f-${f.id}`} name={`f-${f.id}`}>
                  <option value="">Pilih</option>
                  {f.options.map((o) => (
                    <option value={o} selected={values[`f-${f.id}`] === o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input type="text" id={`f-${f.id}`} name={`f-${f.id}`} value={values[`f-${f.id}`] ?? ''} />
              )}
            </Field>
          ))}
          <p class="small muted">
            Isian yang belum lengkap tidak menghalangi pendaftaran: berkas dibuat dan kekurangannya tercatat pada daftar
            persyaratan.
          </p>
          <button class="button" type="submit">
            Daftarkan permohonan
          </button>
        </form>
      )}
    </ConsolePage>
  );
};

/**
 * Confirmation of a registration, printable as the applicant's tanda terima (the stylesheet hides the
 * console around it on paper); its own address, so it still works when bookmarked or reloaded.
 */
export const RegisteredPage = ({
  officer,
  c,
  publicUrl,
}: {
  officer: StaffMember;
  c: CaseRecord;
  publicUrl: string;
}) => {
  const service = caseService(c);
  const o = office();
  const received = checklistInOrder(c, service).filter(([id]) => service.requirements.some((r) => r.id === id));
  const documentsMissing = received.some(
    ([id, item]) => item.status === 'missing' && documentFieldsOf(service, id).length,
  );
  return (
    <ConsolePage title="Tanda terima permohonan" officer={officer}>
      <div class="panel panel-green">
        <p class="small">{o.name}</p>
        <h1>Tanda terima permohonan</h1>
        <p class="lead">
          Nomor registrasi
          <br />
          <span class="tn">{c.trackingNumber}</span>
        </p>
      </div>
      <Summary
        rows={[
          ['Layanan', service.name],
          ['Pemohon', c.applicant.name],
          ['Diterima', formatWib(c.clock.receivedAt)],
          ['Perkiraan selesai', c.clock.targetAt === undefined ? '-' : formatWib(c.clock.targetAt)],
          ['Cek status', statusUrl(publicUrl, c)],
        ]}
      />
      <h2>Persyaratan yang diterima</h2>
      <ul>
        {received.map(([id, item]) => (
          <li>
            {requirementLabel(service, id)}:{' '}
            <strong>{item.status === 'missing' ? 'belum diserahkan' : 'diterima'}</strong>
          </li>
        ))}
      </ul>
      <p class="small">
        Pertanyaan dan pengaduan: {o.phone}, {o.hoursText}.
        {c.applicant.email && ' Tanda terima ini juga dikirim ke email pemohon.'}
      </p>
      <Banner title="Langkah berikutnya">
        Cetak halaman ini (Ctrl+P) dan serahkan kepada pemohon.{' '}
        {documentsMissing ? 'Lampirkan scan dokumen yang dibawa pemohon pada halaman berkas. ' : ''}
        <a href={`/konsol/berkas/${c.id}`}>Buka berkas</a>
      </Banner>
      <p>
        <a class="button button-secondary" href="/konsol/baru">
          Daftarkan permohonan lain
        </a>
      </p>
    </ConsolePage>
  );
};
