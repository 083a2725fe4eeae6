import type { Field } from '../standard/schema';
import { parseMailAddress } from '../mail/address';

/**
 * Content checks for one answer. They never reject a submission: a failed check becomes an item on the
 * case's checklist and a revision request to the applicant. Messages are Indonesian and name the field.
 */
const NIK_RE = /^\d{16}$/;

/** Plausible NIK/KK: 16 digits, a province code 11–94, and (NIK) a birth date DDMMYY with DD+40 for women. */
const isPlausibleNik = (v: string): boolean => {
  if (!NIK_RE.test(v)) return false;
  const province = Number(v.slice(0, 2));
  const day = Number(v.slice(6, 8));
  const month = Number(v.slice(8, 10));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return province >= 11 && province <= 94 && dayOk && month >= 1 && month <= 12 && !/^(\d)\1+$/.test(v.slice(12));
};

const isPlausibleKk = (v: string): boolean =>
  NIK_RE.test(v) && Number(v.slice(0, 2)) >= 11 && Number(v.slice(0, 2)) <= 94;

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
    case 'nik':
      return isPlausibleNik(v) ? undefined : `${field.label}: NIK harus 16 digit angka sesuai KTP.`;
    case 'kk':
      return isPlausibleKk(v) ? undefined : `${field.label}: nomor KK harus 16 digit angka.`;
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
