import type { Service } from './schema';
import {
  applicantName,
  businessProfile,
  contactEmail,
  contactPhone,
  doc,
  email,
  financialReport,
  IMAGE_TYPES,
  ktpScan,
  longText,
  nik,
  phone,
  text,
} from './fields';

/**
 * The nine services of Keputusan Kepala Dinas KUKM Kab. Pasuruan No. 950/271/424.085/2024 (31 Januari 2024),
 * as data: requirements, the standard's own step list, products, letters and deadlines. The procedures
 * (the arrows between steps and who takes them) are in workflow/definitions.ts, the roles and duties in
 * roles.ts; code elsewhere reads these, never an id (docs/RULES.md §1).
 */

const COMPLAINT_CONTACT =
  'Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan, Kompleks Perkantoran Pemerintah Daerah ' +
  'Kabupaten Pasuruan, Jl. Raya Raci KM. 09, telp. (0343) 5616140, http://dinkop.pasuruankab.go.id/, ' +
  'atau kanal SP4N-LAPOR! (www.lapor.go.id)';

const LEGAL_COOPERATIVE = [
  'Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian',
  'Peraturan Pemerintah Nomor 41 Tahun 2011 tentang Pengembangan Kewirausahaan dan Kepeloporan Pemuda serta Penyediaan Sarana Prasarana dan Kepemudaan',
  'Peraturan Menteri Koperasi Nomor 18 Tahun 2015 tentang Pedoman Pendidikan dan Pelatihan bagi Sumber Daya Manusia Koperasi, Pengusaha Mikro, Kecil, dan Menengah',
  'Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Perlindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah',
  'Peraturan Bupati Pasuruan Nomor 180 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Koperasi Usaha Kecil dan Menengah Kabupaten Pasuruan',
];
const LEGAL_CLINIC = [
  'Peraturan Menteri Koperasi dan UKM RI Nomor 9 Tahun 2018 tentang Penyelenggaraan dan Pembinaan Perkoperasian',
  'Peraturan Menteri Koperasi dan UKM RI Nomor 3 Tahun 2021 tentang Pelaksanaan Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Perlindungan dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil dan Menengah',
];
const UU_KIP = 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik';
const UU_PP = 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik';
const UU_ASN = 'Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara';
const UU_PEMDA = 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah';
const PP_96 =
  'Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik';
const PP_18 = 'Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah';
const PP_72 =
  'Peraturan Pemerintah Nomor 72 Tahun 2019 tentang Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah';
const PERDA_5 = 'Peraturan Daerah Nomor 5 Tahun 2013 tentang Pelayanan Publik di Kabupaten Pasuruan';

const STAFF_15 = '15 orang: 1 Kepala Dinas, 1 Sekretaris, 3 Kepala Bidang, 10 Pengawas Koperasi';
const STAFF_15_ROLES = [
  'kepala_dinas',
  'sekretaris_dinas',
  'kabid_kelembagaan_pengawasan',
  'kabid_usaha_mikro',
  'kabid_pemberdayaan_koperasi',
  'pengawas_koperasi',
] as const;
const CLINIC_15 =
  '15 orang: Kepala Dinas, Kepala Bidang Pemberdayaan dan Pengembangan Usaha Koperasi, 5 Sub Koordinator, 6 Konsultan Klinik KUKM, 2 Admin Klinik KUKM';
const CLINIC_ROLES = [
  'kepala_dinas',
  'kabid_pemberdayaan_koperasi',
  'sub_koordinator',
  'konsultan_klinik',
  'admin_klinik',
] as const;
const EVAL_SKM = 'Survei Kepuasan Masyarakat setiap tribulan; penilaian pegawai (SKP/PPK) setiap 6 bulan';

const hk = (n: number) => ({ amount: n, unit: 'working_days' as const });
const AT_RISK = 0.75;

