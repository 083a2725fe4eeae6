import { describe, expect, it } from 'vitest';
import { needsUpdate, searchUmkm, umkmRecap } from '@loket/core';
import { umkmCsv } from '../../functions/reports/umkm-csv';
import { manualClock, useTestWorld } from '../helpers/deps';
import { recordBusiness } from '../helpers/umkm';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true, env: { LOKET_ODS_URL: 'https://ods.pasuruankab.go.id' } });
const recorded = (name: string, profile: Parameters<typeof recordBusiness>[3]) =>
  recordBusiness(world.deps, clock.now(), name, profile);

describe('the UMKM registry', () => {
  it('records a business when it is entered in ODS, tells it where, and recaps by kecamatan and sector', async () => {
    const a = await recorded('Keripik Tempe Bu Siti', {
      kecamatan: 'Bangil',
      sektor: 'Makanan dan minuman',
      skala: 'Mikro',
      tenaga_kerja: '3',
    });
    await recorded('Batik Tulis Pandaan', {
      kecamatan: 'Pandaan',
      sektor: 'Fesyen dan tekstil',
      skala: 'Kecil',
      tenaga_kerja: '12',
    });
    await recorded('Sambal Bangil', {
      kecamatan: 'Bangil',
      sektor: 'Makanan dan minuman',
      skala: 'Mikro',
      tenaga_kerja: '2',
    });
    const all = await world.deps.umkm.list();
    expect(all).toHaveLength(3);
    expect(all.find((e) => e.caseId === a.id)).toMatchObject({
      businessName: 'Keripik Tempe Bu Siti',
      ownerMasked: 'S*** A*****',
      nib: '1234567890123',
      kecamatan: 'Bangil',
      tenagaKerja: 3,
    });
    expect(JSON.stringify(all)).not.toContain('3514014107900001');
    expect(JSON.stringify(all)).not.toContain('081234567890');
    const mail = world.catcher.mail.find(
      (m) => m.to.includes('siti@example.com') && m.text.includes('Online Data System'),
    );
    expect(mail?.text).toContain('https://ods.pasuruankab.go.id');

    expect(umkmRecap(all).byKecamatan[0]).toEqual({ name: 'Bangil', usaha: 2, tenagaKerja: 5 });
    expect(umkmRecap(all).bySektor.map((r) => r.name)).toEqual(['Makanan dan minuman', 'Fesyen dan tekstil']);
    expect(searchUmkm(all, { q: 'batik' }).map((e) => e.businessName)).toEqual(['Batik Tulis Pandaan']);
    expect(searchUmkm(all, { kecamatan: 'Bangil', skala: 'Mikro' })).toHaveLength(2);
    expect(umkmCsv(all).split('\r\n')[0]).toBe(
      '\uFEFFnama_usaha,pemilik,nib,kecamatan,sektor,skala,tenaga_kerja,tercatat,nomor_registrasi',
    );
    expect(needsUpdate(all[0]!, clock.now())).toBe(false);
    expect(needsUpdate(all[0]!, clock.now() + 366 * 86_400_000)).toBe(true);
  });

  it('asks the profile on the form: a missing kecamatan or a word for the workforce is a revision, not an error', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'pendataan-umkm',
      channel: 'google_form',
      applicant: { name: 'A' },
      receivedAt: clock.now(),
      actorId: 'google-forms',
      answers: { nama_usaha: ['Warung'], sektor: ['Jasa'], skala: ['Mikro'], tenaga_kerja: ['tiga'] },
    });
    expect(record.checklist.data_usaha?.issues).toEqual(
      expect.arrayContaining([
        'Kecamatan lokasi usaha belum diisi.',
        'Jumlah tenaga kerja (termasuk pemilik): isi dengan angka (contoh 3).',
      ]),
    );
  });
});
