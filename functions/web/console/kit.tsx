/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { CASE_ID, type CaseRecord, isLoketError, LoketError } from '@loket/core';
import type { Deps } from '../../deps';
import { statusOfError } from '../../api/errors';
import type { ConsoleEnv } from '../auth/session';
import type { FieldError } from '../components';
import { pageRenderer } from '../lazy-pages';
import * as pages from './pages';

/** The notices a redirect can ask for (`?pesan=`). */
const FLASH: Record<string, string> = {
  tindakan: 'Tindakan telah disimpan dan tercatat di riwayat berkas.',
  persyaratan: 'Persyaratan telah dinyatakan sesuai.',
  'persyaratan-tidak': 'Persyaratan telah dinyatakan tidak sesuai; catatan Anda tercatat pada persyaratan itu.',
  lampiran: 'Scan dokumen telah dilampirkan dan tercatat; periksa, lalu nyatakan persyaratannya sesuai.',
  disposisi: 'Berkas telah didisposisikan.',
  lapor: 'Pengaduan SP4N-LAPOR! telah didaftarkan.',
  'lapor-ada': 'Pengaduan SP4N-LAPOR! ini sudah terdaftar sebelumnya; inilah berkasnya.',
  disalin: 'Tercatat: tanggapan telah disalin ke SP4N-LAPOR!.',
  sesi: 'Sesi jadwal ditambahkan.',
  perpanjang: 'Batas jawaban diperpanjang 7 hari kerja; alasannya tercatat di riwayat.',
  paraf: 'Paraf Anda tercatat pada surat.',
  ditandatangani: 'Surat telah ditandatangani dan terbit. Pemohon diberi tahu melalui email.',
  dicabut: 'Surat telah dicabut. Nomornya tetap tercatat di register dengan status dicabut.',
};

/** The HTTP status of a refused console action, by the domain's error code. */

/** What every area of the console shares: rendering a page, loading a case, the case page, errors as field messages. */
export const consoleKit = (deps: Deps) => {
  /** The console is itself loaded lazily (console-group.ts), so its pages are imported statically. */
  const render = pageRenderer(pages);
  const staffMap = async () => new Map((await deps.staff.list()).map((s) => [s.id, s] as const));
  const loadCase = async (c: Context<ConsoleEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!CASE_ID.test(id)) throw new LoketError('not_found', 'Berkas tidak ditemukan.');
    return deps.cases.get(id);
  };
  /**
   * A finished walk-in request: the survey's QR code for the visitor to scan at the desk (the same
   * one-answer link a form applicant gets by mail).
   */
  const surveyQr = async (record: CaseRecord) => {
    if (
      record.channel !== 'walk_in' ||
      !record.survey ||
      record.closedAt === undefined ||
      record.survey.until < deps.time.now()
    )
      return undefined;
    const QRCode = (await import('qrcode')).default;
    return QRCode.toString(`${deps.config.LOKET_PUBLIC_URL}/survei/${record.id}.${record.survey.token}`, {
      type: 'svg',
      margin: 2,
      width: 180,
    });
  };
  const casePage = async (
    c: Context<ConsoleEnv>,
    record: CaseRecord,
    extra: { revealed?: boolean; flash?: string; errors?: FieldError[] } = {},
  ) =>
    render(c, async (P) => (
      <P.CasePage
        c={record}
        officer={c.get('officer')}
        events={await deps.cases.events(record.id)}
        staff={await staffMap()}
        now={deps.time.now()}
        surveyQr={await surveyQr(record)}
        {...extra}
      />
    ));
  const failure = (e: unknown): FieldError[] => {
    if (!isLoketError(e)) throw e;
    // The summary says the whole sentence and links to the field the domain named; when several fields
    // are wrong, each says its own.
    if (e.fields.length > 1) return e.fields.map((f) => ({ field: f.field, message: f.message }));
    return e.fields.length
      ? e.fields.map((f) => ({ field: f.field, message: e.message }))
      : [{ field: 'tindakan', message: e.message }];
  };
  const statusOf = (e: unknown) => (isLoketError(e) ? statusOfError(e) : 500);
  /** The one-line notice a redirect asked for (`?pesan=`). */
  const flashOf = (c: Context) => FLASH[c.req.query('pesan') ?? ''];
  return { render, staffMap, loadCase, casePage, failure, statusOf, flashOf };
};

export type ConsoleKit = ReturnType<typeof consoleKit>;
