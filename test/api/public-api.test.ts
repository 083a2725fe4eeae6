import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { createDeps } from '../../functions/deps';
import { useTestWorld } from '../helpers/deps';

const world = useTestWorld();

describe('public read API', () => {
  it('GET /health is 200 with each dependency', async () => {
    const res = await world.app.request('/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dependencies.dynamodb.status).toBe('ok');
    expect(body.dependencies.s3.status).toBe('ok');
  });

  it('GET /health is 503 naming the dependency that is down', async () => {
    const broken = createDeps({ ...world.deps.config, LOKET_TABLE: 'no-such-table' }, { log: world.deps.log });
    const res = await createApp(broken).request('/health');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.dependencies.dynamodb.status).toBe('down');
    expect(body.dependencies.s3.status).toBe('ok');
    broken.db.destroy();
  });

  it('lists the nine services with SLA policies in Indonesian', async () => {
    const res = await world.app.request('/api/services');
    const { services } = await res.json();
    expect(services).toHaveLength(9);
    expect(services[8]).toMatchObject({
      id: 'rekomendasi-bbm',
      sla: { text: '1 jam', limit: { amount: 1, unit: 'working_hours' } },
    });
    expect(services[0].requirements).toHaveLength(11);
    expect(services[0].procedure[0].responsible).toBe('Kasi Hukum dan Advokasi');
  });

  it('GET /api/services/{id} returns one service, unknown ids a JSON 404', async () => {
    expect((await (await world.app.request('/api/services/pengaduan')).json()).name).toBe(
      'Penanganan Pengaduan Pelayanan Publik',
    );
    const res = await world.app.request('/api/services/tidak-ada');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Layanan "tidak-ada" tidak ditemukan.' } });
  });

  it('speaks Open311 GeoReport v2 with string service codes', async () => {
    const list = await (await world.app.request('/open311/v2/services.json')).json();
    expect(list).toHaveLength(9);
    for (const s of list) {
      expect(typeof s.service_code).toBe('string');
      expect(Object.keys(s).sort()).toEqual([
        'description',
        'group',
        'keywords',
        'metadata',
        'service_code',
        'service_name',
        'type',
      ]);
      expect(s.type).toBe('batch');
    }
    const def = await (await world.app.request('/open311/v2/services/rekomendasi-bbm.json')).json();
    expect(def.service_code).toBe('rekomendasi-bbm');
    const nik = def.attributes.find((a: { code: string }) => a.code === 'nik');
    expect(nik).toMatchObject({
      variable: true,
      datatype: 'string',
      required: true,
      order: 1,
      description: 'NIK (16 digit)',
    });
    expect((await world.app.request('/open311/v2/services/zzz.json')).status).toBe(404);
  });

  it('answers an unknown path with the JSON error shape', async () => {
    const res = await world.app.request('/tidak/ada');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