const raw: Service[] = [
  {
    id: 'kantor-cabang-ksp',
    number: 1,
    code: 'KCK',
    name: 'Pembukaan Kantor Cabang/Kantor Cabang Pembantu KSP/USP',
    description:
      'Pengesahan pembukaan kantor cabang atau kantor cabang pembantu Koperasi Simpan Pinjam / Unit Simpan Pinjam koperasi.',
    group: 'Kelembagaan dan Pengawasan',
    keywords: ['koperasi', 'ksp', 'usp', 'kantor cabang', 'simpan pinjam'],
    channels: ['google_form', 'letter'],
    requirements: [
      {
        id: 'permohonan',
        text: 'Mengajukan permohonan pembukaan Kantor Cabang kepada Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan',
        fields: [doc('surat_permohonan', 'Surat permohonan pembukaan Kantor Cabang')],
      },
      {
        id: 'domisili',
        text: 'Surat keterangan Domisili Koperasi dari Desa / Kelurahan setempat',
        fields: [doc('surat_domisili', 'Surat keterangan domisili koperasi dari Desa/Kelurahan')],
      },
      {
        id: 'modal_kerja',
        text: 'Modal kerja untuk Kantor Cabang',
        fields: [doc('modal_kerja', 'Bukti modal kerja Kantor Cabang')],
      },
      {
        id: 'sarana_kerja',
        text: 'Daftar Sarana Kerja beserta kondisi fisiknya',
        fields: [doc('daftar_sarana', 'Daftar sarana kerja beserta kondisi fisiknya')],
      },
      {
        id: 'calon_pimpinan',
        text: 'Nama dan riwayat hidup calon pimpinan dan daftar nama calon karyawan Kantor Cabang',
        fields: [doc('riwayat_hidup', 'Riwayat hidup calon pimpinan dan daftar calon karyawan', { dataClass: 'umum' })],
      },
      {
        id: 'neraca',
        text: 'Perkembangan keuangan (neraca dan perhitungan Usaha Koperasi di Kantor Pusat 2 (dua) tahun terakhir',
        fields: [doc('neraca', 'Neraca dan perhitungan hasil usaha 2 tahun terakhir')],
      },
      {
        id: 'rencana_kerja',
        text: 'Rencana Kerja Kantor Cabang minimal 1 tahun',
        fields: [doc('rencana_kerja', 'Rencana kerja Kantor Cabang (minimal 1 tahun)')],
      },
      {
        id: 'daftar_anggota',
        text: 'Daftar anggota minimal 20 (dua puluh) orang yang membutuhkan pelayanan simpan pinjam di wilayah cabang KSP dan USP Koperasi yang akan dibuka',
        fields: [doc('daftar_anggota', 'Daftar anggota (minimal 20 orang) di wilayah cabang', { dataClass: 'umum' })],
      },
      {
        id: 'sertifikat_kompetensi',
        text: 'Sertifikat Standart Kompetensi yang dimiliki oleh Calon Kepala Cabang',
        fields: [doc('sertifikat_kompetensi', 'Sertifikat standar kompetensi calon Kepala Cabang')],
      },
      {
        id: 'ad_art',
        text: 'Foto copy Anggaran Dasar dan Anggaran Rumah Tangga',
        fields: [doc('ad_art', 'Fotokopi Anggaran Dasar dan Anggaran Rumah Tangga')],
      },
      {
        id: 'penilaian_kesehatan',
        text: 'Foto copy hasil penilaian kesehatan dengan predikat kesehatan sekurang-kurangnya cukup sehat',
        fields: [doc('penilaian_kesehatan', 'Hasil penilaian kesehatan koperasi (minimal cukup sehat)')],
      },
    ],
    applicantFields: [applicantName(), text('nama_koperasi', 'Nama koperasi'), contactPhone(), contactEmail()],
    steps: [
      {
        id: 'verifikasi_berkas',
        label: 'Seleksi administrasi dan kelengkapan berkas',
        role: 'kasi_hukum_advokasi',
        description: 'Petugas Seksi Hukum dan Advokasi memeriksa kelengkapan dan kebenaran persyaratan.',
      },
      {
        id: 'survei_lapangan',
        label: 'Survei lapangan',
        role: 'petugas_survei',
        description:
          'Petugas survei memeriksa kantor yang akan dibuka dan membuat laporan hasil seleksi administrasi dan survei.',
      },
      {
        id: 'telaah',
        label: 'Telaah laporan',
        role: 'kabid_kelembagaan_pengawasan',
        description: 'Kasi Hukum dan Advokasi serta Kepala Bidang Kelembagaan dan Pengawasan menelaah laporan.',
      },
      {
        id: 'keputusan_kadis',
        label: 'Keputusan Kepala Dinas',
        role: 'kepala_dinas',
        description: 'Kepala Dinas mempelajari hasil telaah dan mengesahkan pembukaan Kantor Cabang.',
      },
      {
        id: 'penyerahan',
        label: 'Penyerahan surat persetujuan',
        role: 'petugas_layanan',
        description: 'Surat Persetujuan Pembukaan Kantor Cabang diserahkan kepada Pengurus Koperasi.',
      },
    ],
    sla: { text: '5 Hari Kerja', limit: hk(5), target: hk(5), atRiskRatio: AT_RISK },
    cost: 'Gratis',
    product: 'Surat Persetujuan Pembukaan Kantor Cabang Koperasi',
    productAsPrinted: 'Surat Rekomendasi',
    letter: {
      classificationCode: '500.3.2',
      title: 'Surat Persetujuan Pembukaan Kantor Cabang Koperasi',
      opening:
        'Menunjuk permohonan Saudara yang kami terima pada {diterima} dengan nomor registrasi {registrasi}, dan berdasarkan hasil verifikasi persyaratan serta survei lapangan, dengan ini Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan memberikan PERSETUJUAN pembukaan Kantor Cabang Koperasi dengan data sebagai berikut:',
      closing: [
        'Kantor Cabang wajib menjalankan kegiatan usaha sesuai Anggaran Dasar koperasi dan peraturan perundang-undangan, serta melaporkan perkembangannya kepada Dinas secara berkala.',
        'Persetujuan ini dapat dicabut apabila di kemudian hari terdapat ketidaksesuaian dengan data yang disampaikan.',
      ],
    },
    legalBasis: LEGAL_COOPERATIVE,
    executors: {
      count: '4 orang',
      roles: ['kabid_usaha_mikro', 'fungsional_umum', 'penelaah_pengembangan_usaha', 'pengelola_data'],
    },
    complaintContact: COMPLAINT_CONTACT,
    evaluation:
      'Evaluasi sistem melalui pendataan dan evaluasi personal pegawai (SKP/PPK) setiap 6 bulan; registrasi dokumen yang diterbitkan',
  },
  {
    id: 'klinik-kukm',
    number: 2,
    code: 'KLN',
    name: 'Klinik Koperasi Usaha Kecil Menengah (KUKM)',
    description:
      'Pelatihan dan pendampingan bagi KUKM: legalitas usaha, manajemen usaha, proses produksi, pemasaran dan permodalan.',
    group: 'Pemberdayaan dan Pengembangan Usaha Koperasi',
    keywords: ['klinik', 'kukm', 'pelatihan', 'pendampingan', 'umkm'],
    channels: ['google_form'],
    requirements: [
      {
        id: 'identifikasi_kukm',
        text: 'Daftar lampiran data hasil identifikasi Koperasi Usaha Kecil Menengah (KUKM)',
        fields: [
          text('nama_usaha', 'Nama KUKM/usaha'),
          longText('profil_usaha', 'Profil usaha dan permasalahan yang dihadapi'),
          {
            id: 'kebutuhan',
            label: 'Jenis layanan yang dibutuhkan',
            kind: 'choice',
            required: true,
            dataClass: 'none',
            options: ['Legalitas Usaha', 'Manajemen Usaha', 'Proses Produksi', 'Pemasaran', 'Permodalan'],
          },
        ],
      },
    ],
    applicantFields: [applicantName(), contactPhone(), contactEmail()],
    steps: [
      {
        id: 'koreksi_data',
        label: 'Koreksi dan kualifikasi data',
        role: 'admin_klinik',
        description: 'Admin Klinik menerima dan mengoreksi data identifikasi KUKM.',
      },
      {
        id: 'klasifikasi',
        label: 'Klasifikasi kebutuhan pelatihan dan layanan',
        role: 'admin_klinik',
        description: 'Admin mengklasifikasikan jenis pelatihan dan layanan yang dibutuhkan KUKM.',
      },
      {
        id: 'penjadwalan',
        label: 'Penyusunan jadwal layanan dan pelatihan',
        role: 'admin_klinik',
        description:
          'Jadwal layanan dan pelatihan di Klinik KUKM disusun (tanggal, waktu, konsultan) dan diumumkan setiap bulan.',
      },
      {
        id: 'pelaksanaan',
        label: 'Pelaksanaan layanan/pelatihan',
        role: 'konsultan_klinik',
        description: 'Konsultan Klinik KUKM melaksanakan layanan atau pelatihan.',
      },
      {
        id: 'evaluasi',
        label: 'Evaluasi',
        role: 'admin_klinik',
        description: 'Admin melakukan evaluasi setiap bulan.',
      },
    ],
    sla: { text: '1 s/d 5 Hari Kerja', limit: hk(5), target: hk(1), atRiskRatio: AT_RISK },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product:
      'Pelatihan/pendampingan: Legalitas Usaha, Manajemen Usaha, Proses Produksi, Pemasaran, Permodalan pada KUKM',
    productAsPrinted:
      '1. Legalitas Usaha, 2. Manajemen Usaha, 3. Proses Produksi, 4. Pemasaran, 5. Permodalan pada KUKM',
    legalBasis: LEGAL_CLINIC,
    executors: { count: CLINIC_15, roles: [...CLINIC_ROLES] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: 'Pelaporan dan evaluasi setiap bulan',
  },
  {
    id: 'pendataan-umkm',
    number: 3,
    code: 'UMK',
    name: 'Pendataan Potensi dan Pengembangan Usaha',
    description: 'Pendataan UMKM (peserta diklat) ke dalam Online Data System (ODS) Kabupaten Pasuruan.',
    group: 'Usaha Mikro',
    keywords: ['pendataan', 'umkm', 'ods', 'data usaha'],
    channels: ['google_form'],
    requirements: [
      { id: 'ktp', text: 'Fotocopy KTP', fields: [nik(), ktpScan()] },
      {
        id: 'sku_nib',
        text: 'Surat Keterangan Usaha / NIB',
        fields: [
          { id: 'nib', label: 'Nomor Induk Berusaha (NIB, 13 digit)', kind: 'nib', required: false, dataClass: 'none' },
          doc('sku_nib', 'Surat Keterangan Usaha atau dokumen NIB'),
        ],
      },
      { id: 'email', text: 'Alamat email', fields: [email()] },
      { id: 'telepon', text: 'No. Telepon/HP', fields: [phone()] },
      // The registry's profile (kecamatan, sector, scale, workforce) is asked with the business data.
      {
        id: 'data_usaha',
        text: 'Data Usaha (Laporan Keuangan)',
        fields: [text('nama_usaha', 'Nama usaha'), ...businessProfile(), financialReport()],
      },
    ],
    applicantFields: [applicantName()],
    steps: [
      {
        id: 'verifikasi_data',
        label: 'Koreksi dan kualifikasi data UKM',
        role: 'pengelola_data',
        description: 'Verifikasi data UKM (penambahan atau pengurangan jumlah data UKM).',
      },
      {
        id: 'input_ods',
        label: 'Pencatatan di Online Data System (ODS)',
        role: 'pengelola_data',
        description: 'Data usaha dicatat di ODS pendataan UMKM.',
      },
      {
        id: 'rekapitulasi',
        label: 'Rekapitulasi data UKM',
        role: 'fungsional_umum',
        description: 'Rekapitulasi atas UKM yang sudah tercatat di ODS.',
      },
    ],
    sla: { text: '5 Hari Kerja', limit: hk(5), target: hk(5), atRiskRatio: AT_RISK },
    cost: 'Gratis',
    product: 'Data usaha tercatat di Online Data System (ODS) pendataan UMKM',
    productAsPrinted: 'Online Data System (ODS) pendataan UMKM',
    legalBasis: LEGAL_COOPERATIVE,
    executors: {
      count: '4 orang',
      roles: ['kabid_usaha_mikro', 'fungsional_umum', 'penelaah_pengembangan_usaha', 'pengelola_data'],
    },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: 'Pembaruan data ODS setiap tahun dan evaluasi personal pegawai (SKP/PPK) setiap 6 bulan',
  },
  {
    id: 'konsultasi',
    number: 4,
    code: 'KON',
    name: 'Konsultasi',
    description:
      'Konsultasi tatap muka atau daring dengan staf, berjenjang ke Sub Koordinator dan Kepala Unit bila diperlukan.',
    group: 'Layanan Umum',
    keywords: ['konsultasi', 'tatap muka', 'daring'],
    channels: ['walk_in', 'google_form'],
    requirements: [
      {
        id: 'dokumen_pendukung',
        text: 'Dokumen/berkas pendukung terkait permasalahan yang akan dikonsultasikan',
        fields: [
          longText('permasalahan', 'Permasalahan yang akan dikonsultasikan'),
          doc('dokumen_pendukung', 'Dokumen/berkas pendukung', { required: false }),
        ],
      },
    ],
    applicantFields: [applicantName(), contactPhone(), contactEmail()],
    steps: [
      {
        id: 'konsultasi_staf',
        label: 'Konsultasi dengan staf',
        role: 'fungsional_umum',
        description: 'Pengguna layanan berkonsultasi dengan staf Unit Penyelenggara Pelayanan.',
      },
      {
        id: 'konsultasi_sub_koordinator',
        label: 'Konsultasi dengan Sub Koordinator',
        role: 'sub_koordinator',
        description: 'Jika tidak dapat diselesaikan staf, konsultasi dilanjutkan kepada Sub Koordinator.',
      },
      {
        id: 'arahan_kepala_unit',
        label: 'Arahan Kepala Unit',
        role: 'kepala_dinas',
        description:
          'Jika masih belum selesai (tatap muka), pengguna mendapat arahan Kepala Unit Penyelenggara Pelayanan.',
      },
    ],
    sla: {
      text: '1 (Satu) Jam',
      limit: { amount: 1, unit: 'working_hours' },
      target: { amount: 1, unit: 'working_hours' },
      atRiskRatio: AT_RISK,
    },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product: 'Hasil konsultasi',
    productAsPrinted: 'Jasa Konsultasi',
    legalBasis: [
      UU_KIP,
      UU_PP,
      UU_ASN,
      UU_PEMDA,
      'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
      PERDA_5,
    ],
    executors: { count: STAFF_15, roles: [...STAFF_15_ROLES] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: EVAL_SKM,
  },
  {
    id: 'sosialisasi',
    number: 5,
    code: 'SOS',
    name: 'Sosialisasi',
    description: 'Kegiatan sosialisasi kebijakan pemerintahan daerah, diajukan melalui nota dinas.',
    group: 'Layanan Umum',
    keywords: ['sosialisasi', 'nota dinas', 'kebijakan'],
    channels: ['internal'],
    requirements: [
      {
        id: 'nota_dinas',
        text: 'Unit Penyelenggara Pelayanan menyiapkan nota dinas yang berisi materi sosialisasi dan kerangka acuan kegiatan, maksud dan tujuan, waktu dan tempat, serta narasumber',
        fields: [
          doc('materi_kak', 'Materi sosialisasi dan kerangka acuan kegiatan (KAK)'),
          longText('maksud_tujuan', 'Maksud dan tujuan sosialisasi'),
          text('waktu_tempat', 'Waktu dan tempat pelaksanaan'),
          text('narasumber', 'Narasumber kegiatan'),
        ],
      },
      {
        id: 'sarana_prasarana',
        text: 'Unit Penyelenggara Pelayanan menyiapkan sarana dan prasarana dalam pelaksanaan sosialisasi',
        fields: [longText('sarana_prasarana', 'Sarana dan prasarana yang disiapkan')],
      },
    ],
    applicantFields: [applicantName()],
    steps: [
      {
        id: 'verifikasi_nota',
        label: 'Verifikasi nota dinas',
        role: 'sub_koordinator',
        description: 'Sub Koordinator memverifikasi nota dinas.',
      },
      {
        id: 'paraf_kabag',
        label: 'Paraf koordinasi Kepala Bagian',
        role: 'sekretaris_dinas',
        description: 'Kepala Bagian membubuhkan paraf koordinasi.',
      },
      {
        id: 'persetujuan_sekda',
        label: 'Persetujuan Sekretaris Daerah',
        role: 'sekretaris_dinas',
        description:
          'Nota dinas diajukan melalui Asisten kepada Sekretaris Daerah untuk persetujuan (tembusan Bupati); persetujuan dicatat oleh Sekretariat.',
      },
      {
        id: 'persiapan',
        label: 'Persiapan materi dan sarana prasarana',
        role: 'sub_koordinator',
        description: 'Unit menyiapkan materi, sarana dan prasarana.',
      },
      {
        id: 'pelaksanaan',
        label: 'Pelaksanaan sosialisasi',
        role: 'sub_koordinator',
        description: 'Sosialisasi dilaksanakan kepada pengguna layanan.',
      },
    ],
    sla: { text: '1 (satu) Hari', limit: hk(1), target: hk(1), atRiskRatio: AT_RISK },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product: 'Kegiatan Sosialisasi Kebijakan Pemerintahan Daerah',
    productAsPrinted: 'Kegiatan Sosialisasi Kebijakan Pemerintahan Daerah',
    legalBasis: [UU_KIP, UU_ASN, UU_PEMDA, PP_96, PP_18, PP_72, PERDA_5],
    executors: { count: STAFF_15, roles: [...STAFF_15_ROLES] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: EVAL_SKM,
  },
  {
    id: 'data-informasi',
    number: 6,
    code: 'INF',
    name: 'Data dan Informasi',
    description:
      'Penyediaan data dan informasi publik; informasi yang dikecualikan ditolak dengan surat beralasan (UU 14/2008 Pasal 17).',
    group: 'Layanan Umum',
    keywords: ['informasi publik', 'data', 'ppid', 'keterbukaan informasi'],
    channels: ['google_form', 'letter'],
    requirements: [
      {
        id: 'surat_permohonan',
        text: 'Surat permohonan penyediaan data dan informasi berisi identitas pemohon, data dan informasi yang diminta, maksud dan tujuan, serta kesediaan mencantumkan sumber data',
        fields: [
          text('instansi', 'Nama perseorangan/instansi pemohon', { dataClass: 'umum' }),
          text('alamat', 'Alamat pemohon', { dataClass: 'umum' }),
          // UU 14/2008 asks a refusal to name the applicant's occupation; the form asks it, not as a condition.
          text('pekerjaan', 'Pekerjaan pemohon', { dataClass: 'umum', required: false }),
          { ...phone(), label: 'Kontak yang dapat dihubungi' },
          email(),
          longText('data_diminta', 'Data dan informasi yang diminta'),
          longText('maksud_tujuan', 'Maksud dan tujuan permohonan'),
          {
            id: 'pernyataan_sumber',
            label: 'Saya akan mencantumkan sumber data dan informasi',
            kind: 'choice',
            required: true,
            dataClass: 'none',
            options: ['Ya'],
          },
        ],
      },
    ],
    applicantFields: [applicantName()],
    steps: [
      {
        id: 'tanda_terima',
        label: 'Permohonan diterima dan tanda terima diberikan',
        role: 'petugas_layanan',
        description: 'Unit menerima surat permohonan dan memberikan tanda terima.',
      },
      {
        id: 'analisis',
        label: 'Analisis informasi yang diminta',
        role: 'sub_koordinator',
        description:
          'Unit menganalisis apakah informasi termasuk yang dikecualikan (UU 14/2008 Pasal 17, uji konsekuensi).',
      },
      {
        id: 'pemberian_informasi',
        label: 'Pemberian data dan informasi',
        role: 'sub_koordinator',
        description: 'Data dan informasi diberikan langsung atau daring.',
      },
    ],
    sla: { text: '1 (satu) Hari', limit: hk(1), target: hk(1), atRiskRatio: AT_RISK },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product: 'Data dan informasi, atau surat penolakan beralasan',
    productAsPrinted: 'Ketersediaan Data dan Informasi',
    letter: { classificationCode: '500.3.1', title: 'Surat Pemberitahuan Penolakan Permohonan Informasi' },
    publicInformation: true,
    legalBasis: [
      UU_KIP,
      UU_PP,
      UU_PEMDA,
      PP_96,
      PP_18,
      PP_72,
      'Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia',
      'Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan',
      PERDA_5,
    ],
    executors: { count: STAFF_15, roles: [...STAFF_15_ROLES] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: EVAL_SKM,
  },
  {
    id: 'pengaduan',
    number: 7,
    code: 'ADU',
    name: 'Penanganan Pengaduan Pelayanan Publik',
    description:
      'Penanganan pengaduan atas pelayanan yang tidak sesuai standar, secara tertulis atau melalui SP4N-LAPOR!.',
    group: 'Layanan Umum',
    keywords: ['pengaduan', 'keluhan', 'lapor', 'sp4n-lapor'],
    channels: ['google_form', 'letter', 'sp4n_lapor'],
    requirements: [
      {
        id: 'pengaduan_tertulis',
        text: 'Pengguna layanan menyampaikan pengaduan secara tertulis memuat nama dan alamat lengkap, uraian pelayanan yang tidak sesuai standar dan kerugian yang diderita, permintaan penyelesaian, serta tempat, waktu penyampaian dan tanda tangan',
        fields: [
          text('alamat', 'Alamat lengkap pengadu', { dataClass: 'umum' }),
          longText('uraian', 'Uraian pelayanan yang tidak sesuai standar'),
          longText('kerugian', 'Uraian kerugian materiel atau imateriel yang diderita'),
          longText('permintaan_penyelesaian', 'Permintaan penyelesaian yang diajukan'),
          text('tempat_waktu', 'Tempat dan waktu penyampaian'),
          doc('surat_pengaduan', 'Surat pengaduan bertanda tangan', { required: false, dataClass: 'umum' }),
        ],
      },
    ],
    applicantFields: [applicantName(), contactPhone(), contactEmail()],
    steps: [
      {
        id: 'pencatatan',
        label: 'Pengaduan dicatat petugas pengaduan',
        role: 'petugas_pengaduan',
        description: 'Petugas pengaduan menerima dan mencatat pengaduan.',
      },
      {
        id: 'konfirmasi',
        label: 'Konfirmasi dan penyelesaian sesuai level',
        role: 'petugas_pengaduan',
        description: 'Petugas mengkonfirmasi dan menyelesaikan pengaduan sesuai levelnya.',
      },
      {
        id: 'penanganan_bidang',
        label: 'Penelusuran dan penanganan oleh bidang terkait',
        role: 'sub_koordinator',
        description: 'Pengaduan didistribusikan ke bidang terkait untuk penelusuran dan penanganan.',
      },
      {
        id: 'tanggapan',
        label: 'Penyampaian tanggapan kepada pengguna layanan',
        role: 'petugas_pengaduan',
        description: 'Tanggapan disampaikan kepada pengguna layanan.',
      },
      {
        id: 'pengarsipan',
        label: 'Pengarsipan dan rencana tindak lanjut',
        role: 'petugas_pengaduan',
        description: 'Pengarsipan dan rencana tindak lanjut pada tim pengaduan.',
      },
    ],
    sla: { text: '3 (tiga) Hari', limit: hk(3), target: hk(3), atRiskRatio: AT_RISK },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product: 'Tindak Lanjut Penanganan Pengaduan Pelayanan Publik',
    productAsPrinted: 'Tindak Lanjut Penanganan Pengaduan Pelayanan Publik',
    legalBasis: [
      UU_KIP,
      UU_PP,
      UU_PEMDA,
      PP_96,
      PP_18,
      'Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal',
      'Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik',
      PERDA_5,
    ],
    executors: { count: STAFF_15, roles: [...STAFF_15_ROLES, 'petugas_pengaduan'] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: EVAL_SKM + '; evaluasi penerapan standar setelah setiap pengaduan selesai',
  },
  {
    id: 'surat-keterangan-pengurus',
    number: 8,
    code: 'SKP',
    name: 'Penerbitan Surat Keterangan Pengurus dan Pengawas Koperasi',
    description:
      'Penerbitan surat keterangan bagi pengurus atau pengawas koperasi setelah koreksi dan kualifikasi data.',
    group: 'Kelembagaan dan Pengawasan',
    keywords: ['koperasi', 'pengurus', 'pengawas', 'surat keterangan'],
    channels: ['google_form', 'walk_in'],
    requirements: [
      { id: 'ktp', text: 'Fotocopy KTP', fields: [nik(), ktpScan()] },
      { id: 'email', text: 'Alamat email', fields: [email()] },
      { id: 'telepon', text: 'Nomer HP', fields: [phone()] },
      {
        id: 'data_usaha',
        text: 'Data Usaha (Laporan Keuangan)',
        fields: [text('nama_koperasi', 'Nama koperasi'), financialReport()],
      },
    ],
    applicantFields: [
      applicantName(),
      {
        id: 'jabatan',
        label: 'Jabatan di koperasi',
        kind: 'choice',
        required: true,
        dataClass: 'none',
        options: ['Pengurus', 'Pengawas'],
      },
    ],
    steps: [
      {
        id: 'kualifikasi_data',
        label: 'Koreksi dan kualifikasi data pengurus dan pengawas',
        role: 'pengawas_koperasi',
        description: 'Verifikasi data pengurus dan pengawas koperasi.',
      },
      {
        id: 'penerbitan',
        label: 'Penerbitan Surat Keterangan',
        role: 'kabid_kelembagaan_pengawasan',
        description: 'Setelah memenuhi syarat, Surat Keterangan Pengurus atau Pengawas Koperasi diterbitkan.',
      },
    ],
    sla: { text: '5 Hari Kerja', limit: hk(5), target: hk(5), atRiskRatio: AT_RISK },
    cost: 'Gratis',
    product: 'Surat Keterangan Pengurus/Pengawas Koperasi',
    productAsPrinted: 'KELEMBAGAAN DAN PENGAWASAN',
    letter: {
      classificationCode: '500.3.2',
      title: 'Surat Keterangan Pengurus/Pengawas Koperasi',
      opening:
        'Menunjuk permohonan Saudara yang kami terima pada {diterima} dengan nomor registrasi {registrasi}, dan berdasarkan hasil kualifikasi data, dengan ini Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan menerangkan bahwa susunan pengurus dan/atau pengawas koperasi berikut telah tercatat pada Dinas:',
      closing: ['Surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.'],
    },
    legalBasis: LEGAL_COOPERATIVE,
    executors: {
      count: '4 orang',
      roles: ['kepala_dinas', 'sekretaris_dinas', 'kabid_kelembagaan_pengawasan', 'pengawas_koperasi'],
    },
    complaintContact: COMPLAINT_CONTACT,
    evaluation:
      'Pembaruan data ODS setiap tahun dan evaluasi personal pegawai (SKP/PPK) setiap 6 bulan; registrasi dokumen yang diterbitkan',
  },
  {
    id: 'rekomendasi-bbm',
    number: 9,
    code: 'BBM',
    name: 'Penerbitan Rekomendasi Penggunaan BBM Bersubsidi',
    description: 'Surat rekomendasi pembelian BBM bersubsidi bagi pelaku usaha mikro.',
    group: 'Usaha Mikro',
    keywords: ['bbm', 'bersubsidi', 'rekomendasi', 'usaha mikro', 'solar', 'pertalite'],
    channels: ['google_form', 'walk_in'],
    requirements: [
      { id: 'ktp', text: 'Fotocopy KTP', fields: [nik(), ktpScan()] },
      {
        id: 'kk',
        text: 'KK',
        fields: [
          {
            id: 'nomor_kk',
            label: 'Nomor Kartu Keluarga (16 digit)',
            kind: 'kk',
            required: true,
            dataClass: 'spesifik',
          },
          doc('kk', 'Scan Kartu Keluarga', { dataClass: 'spesifik' }),
        ],
      },
      { id: 'telepon', text: 'Nomer HP', fields: [phone()] },
      {
        id: 'sku',
        text: 'Surat Keterangan Usaha',
        fields: [text('nama_usaha', 'Nama usaha'), doc('sku', 'Surat Keterangan Usaha')],
      },
      { id: 'foto_usaha', text: 'Foto Usaha', fields: [doc('foto_usaha', 'Foto usaha', { accept: IMAGE_TYPES })] },
    ],
    applicantFields: [applicantName(), contactEmail()],
    steps: [
      {
        id: 'kualifikasi_pemohon',
        label: 'Koreksi dan kualifikasi pemohon',
        role: 'fungsional_umum',
        description: 'Persyaratan pemohon diperiksa; bila memenuhi syarat dibuatkan surat rekomendasi.',
      },
      {
        id: 'tanda_tangan_kadis',
        label: 'Tanda tangan Kepala Dinas',
        role: 'kepala_dinas',
        description: 'Surat ditandatangani Kepala Dinas.',
      },
      {
        id: 'penomoran',
        label: 'Pemberian nomor surat',
        role: 'fungsional_umum',
        description: 'Surat diberi nomor dan terbit.',
      },
    ],
    sla: {
      text: '1 jam',
      limit: { amount: 1, unit: 'working_hours' },
      target: { amount: 1, unit: 'working_hours' },
      atRiskRatio: AT_RISK,
    },
    cost: 'Tidak dipungut biaya (GRATIS)',
    product: 'Surat Rekomendasi Penggunaan BBM Bersubsidi (usaha mikro)',
    productAsPrinted: 'USAHA MIKRO',
    letter: {
      classificationCode: '500.3.7',
      title: 'Surat Rekomendasi Penggunaan BBM Bersubsidi',
      opening:
        'Menunjuk permohonan Saudara yang kami terima pada {diterima} dengan nomor registrasi {registrasi}, dan berdasarkan hasil kualifikasi pemohon, dengan ini Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan memberikan REKOMENDASI untuk memperoleh Bahan Bakar Minyak jenis tertentu (bersubsidi) bagi usaha mikro dengan data sebagai berikut:',
      closing: [
        'Rekomendasi ini hanya dipergunakan untuk kegiatan usaha mikro yang tercantum di atas dan tidak dapat dipindahtangankan.',
        'Rekomendasi ini dapat dicabut apabila dipergunakan tidak sesuai peruntukannya.',
      ],
    },
    legalBasis: LEGAL_CLINIC,
    executors: { count: CLINIC_15, roles: ['kepala_dinas', 'kabid_usaha_mikro', 'fungsional_umum'] },
    complaintContact: COMPLAINT_CONTACT,
    evaluation: 'Pelaporan dan evaluasi setiap bulan',
  },
];

/**
 * The catalog, typed by the `Service` schema's type. The schema's finer rules (id patterns, positive
 * numbers) are checked by the catalog test rather than parsed at every cold start.
 */
export const SERVICES: readonly Service[] = Object.freeze(raw);

const byId = new Map(SERVICES.map((s) => [s.id, s]));
export const findService = (id: string): Service | undefined => byId.get(id);

/** The service that receives SP4N-LAPOR! complaints: the one whose channels include it (at most one). */
export const complaintService = (): Service | undefined => SERVICES.find((s) => s.channels.includes('sp4n_lapor'));

/** Every field of a service, requirements first, then applicant fields. */
export const serviceFields = (s: Service) => [...s.requirements.flatMap((r) => r.fields), ...s.applicantFields];
