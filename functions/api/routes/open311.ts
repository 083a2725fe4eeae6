import { apiRouter, jsonOk } from '../openapi';
import * as z from 'zod';
import {
  serviceTerms,
  type CaseRecord,
  type Field,
  findService,
  Instant,
  LoketError,
  services,
  serviceFields,
  type Service,
  nextMonth,
  toWibIso,
  wibMonth,
  office,
  caseService,
} from '@loket/core';
import { createHmac } from 'node:crypto';
import type { Deps } from '../../deps';
import { type CaseLookupFn, publicStatus } from './status';
import type { AppEnv } from '../app';

/**
 * Open311 GeoReport v2, read-only service discovery. Codes are strings (the spec's own examples write
 * `001`, which is not JSON). Requests are the public status view of cases.
 */
const summary = (s: Service) => ({
  service_code: s.id,
  service_name: s.name,
  description: `${s.description} Jangka waktu pelayanan: ${serviceTerms(s).duration}. Biaya: ${serviceTerms(s).cost}.`,
  metadata: true,
  type: 'batch',
  keywords: s.keywords.join(','),
  group: s.group,
});

const DATATYPE: Record<Field['kind'], string> = {
  text: 'string',
  textarea: 'text',
  nik: 'string',
  kk: 'string',
  nib: 'string',
  phone: 'string',
  email: 'string',
  date: 'datetime',
  number: 'number',
  money: 'number',
  choice: 'singlevaluelist',
  document: 'string',
};

const definition = (s: Service) => ({
  service_code: s.id,
  attributes: serviceFields(s).map((f, i) => ({
    variable: true,
    code: f.id,
    datatype: DATATYPE[f.kind],
    required: f.required,
    datatype_description:
      f.kind === 'document'
        ? `Unggah dokumen (${(f.accept ?? []).join(', ')})`
        : f.kind === 'nik'
          ? '16 digit angka'
          : f.kind === 'nib'
            ? '13 digit angka'
            : '',
    order: i + 1,
    description: f.label,
    ...(f.options ? { values: f.options.map((o) => ({ key: o, name: o })) } : {}),
  })),
});

/**
 * The id Open311 gives a case: `sr-<service code>-<yymm received>-<20 hex>`, the hex a keyed hash of
 * the case id. Opaque on purpose: a listing must not hand out the tracking numbers that open each
 * citizen's status page (with what is missing from their file). The service and month in it, both
 * shown in the listing anyway, let a lookup find the case with one index query.
 */
const publicIdOf = (key: string, c: Pick<CaseRecord, 'id' | 'serviceId' | 'clock'>) => {
  const code = caseService(c).code.toLowerCase();
  const month = wibMonth(c.clock.receivedAt);
  const mac = createHmac('sha256', key).update(`open311:${c.id}`).digest('hex').slice(0, 20);
  return `sr-${code}-${month.slice(2, 4)}${month.slice(5, 7)}-${mac}`;
};
const PUBLIC_ID = /^sr-([a-z]{1,10})-(\d{2})(\d{2})-[0-9a-f]{20}$/;

/** The service and month a public id names (where to look for it), or undefined for a malformed one. */
const placeOf = (id: string) => {
  const m = PUBLIC_ID.exec(id);
  const service = m && services().find((s) => s.code.toLowerCase() === m[1]);
  return service && m ? { service, month: `20${m[2]}-${m[3]}` } : undefined;
};

/**
 * A case as an Open311 service request: the public status view, nothing personal. `description` is the
 * service and step, never the applicant's words; the id is the opaque public id, not the tracking number.
 */
