/** @jsxImportSource hono/jsx */
import {
  type FormMapping,
  formatWib,
  type Holiday,
  maskEmail,
  type OutboxEntry,
  roleLabel,
  services,
  serviceFields,
  staffRoles,
  type StaffMember,
  theStandard,
  slaLine,
} from '@loket/core';
import { Banner, ConsolePage, ErrorSummary, type FieldError, Field } from '../components';

/**
 * The administrator's pages: officers, the holiday calendar, form mappings, failed mail. One file,
 * four small pages that share the same frame; their routes are in ./routes.tsx.
 */
export const AdminHome = ({ officer }: { officer: StaffMember }) => (
  <ConsolePage title="Administrasi" officer={officer}>
    <h1>Administrasi</h1>
    <ul class="cards">
      <li class="card">
        <h3>
          <a href="/konsol/admin/petugas">Petugas</a>
        </h3>
        <p>Peran, atasan, aktif atau nonaktif.</p>
      </li>
      <li class="card">
        <h3>
          <a href="/konsol/admin/kalender">Kalender kerja</a>
        </h3>
        <p>Hari libur nasional dan cuti bersama.</p>
      </li>
      <li class="card">
        <h3>
          <a href="/konsol/admin/formulir">Formulir Google</a>
        </h3>
        <p>Pemetaan pertanyaan formulir ke isian layanan.</p>
      </li>
      <li class="card">
        <h3>
          <a href="/konsol/admin/email">Email gagal</a>
        </h3>
        <p>Email yang tidak dapat dikirim dan pengiriman ulang.</p>
      </li>
      <li class="card">
        <h3>
          <a href="/konsol/admin/surat">Pengaturan surat</a>
        </h3>
        <p>Kode klasifikasi, kode unit, kop surat dan penandatangan.</p>
      </li>
      <li class="card">
        <h3>
          <a href="/konsol/admin/standar">Standar pelayanan</a>
        </h3>
        <p>Standar yang dijalankan Loket: layanan, langkah, petugas dan batas waktu.</p>
      </li>
    </ul>
  </ConsolePage>
);

