import { Hono } from 'hono';
import { type CaseRecord, type Field, findService, LoketError, parseInstant, SERVICES, serviceFields, type Service, toWibIso, wibDate } from '@loket/core';
import type { Deps } from '../../deps';
import { publicStatus, type StatusLookupFn } from './status';
import type { AppEnv } from '../app';

/**
 * Open311 GeoReport v2, read-only service discovery. Codes are strings (the spec's own examples write
 * `001`, which is not JSON). Requests are the public status view of cases.
 */
const summary = (s: Service) => ({
  service_code: s.id,
  service_name: s.name,
  description: `${s.description} Jangka waktu pelayanan: ${s.sla.text}. Biaya: ${s.cost}.`,
  metadata: true,
  type: 'batch',
  keywords: s.keywords.join(','),
  group: s.group,
});

const DATATYPE: Record<Field['kind'], string> = {
  text: 'string', textarea: 'text', nik: 'string', kk: 'string', nib: 'string', phone: 'string', email: 'string',
  date: 'datetime', number: 'number', money: 'number', choice: 'singlevaluelist', document: 'string',
};

const definition = (s: Service) => ({
  service_code: s.id,
  attributes: serviceFields(s).map((f, i) => ({
    variable: true,
    code: f.id,
    datatype: DATATYPE[f.kind],
    required: f.required,
    datatype_description: f.kind === 'document' ? `Unggah dokumen (${(f.accept ?? []).join(', ')})` : f.kind === 'nik' ? '16 digit angka' : f.kind === 'nib' ? '13 digit angka' : '',
    order: i + 1,
    description: f.label,
    ...(f.options ? { values: f.options.map((o) => ({ key: o, name: o })) } : {}),
  })),
});

/**
 * A case as an Open311 service request: the public status view, nothing personal. `description` is the
 * service and step, never the applicant's words; the id is the tracking number.
 */
const request311 = (c: CaseRecord, now: number) => {
  const s = publicStatus(c, now);
  const service = findService(c.serviceId)!;
  return {
    service_request_id: c.trackingNumber,
    status: s.status.finished ? 'closed' : 'open',
    status_notes: `${s.status.label}. ${s.timeliness}.`,
    service_name: service.name,
    service_code: service.id,
    description: `${service.name}: ${s.status.label}`,
    agency_responsible: 'Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan',
    service_notice: `Jangka waktu pelayanan: ${service.sla.text}`,
    requested_datetime: toWibIso(c.clock.receivedAt),
    updated_datetime: toWibIso(c.updatedAt),
    expected_datetime: c.clock.dueAt === undefined ? null : toWibIso(c.clock.dueAt),
    address: null,
    lat: null,
    long: null,
    media_url: null,
  };
};

const DAY = 24 * 3600_000;
/** The spec's defaults: the last 90 days, at most 1000 requests. */
const DEFAULT_SPAN = 90 * DAY;
const MAX_REQUESTS = 1000;

const monthsBetween = (from: number, to: number) => {
  const months: string[] = [];
  for (let m = wibDate(from).slice(0, 7); m <= wibDate(to).slice(0, 7);) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return months;
};

export const open311Routes = (deps: Deps, lookup: StatusLookupFn) => {
  const app = new Hono<AppEnv>();

  /** GeoReport v2 `GET requests.json`: by service and month from the index (no scan); confidential cases are never listed. */
  app.get('/requests.json', async (c) => {
    const now = deps.time.now();
    const instant = (name: string) => {
      const v = c.req.query(name);
      if (v === undefined) return undefined;
      const ms = parseInstant(v);
      if (ms === undefined) throw new LoketError('validation', `Parameter ${name} harus tanggal-waktu RFC 3339.`, [{ field: name, message: 'Format tanggal tidak valid.' }]);
      return ms;
    };
    const end = instant('end_date') ?? now;
    const start = instant('start_date') ?? end - DEFAULT_SPAN;
    if (start > end || end - start > 366 * DAY) throw new LoketError('validation', 'Rentang start_date–end_date paling lama satu tahun.', [{ field: 'start_date', message: 'Rentang terlalu panjang.' }]);
    const codes = c.req.query('service_code')?.split(',') ?? SERVICES.map((s) => s.id);
    const services = codes.map((code) => findService(code)).filter((s): s is Service => !!s);
    const status = c.req.query('status');
    const ids = c.req.query('service_request_id')?.split(',').slice(0, 100);
    const lists = await Promise.all(services.flatMap((s) => monthsBetween(start, end).map((m) => deps.repo.listByServiceMonth(s.id, m))));
    const rows = lists.flat()
      .filter((x) => !x.confidential && x.clock.receivedAt >= start && x.clock.receivedAt <= end)
      .filter((x) => !ids || ids.includes(x.trackingNumber))
      .sort((a, b) => b.clock.receivedAt - a.clock.receivedAt)
      .map((x) => request311(x, now))
      .filter((r) => !status || r.status === status)
      .slice(0, MAX_REQUESTS);
    return c.json(rows);
  });

  /** One request by its tracking number: the same rate-limited lookup as the status page. */
  app.get('/requests/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.json')) throw new LoketError('not_found', 'Alamat tidak ditemukan.');
    const s = await lookup(c, file.slice(0, -5));
    const found = await deps.repo.getByTrackingNumber(s.trackingNumber);
    if (!found || found.confidential) throw new LoketError('not_found', 'Permohonan tidak ditemukan.');
    return c.json([request311(found, deps.time.now())]);
  });

  app.get('/services.json', (c) => c.json(SERVICES.map(summary)));
  app.get('/services/:file', (c) => {
    const file = c.req.param('file');
    const code = file.endsWith('.json') ? file.slice(0, -5) : undefined;
    const s = code ? findService(code) : undefined;
    if (!s) throw new LoketError('not_found', `Layanan dengan kode "${code ?? file}" tidak ditemukan.`);
    return c.json(definition(s));
  });
  return app;
};