const request311 = (c: CaseRecord, now: number, key: string) => {
  const s = publicStatus(c, now);
  const service = caseService(c);
  return {
    service_request_id: publicIdOf(key, c),
    status: s.status.finished ? 'closed' : 'open',
    status_notes: `${s.status.label}. ${s.timeliness}.`,
    service_name: service.name,
    service_code: service.id,
    description: `${service.name}: ${s.status.label}`,
    agency_responsible: office().name,
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
  for (let m = wibMonth(from); m <= wibMonth(to); m = nextMonth(m)) months.push(m);
  return months;
};

const RequestsQuery = z.object({
  start_date: Instant.optional().meta({ description: 'RFC 3339; default 90 days before end_date' }),
  end_date: Instant.optional().meta({ description: 'RFC 3339; default now' }),
  service_code: z.string().max(300).optional().meta({ description: 'comma-separated service codes' }),
  status: z.enum(['open', 'closed']).optional(),
  service_request_id: z
    .string()
    .max(2000)
    .optional()
    .meta({ description: 'comma-separated service_request_id values (as listed; never tracking numbers)' }),
});
const JsonFile = (name: string) =>
  z.object({
    file: z
      .string()
      .regex(/\.json$/)
      .meta({ description: `${name}.json` }),
  });

export const open311Routes = (deps: Deps, findCase: CaseLookupFn) => {
  const app = apiRouter<AppEnv>('/open311/v2');
  // The key of the public ids: the desk's own secret, so nobody outside can compute one from a case.
  // Ids are computed, never stored: rotating the secret gives every request a new id (integrators re-list).
  const key = deps.config.LOKET_AUTH_SECRET;
  const tags = ['Open311 GeoReport v2'];

  /** GeoReport v2 `GET requests.json`: by service and month from the index (no scan); confidential cases are never listed. */
  app.openapi(
    {
      method: 'get',
      path: '/requests.json',
      tags,
      summary: 'Service requests (the public status view; confidential ones never listed)',
      request: { query: RequestsQuery },
      responses: jsonOk('requests', 200, z.array(z.looseObject({}))),
    },
    async (c) => {
      const now = deps.time.now();
      const q = c.req.valid('query');
      const end = q.end_date ? Date.parse(q.end_date) : now;
      const start = q.start_date ? Date.parse(q.start_date) : end - DEFAULT_SPAN;
      if (start > end || end - start > 366 * DAY)
        throw new LoketError('validation', 'Rentang start_date–end_date paling lama satu tahun.', [
          { field: 'start_date', message: 'Rentang terlalu panjang.' },
        ]);
      const codes = q.service_code?.split(',') ?? services().map((s) => s.id);
      const wanted = codes.map((code) => findService(code)).filter((s): s is Service => !!s);
      const status = q.status;
      const ids = q.service_request_id?.split(',').slice(0, 100);
      const lists = await Promise.all(
        wanted.flatMap((s) => monthsBetween(start, end).map((m) => deps.repo.listByServiceMonth(s.id, m))),
      );
      const rows = lists
        .flat()
        .filter((x) => !x.confidential && x.clock.receivedAt >= start && x.clock.receivedAt <= end)
        .sort((a, b) => b.clock.receivedAt - a.clock.receivedAt)
        .map((x) => request311(x, now, key))
        .filter((r) => !ids || ids.includes(r.service_request_id))
        .filter((r) => !status || r.status === status)
        .slice(0, MAX_REQUESTS);
      return c.json(rows, 200);
    },
  );

  /** One request by its public id: a miss counts against the same limit as the status page's. */
  app.openapi(
    {
      method: 'get',
      path: '/requests/{file}',
      tags,
      summary: 'One service request by its service_request_id (misses rate-limited with the status page)',
      request: { params: JsonFile('<service_request_id>') },
      responses: jsonOk('[request]', 200, z.array(z.looseObject({}))),
      errorStatuses: [400, 404, 429],
    },
    async (c) => {
      const id = c.req.valid('param').file.slice(0, -5);
      const place = placeOf(id);
      const found = await findCase(
        c,
        async () =>
          place
            ? (await deps.repo.listByServiceMonth(place.service.id, place.month)).find(
                (x) => !x.confidential && publicIdOf(key, x) === id,
              )
            : undefined,
        'Permohonan tidak ditemukan.',
      );
      return c.json([request311(found, deps.time.now(), key)], 200);
    },
  );

  app.openapi(
    {
      method: 'get',
      path: '/services.json',
      tags,
      summary: 'Service discovery: the nine services',
      responses: jsonOk('services', 200, z.array(z.looseObject({}))),
    },
    (c) => c.json(services().map(summary), 200),
  );
  app.openapi(
    {
      method: 'get',
      path: '/services/{file}',
      tags,
      summary: "One service's definition: the attributes a request carries",
      request: { params: JsonFile('<service code>') },
      responses: jsonOk('the definition'),
      errorStatuses: [400, 404],
    },
    (c) => {
      const code = c.req.valid('param').file.slice(0, -5);
      const s = findService(code);
      if (!s) throw new LoketError('not_found', `Layanan dengan kode "${code}" tidak ditemukan.`);
      return c.json(definition(s), 200);
    },
  );
  return app;
};
