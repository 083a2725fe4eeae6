/**
 * The satisfaction index (Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017 (docs/RULES.md §7):
 * nine elements scored 1–4; each element's value (NRR) is the mean of the answers given to it; the
 * index is the mean of the nine values — weight exactly 1/9 — times 25, rounded to two decimals.
 */
export const UNSUR = [
  { id: 'u1', label: 'Persyaratan' },
  { id: 'u2', label: 'Sistem, Mekanisme dan Prosedur' },
  { id: 'u3', label: 'Waktu Penyelesaian' },
  { id: 'u4', label: 'Biaya/Tarif' },
  { id: 'u5', label: 'Produk Spesifikasi Jenis Pelayanan' },
  { id: 'u6', label: 'Kompetensi Pelaksana' },
  { id: 'u7', label: 'Perilaku Pelaksana' },
  { id: 'u8', label: 'Penanganan Pengaduan, Saran dan Masukan' },
  { id: 'u9', label: 'Sarana dan Prasarana' },
] as const;
export type UnsurId = (typeof UNSUR)[number]['id'];

/** One respondent: a score 1–4 per element answered (an element may be left out). */
export type SurveyAnswers = Partial<Record<UnsurId, 1 | 2 | 3 | 4>>;

type Grade = 'A' | 'B' | 'C' | 'D';
export const GRADE_TEXT: Record<Grade, string> = { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' };

/** The regulation's intervals of the converted index. */
export const gradeOf = (ikm: number): Grade => (ikm >= 88.31 ? 'A' : ikm >= 76.61 ? 'B' : ikm >= 65 ? 'C' : 'D');

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export interface IkmResult {
  respondents: number;
  /** Per element: answers given and their mean (undefined when nobody answered it). */
  unsur: { id: UnsurId; label: string; answered: number; nrr?: number }[];
  /** Undefined until every element has at least one answer: the index needs all nine. */
  ikm?: number;
  grade?: Grade;
  /** The element with the lowest value: where to improve first. */
  weakest?: { id: UnsurId; label: string; nrr: number };
}

export const computeIkm = (responses: SurveyAnswers[], weight = 1 / UNSUR.length): IkmResult => {
  const unsur = UNSUR.map((u) => {
    const scores = responses.map((r) => r[u.id]).filter((s): s is 1 | 2 | 3 | 4 => s !== undefined);
    return {
      id: u.id,
      label: u.label,
      answered: scores.length,
      ...(scores.length ? { nrr: scores.reduce((a, b) => a + b, 0) / scores.length } : {}),
    };
  });
  const complete = unsur.every((u) => u.nrr !== undefined);
  const ikm = complete ? round2(unsur.reduce((sum, u) => sum + u.nrr! * weight, 0) * 25) : undefined;
  const weakest = complete ? unsur.reduce((w, u) => (u.nrr! < w.nrr! ? u : w)) : undefined;
  return {
    respondents: responses.length,
    unsur: unsur.map((u) => (u.nrr === undefined ? u : { ...u, nrr: round2(u.nrr) })),
    ...(ikm !== undefined ? { ikm, grade: gradeOf(ikm) } : {}),
    ...(weakest ? { weakest: { id: weakest.id, label: weakest.label, nrr: round2(weakest.nrr!) } } : {}),
  };
};

/**
 * The sample a period needs (Krejcie & Morgan, as the regulation uses): s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P))
 * with χ² = 3.841, P = 0.5, d = 0.05, rounded as the regulation's table (100 → 80, 1000 → 278).
 */
export const requiredSample = (population: number) => {
  if (population <= 0) return 0;
  const chi = 3.841;
  return Math.round((chi * population * 0.25) / (0.0025 * (population - 1) + chi * 0.25));
};