/** `/konsol/admin/standar`: the office's standard as the desk runs it (read-only: it changes by a new document). */
export const StandardPage = ({ officer }: { officer: StaffMember }) => {
  const s = theStandard();
  return (
    <ConsolePage title="Standar pelayanan" officer={officer}>
      <h1>Standar pelayanan</h1>
      <p class="lead">
        {s.title}, versi {s.version}.
      </p>
      <p class="small muted">
        {s.decree}. Standar diubah dengan dokumen baru berversi baru (periksa dengan{' '}
        <code>npx loket standard check</code>); berkas yang sudah berjalan tetap mengikuti versinya.
      </p>
      <h2>Kantor</h2>
      <dl class="summary">
        {(
          [
            ['Nama', s.office.name],
            ['Alamat', s.office.address],
            ['Jam layanan', s.office.hoursText],
            [
              'Nomor surat',
              `${s.office.letterNumber.format} (wilayah ${s.office.letterNumber.regionCode}, unit ${s.office.letterNumber.unitCode})`,
            ],
            ['Penanda tangan', s.office.signatory.title],
          ] as const
        ).map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>Peran</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Peran</th>
              <th>Atasan</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(s.roles).map(([id, r]) => (
              <tr>
                <td>
                  {r.label} <span class="small muted">({id})</span>
                </td>
                <td>{r.supervisor ? roleLabel(r.supervisor) : '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Layanan</h2>
      {s.services.map((x) => (
        <section>
          <h3>
            {x.number}. {x.name}
          </h3>
          <p class="small">
            Jangka waktu: {slaLine(x)} · Biaya: {x.cost} · Produk: {x.product}
          </p>
          <ol class="steps small">
            {x.steps.map((st) => (
              <li>
                <strong>{st.label}</strong> — {roleLabel(st.role)}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </ConsolePage>
  );
};

export const StaffListPage = ({
  officer,
  staff,
  flash,
}: {
  officer: StaffMember;
  staff: StaffMember[];
  flash?: string;
}) => (
  <ConsolePage title="Petugas" officer={officer}>
    {flash && (
      <Banner title="Berhasil" success>
        {flash}
      </Banner>
    )}
    <h1>Petugas ({staff.length})</h1>
    <p>
      <a class="button" href="/konsol/admin/petugas/baru">
        Tambah petugas
      </a>
    </p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Nama</th>
            <th>Peran</th>
            <th>Atasan</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr>
              <td>
                <a href={`/konsol/admin/petugas/${s.id}`}>{s.name}</a>
                <br />
                <span class="small muted">
                  {s.id} · {maskEmail(s.email)}
                </span>
              </td>
              <td>{s.roles.map((r) => roleLabel(r)).join(', ')}</td>
              <td>{s.superiorId ? (staff.find((x) => x.id === s.superiorId)?.name ?? s.superiorId) : '-'}</td>
              <td>
                <strong class={`tag ${s.active ? 'tag-green' : 'tag-grey'}`}>{s.active ? 'Aktif' : 'Nonaktif'}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </ConsolePage>
);

export const StaffEditPage = ({
  officer,
  member,
  staff,
  errors = [],
  isNew,
}: {
  officer: StaffMember;
  member: Partial<StaffMember>;
  staff: StaffMember[];
  errors?: FieldError[];
  isNew: boolean;
}) => {
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <ConsolePage
      title={`${errors.length ? 'Kesalahan: ' : ''}${isNew ? 'Tambah petugas' : 'Ubah petugas'}`}
      officer={officer}
    >
      <ErrorSummary errors={errors} />
      <h1>{isNew ? 'Tambah petugas' : `Ubah petugas: ${member.name}`}</h1>
      <form
        method="post"
        action={isNew ? '/konsol/admin/petugas/baru' : `/konsol/admin/petugas/${member.id}`}
        novalidate
      >
        {isNew && (
          <Field
            id="id"
            label="Kode petugas"
            hint="Huruf kecil, angka dan tanda -, contoh: kasi-hukum. Tidak dapat diubah."
            error={err('id')}
          >
            <input class="input-short" type="text" id="id" name="id" value={member.id ?? ''} />
          </Field>
        )}
        <Field id="name" label="Nama" error={err('name')}>
          <input type="text" id="name" name="name" value={member.name ?? ''} />
        </Field>
        <Field
          id="email"
          label="Email dinas"
          hint="Dipakai untuk masuk (Google atau tautan email) dan pemberitahuan."
          error={err('email')}
        >
          <input type="email" id="email" name="email" value={member.email ?? ''} spellcheck={false} />
        </Field>
        <fieldset id="roles">
          <legend>Peran</legend>
          {err('roles') && <p class="error-message">{err('roles')}</p>}
          {staffRoles().map((r) => (
            <div class="check">
              <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={member.roles?.includes(r)} />
              <label for={`role-${r}`}>{roleLabel(r)}</label>
            </div>
          ))}
        </fieldset>
        <Field id="superiorId" label="Atasan (menerima eskalasi keterlambatan)">
          <select id="superiorId" name="superiorId">
            <option value="">Tidak ada</option>
            {staff
              .filter((s) => s.id !== member.id)
              .map((s) => (
                <option value={s.id} selected={s.id === member.superiorId}>
                  {s.name}
                </option>
              ))}
          </select>
        </Field>
        <div class="check">
          <input type="checkbox" id="active" name="active" value="1" checked={member.active !== false} />
          <label for="active">Aktif (dapat masuk dan menerima berkas)</label>
        </div>
        <p>
          <button class="button" type="submit">
            Simpan
          </button>
          <a class="button button-secondary" href="/konsol/admin/petugas">
            Batal
          </a>
        </p>
      </form>
    </ConsolePage>
  );
};

export const CalendarPage = ({
  officer,
  holidays,
  year,
  flash,
  errors = [],
  values = {},
}: {
  officer: StaffMember;
  holidays: Holiday[];
  year: string;
  flash?: string;
  errors?: FieldError[];
  values?: Record<string, string>;
}) => {
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const shown = holidays.filter((h) => h.date.startsWith(year));
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Kalender kerja ${year}`} officer={officer}>
      {flash && (
        <Banner title="Kalender disimpan" success>
          {flash}
        </Banner>
      )}
      <ErrorSummary errors={errors} />
      <h1>Kalender kerja {year}</h1>
      <p class="small">
        {[Number(year) - 1, Number(year) + 1].map((y) => (
          <>
            <a href={`/konsol/admin/kalender?tahun=${y}`}>Tahun {y}</a>{' '}
          </>
        ))}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Tanggal</th>
              <th>Jenis</th>
              <th>Keterangan</th>
              <th>
                <span class="visually-hidden">Hapus</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((h) => (
              <tr>
                <td class="nowrap">{h.date}</td>
                <td>{h.type === 'LN' ? 'Libur nasional' : 'Cuti bersama'}</td>
                <td>
                  {h.name}
                  <br />
                  <span class="small muted">{h.basis}</span>
                </td>
                <td>
                  <form method="post" action={`/konsol/admin/kalender/${h.date}/hapus`}>
                    <button class="button-link" type="submit">
                      Hapus<span class="visually-hidden"> {h.date}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && (
        <p class="muted">Belum ada daftar resmi untuk tahun ini: batas waktu dihitung sebagai perkiraan.</p>
      )}
      <h2>Tambah atau ubah hari libur</h2>
      <form method="post" action="/konsol/admin/kalender" novalidate>
        <Field id="date" label="Tanggal" hint="Format TTTT-BB-HH, contoh 2026-12-24" error={err('date')}>
          <input class="input-short" type="text" id="date" name="date" value={values.date ?? ''} />
        </Field>
        <Field id="type" label="Jenis">
          <select id="type" name="type">
            <option value="LN">Libur nasional</option>
            <option value="CB" selected={values.type === 'CB'}>
              Cuti bersama
            </option>
          </select>
        </Field>
        <Field id="name" label="Keterangan" error={err('name')}>
          <input type="text" id="name" name="name" value={values.name ?? ''} />
        </Field>
        <Field id="basis" label="Dasar hukum" hint="Contoh: SKB 3 Menteri 1497/2025" error={err('basis')}>
          <input type="text" id="basis" name="basis" value={values.basis ?? ''} />
        </Field>
        <button class="button" type="submit">
          Simpan hari libur
        </button>
      </form>
      <p class="small muted">
        Setelah kalender diubah, batas waktu semua berkas terbuka dihitung ulang oleh tugas terjadwal dalam satu menit.
      </p>
    </ConsolePage>
  );
};

interface MappingRow extends FormMapping {
  source: 'tersimpan' | 'konfigurasi' | 'contoh lokal';
}

export const FormsPage = ({
  officer,
  mappings,
  flash,
}: {
  officer: StaffMember;
  mappings: MappingRow[];
  flash?: string;
}) => (
  <ConsolePage title="Formulir Google" officer={officer}>
    {flash && (
      <Banner title="Berhasil" success>
        {flash}
      </Banner>
    )}
    <h1>Formulir Google</h1>
    <p>
      <a class="button" href="/konsol/admin/formulir/ubah">
        Tambah pemetaan formulir
      </a>
    </p>
    <ul class="cards">
      {mappings.map((m) => (
        <li class="card">
          <h3>
            <a href={`/konsol/admin/formulir/ubah?form=${encodeURIComponent(m.formId)}`}>{m.formId}</a>
          </h3>
          <p>
            {services().find((s) => s.id === m.serviceId)?.name ?? m.serviceId} · {Object.keys(m.questions).length}{' '}
            pertanyaan · <span class="muted">{m.source}</span>
          </p>
          {m.formUrl && <p class="small">{m.formUrl}</p>}
        </li>
      ))}
    </ul>
  </ConsolePage>
);

export interface PreviewRow {
  title: string;
  field?: string;
}

export const FormEditPage = ({
  officer,
  values,
  errors = [],
  preview,
}: {
  officer: StaffMember;
  values: Record<string, string>;
  errors?: FieldError[];
  preview?: PreviewRow[];
}) => {
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const service = services().find((s) => s.id === values.serviceId);
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Pemetaan formulir`} officer={officer}>
      <ErrorSummary errors={errors} />
      <h1>Pemetaan formulir</h1>
      <form method="post" action="/konsol/admin/formulir/ubah" novalidate>
        <Field
          id="formId"
          label="ID formulir Google"
          hint="Bagian alamat formulir di antara /d/ dan /edit."
          error={err('formId')}
        >
          <input type="text" id="formId" name="formId" value={values.formId ?? ''} />
        </Field>
        <Field id="serviceId" label="Layanan">
          <select id="serviceId" name="serviceId">
            {services().map((s) => (
              <option value={s.id} selected={s.id === values.serviceId}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="formUrl"
          label="Alamat publik formulir (tidak wajib)"
          hint="Ditampilkan di halaman layanan sebagai tautan pengajuan."
          error={err('formUrl')}
        >
          <input type="url" id="formUrl" name="formUrl" value={values.formUrl ?? ''} />
        </Field>
        <Field
          id="questions"
          label="Pertanyaan → isian"
          hint="Satu baris per pertanyaan: judul atau ID pertanyaan, tanda =, lalu kode isian."
          error={err('questions')}
        >
          <textarea id="questions" name="questions" rows={10}>
            {values.questions ?? ''}
          </textarea>
        </Field>
        {service && (
          <details>
            <summary>Kode isian layanan ini</summary>
            <ul class="small">
              {serviceFields(service).map((f) => (
                <li>
                  <code>{f.id}</code>: {f.label}
                </li>
              ))}
            </ul>
          </details>
        )}
        <Field
          id="sample"
          label="Contoh jawaban untuk pratinjau (tidak wajib)"
          hint="Tempel kiriman JSON dari Apps Script untuk melihat pertanyaan mana yang cocok."
          error={err('sample')}
        >
          <textarea id="sample" name="sample" rows={6}>
            {values.sample ?? ''}
          </textarea>
        </Field>
        {preview && (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Pratinjau pemetaan</caption>
              <thead>
                <tr>
                  <th>Pertanyaan pada contoh</th>
                  <th>Isian</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr>
                    <td>{p.title}</td>
                    <td>
                      {p.field ? (
                        <strong class="tag tag-green">{p.field}</strong>
                      ) : (
                        <strong class="tag tag-red">Tidak dikenali</strong>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <button class="button" type="submit" name="aksi" value="simpan">
            Simpan pemetaan
          </button>
          <button class="button button-secondary" type="submit" name="aksi" value="pratinjau">
            Pratinjau
          </button>
        </p>
      </form>
    </ConsolePage>
  );
};

export const FailedMailPage = ({
  officer,
  mails,
  flash,
}: {
  officer: StaffMember;
  mails: OutboxEntry[];
  flash?: string;
}) => (
  <ConsolePage title="Email gagal" officer={officer}>
    {flash && (
      <Banner title="Email dikirim ulang" success>
        {flash}
      </Banner>
    )}
    <h1>Email gagal ({mails.length})</h1>
    {mails.length === 0 ? (
      <p class="muted">Tidak ada email yang gagal.</p>
    ) : (
      <ul class="cards">
        {mails.map((m) => (
          <li class="card card-red">
            <h3>{m.subject}</h3>
            <p class="small">
              Kepada {m.to.map(maskEmail).join(', ')} · {m.failedAt ? formatWib(m.failedAt) : '-'} · {m.attempts}{' '}
              percobaan
            </p>
            <p class="small">{m.lastError ?? '-'}</p>
            {m.caseId && (
              <p class="small">
                <a href={`/konsol/berkas/${m.caseId}`}>Buka berkas</a>
              </p>
            )}
            <form method="post" action={`/konsol/admin/email/${encodeURIComponent(m.id)}/kirim-ulang`}>
              <button class="button button-secondary" type="submit">
                Kirim ulang
              </button>
            </form>
          </li>
        ))}
      </ul>
    )}
  </ConsolePage>
);
export { LetterSettingsPage } from './letter-settings';
