import { describe, expect, it } from 'vitest';
import { fieldProblem, type Field } from '@loket/core';

/** A content problem names what is wrong, so the applicant can fix it without calling the desk. */
const nik = { id: 'nik', label: 'NIK', kind: 'nik', required: true } as Field;
const kk = { id: 'kk', label: 'Nomor KK', kind: 'kk', required: true } as Field;

describe('NIK and KK checks name the actual problem', () => {
  it.each([
    ['35140141079', 'NIK harus 16 digit; yang diisi 11 digit.'],
    ['3514O14107900001', 'NIK hanya berisi angka.'],
    ['0514014107900001', 'dua digit pertama NIK (05) bukan kode provinsi.'],
    ['3514013213900001', 'digit ke-7 sampai ke-12 NIK (321390) bukan tanggal lahir yang mungkin'],
    ['3514014113900001', 'digit ke-7 sampai ke-12 NIK (411390) bukan tanggal lahir yang mungkin'],
    ['3514014107900000', 'empat digit terakhir NIK tidak mungkin berupa angka yang sama.'],
  ])('%s → %s', (value, problem) => {
    expect(fieldProblem(nik, [value])).toContain(`NIK: ${problem}`);
  });

  it('accepts a plausible NIK, a woman’s (day + 40) included, and a plausible KK', () => {
    expect(fieldProblem(nik, ['3514014107900001'])).toBeUndefined();
    expect(fieldProblem(nik, ['3514015107900001'])).toBeUndefined();
    expect(fieldProblem(kk, ['3514010101200003'])).toBeUndefined();
    expect(fieldProblem(kk, ['351401010120'])).toContain('nomor KK harus 16 digit; yang diisi 12 digit.');
  });
});
