import { Hono } from 'hono';
import { type Field, findService, LoketError, SERVICES, serviceFields, type Service } from '@loket/core';
import type { AppEnv } from '../app';

/**
 * Open311 GeoReport v2, read-only service discovery. Codes are strings (the spec's own examples write
 * `001`, which is not JSON). Requests endpoints come with the case store.
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

export const open311Routes = () => {
  const app = new Hono<AppEnv>();
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
