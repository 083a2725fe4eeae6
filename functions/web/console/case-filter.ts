import { byUrgency, type CaseRecord, slaState } from '@loket/core';
import type { FieldError } from '../components';

/** The case list's filter: read from the query string, the in-memory part applied after one index query. */
export const PAGE_SIZE = 25;

export interface CaseFilter {
  layanan?: string;
  tahap?: string;
  sla?: string;
  petugas?: string;
  bulan?: string;
  nomor?: string;
  halaman: number;
}

export const FILTER_NAMES: Record<keyof Omit<CaseFilter, 'halaman'>, string> = {
  layanan: 'Layanan',
  tahap: 'Tahap',
  sla: 'Ketepatan',
  petugas: 'Petugas',
  bulan: 'Bulan',
  nomor: 'Nomor',
};

/** Reads the filter from the query string: well-formed values kept, each ill-formed one named as a problem. */
export const parseFilter = (q: (k: string) => string | undefined): { filter: CaseFilter; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  const pick = (k: string, re: RegExp, problem?: string) => {
    const v = q(k)?.trim();
    if (v && re.test(v)) return v;
    if (v && problem) problems.push({ field: k, message: problem });
    return undefined;
  };
  const filter = {
    layanan: pick('layanan', /^[a-z-]{1,40}$/),
    tahap: pick('tahap', /^[a-z_]{1,60}$/),
    sla: pick('sla', /^[a-z_]{1,20}$/),
    petugas: pick('petugas', /^[A-Za-z0-9_-]{1,64}$/),
    bulan: pick('bulan', /^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan diterima harus berbentuk tahun-bulan, contoh: 2026-11.'),
    nomor: q('nomor')?.trim().slice(0, 40) || undefined,
    halaman: Math.max(1, Math.min(10_000, Number.parseInt(q('halaman') ?? '1', 10) || 1)),
  };
  return { filter, problems };
};

/** The in-memory part of the filter, after the index query chose the candidates; most urgent first. */
export const applyFilter = (cases: CaseRecord[], f: CaseFilter, now: number, fragment?: string) =>
  cases
    .filter((c) => !fragment || c.trackingNumber.includes(fragment))
    .filter((c) => !f.layanan || c.serviceId === f.layanan)
    .filter((c) => !f.tahap || c.state === f.tahap)
    .filter((c) => !f.sla || slaState(c.clock, now, c.closedAt) === f.sla)
    .sort(byUrgency(now));
