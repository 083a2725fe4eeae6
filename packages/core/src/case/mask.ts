import type { Service } from '../standard/schema';
import { serviceFields } from '../standard/current';
import type { CaseRecord } from './model';

/** Personal data shown masked by default (docs/RULES.md §4): `3514••••••••0001`. */
const maskNumber = (v: string) =>
  v.length <= 8 ? '•'.repeat(v.length) : `${v.slice(0, 4)}${'•'.repeat(v.length - 8)}${v.slice(-4)}`;
export const maskPhone = (v: string) =>
  v.length <= 6 ? '•'.repeat(v.length) : `${v.slice(0, 4)}${'•'.repeat(v.length - 7)}${v.slice(-3)}`;
export const maskEmail = (v: string) => {
  const [user, domain] = v.split('@');
  return domain ? `${user!.slice(0, 1)}•••@${domain}` : '•••';
};

/**
 * A NIK/KK-shaped run: 16 digits, possibly grouped by spaces, dots or dashes, standing on its own — not
 * inside a longer token, so the hex of a SHA-256, an S3 key or an id are never rewritten.
 */
export const NIK_LIKE = /(?<![0-9A-Za-z])\d(?:[ .-]?\d){15}(?![0-9A-Za-z])/g;

/** Free text people typed or named (file names, unmatched answers) with every NIK/KK-shaped run masked. */
export const maskDigitRuns = (text: string) => text.replace(NIK_LIKE, (run) => maskNumber(run.replace(/\D/g, '')));

/**
 * The answers of a case with every personal field masked by its kind: NIK/KK and phone numbers, e-mail
 * addresses; documents show only that they exist. `spesifik` free text is hidden entirely.
 */
export const maskedAnswers = (service: Service, c: Pick<CaseRecord, 'answers'>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const f of serviceFields(service)) {
    const values = c.answers[f.id];
    if (!values) continue;
    out[f.id] = values.map((v) => {
      if (f.kind === 'nik' || f.kind === 'kk') return maskNumber(v);
      if (f.kind === 'phone') return maskPhone(v);
      if (f.kind === 'email') return maskEmail(v);
      if (f.kind === 'document') return '[dokumen]';
      if (f.dataClass === 'spesifik') return '[disembunyikan]';
      // Free text may carry a NIK or KK typed into it.
      return f.kind === 'text' || f.kind === 'textarea' ? maskDigitRuns(v) : v;
    });
  }
  return out;
};
