import type { UnsurId } from './ikm';

/**
 * The questionnaire in the words of PermenPANRB 14/2017's model (one question per element, four
 * answers from worst to best). The fee question's scale runs "sangat mahal … gratis".
 */
export const SURVEY_QUESTIONS: Record<UnsurId, { question: string; options: [string, string, string, string] }> = {
  u1: {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u2: {
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  u3: {
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  u4: {
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  u5: {
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  u6: {
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  u7: {
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  u8: {
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  u9: {
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
};

/** How long a survey invitation stays open after the request is finished. */
export const SURVEY_DAYS = 30;

/** A survey's public reference: `<case id>.<token>`; anything else names no survey. */
export const SURVEY_REF = /^([0-9A-Za-z_-]{1,64})\.([a-z2-9]{20})$/;
