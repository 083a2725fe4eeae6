import { describe, expect, it } from 'vitest';
import { computeIkm, gradeOf, requiredSample, type SurveyAnswers } from '@loket/core';

/**
 * A hand-computed example (docs/RULES.md §7) with a different number of answers per element:
 * NRR u1 16/5 = 3.2, u2 10/3, u3 10/4 = 2.5, u4 4, u5 3.5, u6 3, u7 15/4 = 3.75, u8 2, u9 11/3;
 * the nine sum to 28.95; × 1/9 × 25 = 80.4166… → 80.42 (B, Baik); weakest u8.
 * With the printed weight 0,11 instead: 28.95 × 0.11 × 25 = 79.6125 → 79.61.
 */
const responses: SurveyAnswers[] = [
  { u1: 4, u2: 3, u3: 2, u4: 4, u5: 3, u6: 3, u7: 4, u8: 2, u9: 3 },
  { u1: 3, u2: 3, u3: 2, u4: 4, u5: 4, u6: 3, u7: 4, u9: 4 },
  { u1: 3, u2: 4, u3: 3, u4: 4, u6: 3, u7: 3, u9: 4 },
  { u1: 4, u3: 3, u4: 4, u6: 3, u7: 4 },
  { u1: 2, u4: 4, u6: 3 },
];

describe('Indeks Kepuasan Masyarakat', () => {
  it('reproduces the hand-computed index with uneven answer counts per element', () => {
    const r = computeIkm(responses);
    expect(r.respondents).toBe(5);
    expect(r.unsur.map((u) => [u.id, u.answered, u.nrr])).toEqual([
      ['u1', 5, 3.2],
      ['u2', 3, 3.33],
      ['u3', 4, 2.5],
      ['u4', 5, 4],
      ['u5', 2, 3.5],
      ['u6', 5, 3],
      ['u7', 4, 3.75],
      ['u8', 1, 2],
      ['u9', 3, 3.67],
    ]);
    expect(r.ikm).toBe(80.42);
    expect(r.grade).toBe('B');
    expect(r.weakest).toEqual({ id: 'u8', label: 'Penanganan Pengaduan, Saran dan Masukan', nrr: 2 });
  });

  it('would give a different index with the rounded weight 0,11 the regulation prints', () => {
    expect(computeIkm(responses, 0.11).ikm).toBe(79.61);
    expect(computeIkm(responses, 0.11).ikm).not.toBe(computeIkm(responses).ikm);
    // All answers "4": exactly 100 with 1/9, capped at 99 with 0,11.
    const best = [{ u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 } as SurveyAnswers];
    expect([computeIkm(best).ikm, computeIkm(best, 0.11).ikm]).toEqual([100, 99]);
  });

  it('has no index until every element has an answer', () => {
    const partial = computeIkm([{ u1: 4 }]);
    expect(partial.respondents).toBe(1);
    expect(partial.ikm).toBeUndefined();
    expect(partial.grade).toBeUndefined();
  });

  it("grades by the regulation's intervals and sizes the sample as its table", () => {
    expect([88.31, 88.3, 76.61, 76.6, 65, 64.99].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    expect([100, 200, 300, 500, 1000, 2000, 5000, 10000, 1_000_000].map(requiredSample)).toEqual([
      80, 132, 169, 217, 278, 322, 357, 370, 384,
    ]);
  });
});
