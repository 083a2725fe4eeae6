/** @jsxImportSource hono/jsx */
import {
  classificationOf,
  delegateRoles,
  letterServices,
  maskDigitRuns,
  roleLabel,
  type LetterSettings,
  letterTitle,
  type StaffMember,
  office,
} from '@loket/core';
import { Banner, ConsolePage, ErrorSummary, type FieldError, Field } from '../components';

/** The settings of the letters: numbering codes, letterhead and signatory. Saved with a version check. */
export const LetterSettingsPage = ({
  officer,
  settings,
  version,
  errors = [],
  flash,
}: {
  officer: StaffMember;
  settings: LetterSettings;
  version: number;
  errors?: FieldError[];
  flash?: string;
}) => {
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  const input = (id: string, label: string, value: string, hint?: string, short = false) => (
    <Field id={id} label={label} hint={hint} error={err(id)}>
      <input class={short ? 'input-short' : undefined} type="text" id={id} name={id} value={value} />
    </Field>
  );
  const signatoryInputs = (prefix: string, heading: string, s: LetterSettings['signatory']) => (
    <>
      <h3>{heading}</h3>
      {input(`${prefix}.title`, 'Jabatan', s.title)}
      {input(`${prefix}.name`, 'Nama', s.name)}
      {input(`${prefix}.rank`, 'Pangkat/golongan', s.rank)}
      {input(`${prefix}.nip`, 'NIP', s.nip, '18 angka', true)}
      <Field
        id={`${prefix}.nik`}
        label="NIK untuk BSrE"
        hint={
          s.nik
            ? `Tersimpan: ${maskDigitRuns(s.nik)}. Kosongkan untuk tetap memakainya.`
            : '16 angka; hanya untuk tanda tangan BSrE'
        }
        error={err(`${prefix}.nik`)}
      >
        <input
          class="input-short"
          type="text"
          id={`${prefix}.nik`}
          name={`${prefix}.nik`}
          value=""
          autocomplete="off"
          inputmode="numeric"
        />
      </Field>
    </>
  );
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}Pengaturan surat`} officer={officer}>
      {flash && (
        <Banner title="Berhasil" success>
          {flash}
        </Banner>
      )}
      <ErrorSummary errors={errors} />
      <h1>Pengaturan surat</h1>
      <p>
        Nomor surat:{' '}
        <code>
          kode klasifikasi/nomor urut/{settings.regionCode}.{settings.unitCode}/tahun
        </code>
        . Nomor urut mulai dari 1 setiap 1 Januari dan tidak pernah dipakai ulang. Perubahan berlaku untuk surat
        berikutnya; surat yang sudah terbit tidak berubah.
      </p>
      <form method="post" action="/konsol/admin/surat" novalidate>
        <input type="hidden" name="version" value={String(version)} />
        <h2>Penomoran</h2>
        {input(
          'regionCode',
          'Kode wilayah',
          settings.regionCode,
          'Kode wilayah pemerintah daerah pada nomor surat',
          true,
        )}
        {input(
          'unitCode',
          'Kode unit',
          settings.unitCode,
          `Kode unit kerja; nomor surat berpola ${office().letterNumber.format}`,
          true,
        )}
        <div class="check">
          <input
            type="checkbox"
            id="counterPerClassification"
            name="counterPerClassification"
            value="1"
            checked={settings.counterPerClassification}
          />
          <label for="counterPerClassification">Nomor urut terpisah untuk setiap kode klasifikasi</label>
        </div>
        {letterServices().map((t) =>
          input(
            `classification.${t}`,
            `Kode klasifikasi: ${letterTitle(t)}`,
            classificationOf(settings, t),
            'Permendagri 83/2022, mis. 500.3.2',
            true,
          ),
        )}
        <h2>Kop surat</h2>
        {input('letterhead.government', 'Baris pertama', settings.letterhead.government)}
        {input('letterhead.office', 'Nama dinas', settings.letterhead.office)}
        {input('letterhead.address', 'Alamat', settings.letterhead.address)}
        {input('letterhead.contact', 'Telepon dan laman', settings.letterhead.contact)}
        {input('letterhead.place', 'Tempat penandatanganan', settings.letterhead.place, undefined, true)}
        <h2>Penandatangan</h2>
        <p>
          Surat tidak dapat ditandatangani sebelum nama dan NIP (18 angka) penanda tangannya diisi. NIK diperlukan bila
          surat ditandatangani melalui BSrE; NIK yang tersimpan tidak ditampilkan.
        </p>
        {signatoryInputs('signatory', roleLabel(office().signatory.role), settings.signatory)}
        {delegateRoles().map((r) =>
          signatoryInputs(
            `delegates.${r}`,
            `${roleLabel(r)} (a.n./Plt.)`,
            settings.delegates[r] ?? { title: '', name: '', rank: '', nip: '', nik: '' },
          ),
        )}
        {input('ppidSuperior', 'Penerima keberatan informasi publik (Atasan PPID)', settings.ppidSuperior)}
        <button class="button" type="submit">
          Simpan pengaturan
        </button>
      </form>
    </ConsolePage>
  );
};
