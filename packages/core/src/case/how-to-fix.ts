import { office } from '../standard/current';
import type { CaseRecord } from './model';

/**
 * How the applicant sends a correction, by the way the request came in: the receipt, the revision
 * mail and the public status page say it alike. The form's own edit link is given only where
 * `privateLink` (a mail to the applicant): whoever holds it can change the answers, so a page anyone
 * with the tracking number may open never shows it.
 */
export const howToFix = (c: Pick<CaseRecord, 'channel' | 'source'>, privateLink: boolean): string => {
  const o = office();
  const inPerson = `datang ke loket ${o.word} (${o.address}; ${o.hoursText}) dengan membawa dokumen aslinya`;
  switch (c.channel) {
    case 'google_form': {
      const link = privateLink ? c.source?.editUrl : undefined;
      return link
        ? `Perbaiki jawaban formulir Anda melalui tautan berikut, lalu kirim lagi: ${link}\nAtau ${inPerson}.`
        : `Perbaiki dengan mengedit jawaban formulir Anda (tautan "Edit jawaban" di email konfirmasi Google Forms), atau ${inPerson}.`;
    }
    case 'sp4n_lapor':
      return `Tanggapi melalui laporan Anda di SP4N-LAPOR! (lapor.go.id), atau ${inPerson}.`;
    default:
      return `Silakan ${inPerson}. Bantuan: ${o.phone}.`;
  }
};
