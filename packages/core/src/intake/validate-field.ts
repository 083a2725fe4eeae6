import type { Field } from '../standard/schema';
import { parseMailAddress } from '../mail/address';

/**
 * Content checks for one answer. They never reject a submission: a failed check becomes an item on the
 * case's checklist and a revision request to the applicant. Messages are Indonesian and name the field.
 */
/**
 * What is wrong with a NIK, named (undefined when plausible): 16 digits, a province code 11–94, a birth
 * date DDMMYY in digits 7–12 (DD+40 for women), and a serial that is not one digit repeated.
 */
const nikProblem = (digits: string): string | undefined => {
  if (!/^\d+$/.test(digits)) return 'NIK hanya berisi angka.';
  if (digits.length !== 16) return `NIK harus 16 digit; yang diisi ${digits.length} digit.`;
  const province = Number(digits.slice(0, 2));
  if (province < 11 || province > 94) return `dua digit pertama NIK (${digits.slice(0, 2)}) bukan kode provinsi.`;
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  if (!dayOk || month < 1 || month > 12)
    return `digit ke-7 sampai ke-12 NIK (${digits.slice(6, 12)}) bukan tanggal lahir yang mungkin (TTBBTT).`;
  if (/^(\d)\1+$/.test(digits.slice(12))) return 'empat digit terakhir NIK tidak mungkin berupa angka yang sama.';
  return undefined;
};

/** What is wrong with a KK number, named: 16 digits and a province code 11–94. */
const kkProblem = (digits: string): string | undefined => {
  if (!/^\d+$/.test(digits)) return 'nomor KK hanya berisi angka.';
  if (digits.length !== 16) return `nomor KK harus 16 digit; yang diisi ${digits.length} digit.`;
  const province = Number(digits.slice(0, 2));
  return province < 11 || province > 94
    ? `dua digit pertama nomor KK (${digits.slice(0, 2)}) bukan kode provinsi.`
    : undefined;
};

/** Indonesian phone numbers in any common spelling → `08…`; undefined when not a phone number. */
export const normalizePhone = (v: string): string | undefined => {
  const digits = v.replace(/[\s\-().]/g, '');
  const local = digits.replace(/^\+?62/, '0');
  return /^0\d{8,13}$/.test(local) ? local : undefined;
};

/** Returns the Indonesian problem with a text answer, or undefined when it is fine. */
export const fieldProblem = (field: Field, values: string[]): string | undefined => {
  const present = values.filter((v) => v.trim() !== '');
  if (present.length === 0) return field.required ? `${field.label} belum diisi.` : undefined;
  const v = present[0]!.trim();
  switch (field.kind) {
    case 'nik': {
      const problem = nikProblem(v);
      return problem && `${field.label}: ${problem} Periksa kembali sesuai KTP.`;
    }
    case 'kk': {
      const problem = kkProblem(v);
      return problem && `${field.label}: ${problem} Periksa kembali sesuai Kartu Keluarga.`;
    }
    case 'nib':
      return /^\d{13}$/.test(v) ? undefined : `${field.label}: NIB harus 13 digit angka.`;
    case 'phone':
      return normalizePhone(v) ? undefined : `${field.label}: nomor HP tidak valid (contoh 081234567890).`;
    case 'email':
      return parseMailAddress(v)
        ? undefined
        : `${field.label}: harus satu alamat email yang valid (contoh nama@contoh.id).`;
    case 'number':
      return /^\d{1,7}$/.test(v.replace(/[.\s]/g, '')) ? undefined : `${field.label}: isi dengan angka (contoh 3).`;
    case 'choice':
      return !field.options || present.every((p) => field.options!.includes(p))
        ? undefined
        : `${field.label}: pilihan tidak dikenal.`;
    default:
      return field.maxLength && v.length > field.maxLength
        ? `${field.label}: terlalu panjang (maksimal ${field.maxLength} karakter).`
        : undefined;
  }
};
