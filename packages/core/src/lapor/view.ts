import type { CaseEvent } from '../case/model';
import { formatWib } from '../sla/wib';
import type { LaporLink } from './complaint';
import { office, complaintService } from '../standard/current';

/** What the case page shows of a LAPOR! complaint, in officers' words. */
export const laporSummary = (link: LaporLink): [string, string][] => [
  ['Nomor pengaduan LAPOR!', link.complaintId],
  ['Judul', link.title],
  [
    'Kanal',
    link.mode === 'api'
      ? 'API SP4N-LAPOR! (disinkronkan tiap 15 menit)'
      : 'Manual (tanggapan disalin petugas ke LAPOR!)',
  ],
  [
    `Diterima ${office().word} (disposisi)`,
    `${formatWib(link.dispositionAt)}: batas waktu ${complaintService()?.sla.text ?? ''} dihitung dari sini`,
  ],
  [
    'Status di LAPOR!',
    !link.status
      ? 'Belum diketahui'
      : link.status.known
        ? link.status.name
        : `${link.status.name} (kode ${link.status.code} belum dikenal: laporkan ke administrator)`,
  ],
  [
    'Kerahasiaan',
    link.isAnonymous ? 'Pelapor anonim' : link.isSecret ? 'Identitas pelapor dirahasiakan' : 'Tidak dirahasiakan',
  ],
  ...(link.awaiting.length
    ? [['Menunggu konfirmasi LAPOR!', `${link.awaiting.length} tanggapan sedang dikirim`] as [string, string]]
    : []),
];

/** Timeline titles of the LAPOR! events; undefined for any other event. */
export const laporEventTitle = (e: CaseEvent): string | undefined => {
  switch (e.type) {
    case 'lapor_status':
      return e.data?.known === false ? 'Status LAPOR! berubah (kode belum dikenal)' : 'Status LAPOR! berubah';
    case 'lapor_followup_in':
      return e.data?.own
        ? `Tanggapan ${office().word} terbaca kembali dari LAPOR!`
        : `Tindak lanjut baru di LAPOR!${e.data?.author ? ` dari ${String(e.data.author)}` : ''}`;
    case 'lapor_posted':
      return 'Tanggapan terkirim ke SP4N-LAPOR!';
    case 'lapor_post_failed':
      return 'Tanggapan gagal dikirim ke SP4N-LAPOR!';
    case 'lapor_copied':
      return 'Tanggapan disalin ke SP4N-LAPOR! oleh petugas';
    default:
      return undefined;
  }
};
