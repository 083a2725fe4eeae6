import { services } from './current';
import type { Service, SlaSpan } from './schema';

/** How the standard's deadlines and fees read on a page, beside the standard's own words. */
const UNIT_WORDS: Record<SlaSpan['unit'], string> = {
  working_days: 'hari kerja',
  calendar_days: 'hari kalender',
  working_hours: 'jam kerja',
};

/** "5 hari kerja", "14 hari kalender", "1 jam kerja". */
export const spanText = (s: SlaSpan) => `${s.amount} ${UNIT_WORDS[s.unit]}`;

/** Words in a printed deadline that already say how it is counted. */
const SAYS_UNIT: Record<SlaSpan['unit'], RegExp> = {
  working_days: /hari\s+kerja/i,
  calendar_days: /hari\s+kalender/i,
  working_hours: /jam\s+kerja/i,
};

/**
 * A service's deadline as a person reads it: the standard's own words, and — where they leave the
 * unit open (e.g. "14 hari") or the clock waits for a complete file — how the desk counts it.
 */
export const slaReading = (s: Service) => {
  const notes: string[] = [];
  if (!SAYS_UNIT[s.sla.limit.unit].test(s.sla.text)) notes.push(`dihitung ${spanText(s.sla.limit)}`);
  if (s.sla.startsWhen === 'complete') notes.push('sejak berkas dinyatakan lengkap');
  return { asPrinted: s.sla.text, counted: notes.length ? notes.join(', ') : undefined };
};

/** "1 (Satu) Jam (dihitung 1 jam kerja)" — the printed words with how they are counted, on one line. */
export const slaLine = (s: Service) => {
  const r = slaReading(s);
  return r.counted ? `${r.asPrinted} (${r.counted})` : r.asPrinted;
};

/**
 * A service's terms in one form across the lists (the standard prints "5 Hari Kerja", "1 (Satu) Jam",
 * "1 (satu) Hari", "Gratis", "Tidak dipungut biaya (GRATIS)"): the deadline as the desk counts it,
 * the fee as a number, and the product by what it is. `asPrinted` holds the standard's own wording
 * where it differs, for the service page.
 */
export const serviceTerms = (s: Service) => {
  const duration = `${spanText(s.sla.limit)}${s.sla.startsWhen === 'complete' ? ' sejak berkas lengkap' : ''}`;
  const cost = s.fee === 0 ? 'Gratis' : `Rp${s.fee.toLocaleString('id-ID')}`;
  const differs = (printed: string, plain: string) =>
    printed.trim().toLowerCase() !== plain.toLowerCase() ? printed : undefined;
  return {
    duration,
    cost,
    product: s.product,
    asPrinted: {
      duration: differs(s.sla.text, spanText(s.sla.limit)),
      cost: differs(s.cost, cost),
      product: differs(s.productAsPrinted, s.product),
    },
  };
};

/** Whether every service of the standard is free of charge (the pages then say so once). */
export const allServicesFree = () => services().every((s) => s.fee === 0);
