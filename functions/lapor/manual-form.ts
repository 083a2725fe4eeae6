import { parseInstant, requirePlausibleInstant } from '@loket/core';
import type { FieldError } from '../web/components';
import { sniff } from '../intake/attachments';
import { COMPLAINT_ID, type ManualComplaint, type ManualFile } from './register';

/** Within the route's body limit (functions/api/body-limits.ts), which leaves room for the form itself. */
export const MANUAL_FILES_MAX_BYTES = 4 * 1024 * 1024;
/** A complaint's scans and photos; more is a sign of a wrong selection, and each file is a stored object. */
export const MANUAL_FILES_MAX = 10;

/**
 * The manual registration form, checked field by field: every problem is named at once, in the
 * officer's words; files are taken for what their bytes say they are.
 */
export const readManualForm = async (
  form: Record<string, unknown>,
  now: number,
): Promise<{
  complaint?: ManualComplaint;
  files: ManualFile[];
  errors: FieldError[];
  values: Record<string, string>;
}> => {
  const text = (k: string, max: number) =>
    typeof form[k] === 'string' ? (form[k] as string).trim().slice(0, max) : '';
  const values = {
    'm-complaintId': text('complaintId', 40),
    dispositionDate: text('dispositionDate', 10),
    dispositionTime: text('dispositionTime', 5),
    title: text('title', 300),
    content: text('content', 20_000),
    reporterName: text('reporterName', 200),
    isSecret: form.isSecret === '1' ? '1' : '',
    isAnonymous: form.isAnonymous === '1' ? '1' : '',
  };
  const errors: FieldError[] = [];
  if (!COMPLAINT_ID.test(values['m-complaintId']))
    errors.push({ field: 'm-complaintId', message: 'Masukkan nomor pengaduan LAPOR! (huruf, angka, tanda hubung).' });
  let dispositionAt: number | undefined;
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dispositionDate)) throw new Error('date');
    const hhmm = /^\d{2}:\d{2}$/.test(values.dispositionTime) ? values.dispositionTime : '00:00';
    const at = parseInstant(`${values.dispositionDate}T${hhmm}:00+07:00`);
    if (at === undefined) throw new Error('date');
    dispositionAt = requirePlausibleInstant(at, now, 'dispositionAt');
  } catch {
    errors.push({ field: 'dispositionDate', message: 'Masukkan tanggal disposisi yang benar (tidak di masa depan).' });
  }
  if (!values.title) errors.push({ field: 'title', message: 'Masukkan judul pengaduan.' });
  if (!values.content) errors.push({ field: 'content', message: 'Masukkan isi pengaduan.' });
  const uploads = [form.files ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
  const files: ManualFile[] = [];
  // Counted and sized from the parsed form before a byte of any file is read.
  if (uploads.length > MANUAL_FILES_MAX)
    errors.push({ field: 'files', message: `Lampirkan paling banyak ${MANUAL_FILES_MAX} berkas.` });
  else if (uploads.reduce((sum, f) => sum + f.size, 0) > MANUAL_FILES_MAX_BYTES)
    errors.push({
      field: 'files',
      message: `Lampiran melebihi ${MANUAL_FILES_MAX_BYTES / 1024 / 1024} MB seluruhnya; lampirkan berkas yang lebih kecil.`,
    });
  else
    for (const f of uploads) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const type = sniff(bytes);
      if (!type) errors.push({ field: 'files', message: `Lampiran "${f.name.slice(0, 80)}" bukan PDF, JPG atau PNG.` });
      else files.push({ name: f.name.slice(0, 200), mimeType: type, bytes });
    }
  const complaint = errors.length
    ? undefined
    : {
        complaintId: values['m-complaintId'],
        dispositionAt: dispositionAt!,
        title: values.title,
        content: values.content,
        ...(values.reporterName ? { reporterName: values.reporterName } : {}),
        isSecret: values.isSecret === '1',
        isAnonymous: values.isAnonymous === '1',
      };
  return { complaint, files, errors, values };
};
