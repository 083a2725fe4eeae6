import type { CaseRecord } from '../case/model';
import { maskName } from '../letters/model';

/**
 * The UMKM registry (ODS): a business becomes one entry when a step with the effect `record_in_registry`
 * is taken, written in the same transaction. Owner names are masked; no NIK, phone or finances here.
 */
/** The standard's periodic evaluation: each entry is updated yearly. */
const UMKM_UPDATE_AFTER_MS = 365 * 86_400_000;

export interface UmkmEntry {
  caseId: string;
  trackingNumber: string;
  businessName: string;
  ownerMasked: string;
  nib?: string;
  kecamatan: string;
  sektor: string;
  skala: string;
  tenagaKerja: number;
  registeredAt: number;
}

const first = (c: CaseRecord, id: string) => c.answers[id]?.find((v) => v.trim())?.trim();

export const umkmEntryOf = (c: CaseRecord, at: number): UmkmEntry => ({
  caseId: c.id,
  trackingNumber: c.trackingNumber,
  businessName: first(c, 'nama_usaha') ?? '(tanpa nama)',
  ownerMasked: maskName(c.applicant.name),
  ...(first(c, 'nib') ? { nib: first(c, 'nib') } : {}),
  kecamatan: first(c, 'kecamatan') ?? 'Tidak diketahui',
  sektor: first(c, 'sektor') ?? 'Tidak diketahui',
  skala: first(c, 'skala') ?? 'Tidak diketahui',
  tenagaKerja: Number((first(c, 'tenaga_kerja') ?? '0').replace(/[.\s]/g, '')) || 0,
  registeredAt: at,
});

export interface UmkmFilter {
  q?: string;
  kecamatan?: string;
  sektor?: string;
  skala?: string;
}

export const searchUmkm = (entries: UmkmEntry[], f: UmkmFilter) => {
  const q = f.q?.trim().toLowerCase();
  return entries
    .filter(
      (e) =>
        (!q || e.businessName.toLowerCase().includes(q) || e.nib === q) &&
        (!f.kecamatan || e.kecamatan === f.kecamatan) &&
        (!f.sektor || e.sektor === f.sektor) &&
        (!f.skala || e.skala === f.skala),
    )
    .sort((a, b) => a.businessName.localeCompare(b.businessName, 'id'));
};

/** Counts and workforce per kecamatan and per sector, largest first. */
export const umkmRecap = (entries: UmkmEntry[]) => {
  const by = (key: 'kecamatan' | 'sektor') => {
    const m = new Map<string, { usaha: number; tenagaKerja: number }>();
    for (const e of entries) {
      const row = m.get(e[key]) ?? { usaha: 0, tenagaKerja: 0 };
      row.usaha++;
      row.tenagaKerja += e.tenagaKerja;
      m.set(e[key], row);
    }
    return [...m.entries()]
      .map(([name, v]) => ({ name, ...v }))
      .sort((a, b) => b.usaha - a.usaha || a.name.localeCompare(b.name, 'id'));
  };
  return {
    total: entries.length,
    tenagaKerja: entries.reduce((n, e) => n + e.tenagaKerja, 0),
    byKecamatan: by('kecamatan'),
    bySektor: by('sektor'),
  };
};

export const needsUpdate = (e: UmkmEntry, now: number) => now - e.registeredAt > UMKM_UPDATE_AFTER_MS;
