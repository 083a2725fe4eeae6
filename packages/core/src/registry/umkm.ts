import type { CaseRecord } from '../case/model';
import { maskName } from '../letters/model';
import { perStandard, serviceFields, theStandard } from '../standard/current';

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

const first = (c: CaseRecord, id: string | undefined) =>
  id ? c.answers[id]?.find((v) => v.trim())?.trim() : undefined;

/** The office's registry as its standard declares it (`registry`): which fields fill an entry. */
const registry = () => {
  const r = theStandard().registry;
  if (!r) throw new Error('the office standard declares no registry, yet a step records into it');
  return r;
};

/** The choices the registry filters by: the options of the registering service's own fields. */
export const registryChoices = perStandard((s) => {
  const fields = s.services.flatMap(serviceFields);
  const options = (id: string | undefined) => fields.find((f) => f.id === id)?.options ?? [];
  const place = fields.find((f) => f.id === s.registry?.fields.place);
  return {
    placeLabel: s.office.places?.label ?? place?.label ?? 'Lokasi',
    places: options(s.registry?.fields.place),
    sectors: options(s.registry?.fields.sector),
    scales: options(s.registry?.fields.scale),
  };
});

export const umkmEntryOf = (c: CaseRecord, at: number): UmkmEntry => {
  const f = registry().fields;
  const nib = first(c, f.nib);
  return {
    caseId: c.id,
    trackingNumber: c.trackingNumber,
    businessName: first(c, f.businessName) ?? '(tanpa nama)',
    ownerMasked: maskName(c.applicant.name),
    ...(nib ? { nib } : {}),
    kecamatan: first(c, f.place) ?? 'Tidak diketahui',
    sektor: first(c, f.sector) ?? 'Tidak diketahui',
    skala: first(c, f.scale) ?? 'Tidak diketahui',
    tenagaKerja: Number((first(c, f.workforce) ?? '0').replace(/[.\s]/g, '')) || 0,
    registeredAt: at,
  };
};

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
