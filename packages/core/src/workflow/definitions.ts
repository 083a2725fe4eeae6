import type { Service } from '../catalog/schema';
import type { WorkflowDefinition } from './engine';
import { DONE, REFUSED, type FlowSpec, defineWorkflow } from './build';

/**
 * The nine procedures of the standard ("Sistem, Mekanisme dan Prosedur"), read from its flowcharts
 * (docs/RULES.md §1). Each arrow of a chart is one step here; the responsible role comes
 * from the catalog step it leaves. `stop_clock` marks where the service's promise is fulfilled.
 */
const FINISH = ['stop_clock', 'notify_applicant'] as const;
const ISSUE_LETTER = ['request_letter_number', 'stop_clock', 'notify_applicant'] as const;

const FLOWS: Record<string, FlowSpec> = {
  'kantor-cabang-ksp': {
    revisionAt: 'verifikasi_berkas',
    refusableAt: ['verifikasi_berkas', 'keputusan_kadis'],
    steps: [
      {
        from: 'verifikasi_berkas',
        event: 'berkas_lengkap',
        label: 'Berkas lengkap dan benar: lanjut survei lapangan',
        to: 'survei_lapangan',
        guard: 'requirements_complete',
      },
      { from: 'survei_lapangan', event: 'survei_layak', label: 'Laporan survei: kantor layak dibuka', to: 'telaah' },
      {
        from: 'survei_lapangan',
        event: 'survei_tidak_layak',
        label: 'Laporan survei: kantor tidak layak (tolak)',
        to: REFUSED,
        effects: [...FINISH],
        noteRequired: true,
      },
      {
        from: 'telaah',
        event: 'telaah_selesai',
        label: 'Telaah selesai: ajukan ke Kepala Dinas',
        to: 'keputusan_kadis',
        roles: ['kabid_kelembagaan_pengawasan', 'kasi_hukum_advokasi'],
      },
      {
        from: 'keputusan_kadis',
        event: 'setujui',
        label: 'Setujui dan terbitkan Surat Persetujuan',
        to: 'penyerahan',
        effects: [...ISSUE_LETTER],
      },
      {
        from: 'penyerahan',
        event: 'serahkan',
        label: 'Surat telah diserahkan kepada pengurus koperasi',
        to: DONE,
        effects: ['notify_applicant'],
      },
    ],
  },
  'klinik-kukm': {
    revisionAt: 'koreksi_data',
    refusableAt: ['koreksi_data'],
    steps: [
      {
        from: 'koreksi_data',
        event: 'data_benar',
        label: 'Data benar: lanjut klasifikasi kebutuhan',
        to: 'klasifikasi',
        guard: 'requirements_complete',
      },
      { from: 'klasifikasi', event: 'klasifikasi_selesai', label: 'Klasifikasi kebutuhan selesai', to: 'penjadwalan' },
      {
        from: 'penjadwalan',
        event: 'jadwalkan',
        label: 'Jadwal layanan ditetapkan dan disampaikan',
        to: 'pelaksanaan',
        effects: [...FINISH],
        requires: 'klinik_seat',
      },
      { from: 'pelaksanaan', event: 'laksanakan', label: 'Layanan/pelatihan telah dilaksanakan', to: 'evaluasi' },
      { from: 'evaluasi', event: 'evaluasi_selesai', label: 'Evaluasi selesai', to: DONE, effects: [] },
    ],
  },
  'pendataan-umkm': {
    revisionAt: 'verifikasi_data',
    refusableAt: ['verifikasi_data'],
    steps: [
      {
        from: 'verifikasi_data',
        event: 'data_valid',
        label: 'Data valid: catat di ODS',
        to: 'input_ods',
        guard: 'requirements_complete',
      },
      {
        from: 'input_ods',
        event: 'tercatat_ods',
        label: 'Data usaha tercatat di ODS',
        to: 'rekapitulasi',
        effects: ['record_in_registry', ...FINISH],
      },
      { from: 'rekapitulasi', event: 'rekap_selesai', label: 'Masuk rekapitulasi data UKM', to: DONE, effects: [] },
    ],
  },
  konsultasi: {
    refusableAt: [],
    steps: [
      {
        from: 'konsultasi_staf',
        event: 'selesaikan',
        label: 'Konsultasi selesai (hasil konsultasi diberikan)',
        to: DONE,
        effects: [...FINISH],
        noteRequired: true,
      },
      {
        from: 'konsultasi_staf',
        event: 'eskalasi',
        label: 'Belum dapat diselesaikan: teruskan ke Sub Koordinator',
        to: 'konsultasi_sub_koordinator',
        effects: ['escalate', 'notify_assignee'],
      },
      {
        from: 'konsultasi_sub_koordinator',
        event: 'selesaikan',
        label: 'Konsultasi selesai (hasil konsultasi diberikan)',
        to: DONE,
        effects: [...FINISH],
        noteRequired: true,
      },
      {
        from: 'konsultasi_sub_koordinator',
        event: 'eskalasi',
        label: 'Minta arahan Kepala Unit',
        to: 'arahan_kepala_unit',
        guard: 'face_to_face_channel',
        effects: ['escalate', 'notify_assignee'],
      },
      {
        from: 'arahan_kepala_unit',
        event: 'selesaikan',
        label: 'Arahan diberikan, konsultasi selesai',
        to: DONE,
        effects: [...FINISH],
        noteRequired: true,
      },
    ],
  },
  sosialisasi: {
    revisionAt: 'verifikasi_nota',
    refusableAt: ['verifikasi_nota', 'persetujuan_sekda'],
    // An internal request: the organising unit's officers draft it, resubmit it after a revision, withdraw it.
    requesterSide: [
      'sub_koordinator',
      'fungsional_umum',
      'penelaah_pengembangan_usaha',
      'kabid_usaha_mikro',
      'kabid_pemberdayaan_koperasi',
      'kabid_kelembagaan_pengawasan',
    ],
    steps: [
      {
        from: 'verifikasi_nota',
        event: 'nota_terverifikasi',
        label: 'Nota dinas terverifikasi',
        to: 'paraf_kabag',
        guard: 'requirements_complete',
      },
      // The Kepala Bagian, the Asisten and the Sekretaris Daerah are outside the Dinas: the Sekretariat
      // records each approval with its date and the nota dinas number; no Dinas role gives it.
      {
        from: 'paraf_kabag',
        event: 'paraf',
        label: 'Catat paraf koordinasi Kepala Bagian',
        to: 'persetujuan_sekda',
        requires: 'outside_approval',
      },
      // The 1-day promise covers the approval of the nota dinas; the event itself follows its own schedule.
      {
        from: 'persetujuan_sekda',
        event: 'disetujui_sekda',
        label: 'Catat persetujuan Sekretaris Daerah (melalui Asisten)',
        to: 'persiapan',
        effects: [...FINISH],
        requires: 'outside_approval',
      },
      { from: 'persiapan', event: 'siap', label: 'Materi dan sarana prasarana siap', to: 'pelaksanaan' },
      { from: 'pelaksanaan', event: 'terlaksana', label: 'Sosialisasi telah dilaksanakan', to: DONE, effects: [] },
    ],
  },
  'data-informasi': {
    revisionAt: 'tanda_terima',
    refusableAt: [],
    steps: [
      {
        from: 'tanda_terima',
        event: 'terima',
        label: 'Permohonan lengkap: beri tanda terima',
        to: 'analisis',
        guard: 'requirements_complete',
        effects: ['notify_applicant', 'notify_assignee'],
      },
      {
        from: 'analisis',
        event: 'tidak_dikecualikan',
        label: 'Informasi terbuka: siapkan untuk diberikan',
        to: 'pemberian_informasi',
      },
      {
        from: 'analisis',
        event: 'dikecualikan',
        label: 'Informasi dikecualikan (Pasal 17 UU 14/2008): terbitkan surat penolakan',
        to: REFUSED,
        effects: [...ISSUE_LETTER],
        noteRequired: true,
        requires: 'refusal_ground',
      },
      {
        from: 'pemberian_informasi',
        event: 'informasi_diberikan',
        label: 'Data dan informasi telah diberikan',
        to: DONE,
        effects: [...FINISH],
      },
    ],
  },
  pengaduan: {
    revisionAt: 'pencatatan',
    refusableAt: ['pencatatan', 'konfirmasi'],
    steps: [
      {
        from: 'pencatatan',
        event: 'catat',
        label: 'Pengaduan dicatat',
        to: 'konfirmasi',
        guard: 'requirements_complete',
      },
      {
        from: 'konfirmasi',
        event: 'selesai_di_tempat',
        label: 'Dapat diselesaikan petugas pengaduan',
        to: 'tanggapan',
        noteRequired: true,
      },
      // Not the Dinas's matter: forwarded to the agency that is, with the reason (for LAPOR!, its "bukan wewenang").
      {
        from: 'pencatatan',
        event: 'bukan_wewenang',
        label: 'Bukan wewenang Dinas: teruskan ke instansi berwenang',
        to: REFUSED,
        effects: [...FINISH],
        noteRequired: true,
        requires: 'forward_target',
        laporReply: 'forward',
      },
      {
        from: 'konfirmasi',
        event: 'bukan_wewenang',
        label: 'Bukan wewenang Dinas: teruskan ke instansi berwenang',
        to: REFUSED,
        effects: [...FINISH],
        noteRequired: true,
        requires: 'forward_target',
        laporReply: 'forward',
      },
      {
        from: 'konfirmasi',
        event: 'teruskan_ke_bidang',
        label: 'Teruskan ke bidang terkait',
        to: 'penanganan_bidang',
        effects: ['escalate', 'notify_assignee'],
      },
      {
        from: 'penanganan_bidang',
        event: 'hasil_penanganan',
        label: 'Hasil penelusuran dan penanganan disampaikan',
        to: 'tanggapan',
        noteRequired: true,
      },
      {
        from: 'tanggapan',
        event: 'tanggapan_disampaikan',
        label: 'Tanggapan disampaikan kepada pengadu',
        to: 'pengarsipan',
        effects: [...FINISH],
        noteRequired: true,
        laporReply: 'answer',
      },
      {
        from: 'pengarsipan',
        event: 'arsipkan',
        label: 'Diarsipkan dengan rencana tindak lanjut',
        to: DONE,
        effects: [],
      },
    ],
  },
  'surat-keterangan-pengurus': {
    revisionAt: 'kualifikasi_data',
    refusableAt: ['kualifikasi_data'],
    steps: [
      {
        from: 'kualifikasi_data',
        event: 'memenuhi_syarat',
        label: 'Memenuhi syarat: ajukan penerbitan',
        to: 'penerbitan',
        guard: 'requirements_complete',
      },
      {
        from: 'penerbitan',
        event: 'terbitkan',
        label: 'Terbitkan Surat Keterangan',
        to: DONE,
        effects: [...ISSUE_LETTER],
      },
    ],
  },
  'rekomendasi-bbm': {
    revisionAt: 'kualifikasi_pemohon',
    refusableAt: ['kualifikasi_pemohon', 'tanda_tangan_kadis'],
    steps: [
      {
        from: 'kualifikasi_pemohon',
        event: 'memenuhi_syarat',
        label: 'Memenuhi syarat: ajukan tanda tangan Kepala Dinas',
        to: 'tanda_tangan_kadis',
        guard: 'requirements_complete',
      },
      { from: 'tanda_tangan_kadis', event: 'tandatangani', label: 'Tanda tangan Kepala Dinas', to: 'penomoran' },
      {
        from: 'penomoran',
        event: 'beri_nomor',
        label: 'Beri nomor dan terbitkan Surat Rekomendasi',
        to: DONE,
        effects: [...ISSUE_LETTER],
      },
    ],
  },
};

const definitions = new Map<string, WorkflowDefinition>();

/** The workflow of a service, built once from the catalog and its flow. */
export const workflowFor = (service: Service): WorkflowDefinition => {
  let def = definitions.get(service.id);
  if (!def) {
    const spec = FLOWS[service.id];
    if (!spec) throw new Error(`no workflow for service ${service.id}`);
    def = defineWorkflow(service, spec);
    definitions.set(service.id, def);
  }
  return def;
};
