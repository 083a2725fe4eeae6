/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import {
  hasDuty,
  isAdmin,
  type StaffMember,
  letterServices,
  theStandard,
  sessionService,
  scheduleName,
} from '@loket/core';
import { Page } from './layout';

export interface FieldError {
  field: string;
  message: string;
}

/** GOV.UK error summary: at the top of <main>, each problem linking to its field. */
export const ErrorSummary = ({ errors }: { errors: FieldError[] }) =>
  errors.length ? (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">Ada masalah</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  ) : null;

/** A labelled field with its hint and error, the way every form of the desk shows them. */
export const Field = ({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: Child;
}) => (
  <div class={error ? 'field field-error' : 'field'}>
    <label for={id}>{label}</label>
    {hint && (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    )}
    {error && (
      <p class="error-message" id={`${id}-error`}>
        <span class="visually-hidden">Kesalahan: </span>
        {error}
      </p>
    )}
    {children}
  </div>
);

export const Banner = ({ title, children, success }: { title: string; children: Child; success?: boolean }) => (
  <div
    class={success ? 'banner banner-success' : 'banner'}
    role={success ? 'status' : 'region'}
    aria-labelledby="banner-title"
  >
    <p class="banner-title" id="banner-title">
      {title}
    </p>
    <div class="banner-body">{children}</div>
  </div>
);

export type SummaryRow = [string, Child];
export const Summary = ({ rows }: { rows: SummaryRow[] }) => (
  <dl class="summary">
    {rows.map(([k, v]) => (
      <div>
        <dt>{k}</dt>
        <dd>{v}</dd>
      </div>
    ))}
  </dl>
);

/** The SLA tags used everywhere: text first, colour second. */
export const SLA_TAGS: Record<string, [string, string]> = {
  on_track: ['Sesuai jadwal', 'tag-green'],
  at_risk: ['Mendekati batas waktu', 'tag-yellow'],
  breached: ['Terlambat', 'tag-red'],
  met: ['Selesai tepat waktu', 'tag-green'],
  missed: ['Selesai terlambat', 'tag-red'],
  paused: ['Menunggu pemohon', 'tag-grey'],
  not_started: ['Menunggu berkas lengkap', 'tag-grey'],
};
export const SlaTag = ({ state }: { state: string }) => {
  const [text, cls] = SLA_TAGS[state] ?? [state, ''];
  return <strong class={`tag ${cls}`}>{text}</strong>;
};

/** The console's frame: the officer's navigation, their name and the sign-out button. */
export const ConsolePage = ({ title, officer, children }: { title: string; officer: StaffMember; children: Child }) => (
  <Page
    title={title}
    nav={[
      { href: '/konsol', label: 'Beranda' },
      { href: '/konsol/berkas', label: 'Daftar berkas' },
      { href: '/konsol/baru', label: 'Permohonan baru' },
      // Features the office's standard switches on: letters, a registry, a session schedule.
      ...(letterServices().length ? [{ href: '/konsol/surat', label: 'Register surat' }] : []),
      ...(hasDuty(officer.roles, 'complaintDesk') ? [{ href: '/konsol/lapor/baru', label: 'SP4N-LAPOR!' }] : []),
      { href: '/konsol/laporan', label: 'Laporan' },
      ...(theStandard().registry ? [{ href: '/konsol/umkm', label: theStandard().registry!.label }] : []),
      ...(sessionService() ? [{ href: '/konsol/klinik', label: `Jadwal ${scheduleName()}` }] : []),
      ...(isAdmin(officer.roles) ? [{ href: '/konsol/admin', label: 'Administrasi' }] : []),
    ]}
    account={
      <form method="post" action="/konsol/keluar" class="small">
        <span class="nowrap">{officer.name}</span>{' '}
        <button class="button-link" type="submit">
          Keluar
        </button>
      </form>
    }
  >
    {children}
    <p class="small muted">Sesi berakhir otomatis setelah 12 jam tanpa aktivitas.</p>
  </Page>
);

/** 403: the officer is signed in but this page is not for their roles. */
export const ForbiddenPage = ({ officer, what }: { officer: StaffMember; what: string }) => (
  <ConsolePage title="Tidak berwenang" officer={officer}>
    <h1>Tidak berwenang</h1>
    <p>{what}</p>
    <p>
      <a href="/konsol">Kembali ke Beranda</a>
    </p>
  </ConsolePage>
);
