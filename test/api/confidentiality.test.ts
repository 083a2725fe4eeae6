import { describe, expect, it } from 'vitest';
import { issueStaffToken } from '../../functions/api/auth';
import { consoleCookie, forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const get = (path: string, staffId: string) =>
  world.app.request(path, {
    headers: { authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}` },
  });

const SHA = 'a'.repeat(64);
const complaint = (confidential: boolean, fileName: string) =>
  world.deps.cases.open({
    serviceId: 'pengaduan',
    channel: 'letter',
    applicant: { name: 'Budi Rahasia Santoso' },
    receivedAt: clock.now(),
    actorId: 'frontdesk',
    confidential,
    answers: { uraian: ['Petugas meminta biaya. NIK saya 3514014107900001.'], surat_pengaduan: ['lampiran-1'] },
    attachments: [
      {
        fieldId: 'surat_pengaduan',
        sourceId: 'lampiran-1',
        fileName,
        mimeType: 'image/png',
        status: 'stored',
        s3Key: 'files/x.png',
        sha256: SHA,
        attempts: 1,
      },
    ],
  });

describe('one rule for who sees an applicant: fields, attachment names and documents', () => {
  it("hides a confidential complaint's attachment names and documents from every officer but the complaint officers", async () => {
    const { record } = await complaint(true, 'KTP Budi Rahasia Santoso.png');
    const other = await (await get(`/api/cases/${record.id}`, 'fungsional')).json();
    expect(JSON.stringify(other)).not.toContain('Budi');
    expect(other.attachments[0]).toMatchObject({ fileName: '[dirahasiakan]', file: null });
    expect((await get(`/api/cases/${record.id}/files/surat_pengaduan/${SHA}`, 'fungsional')).status).toBe(403);
    const own = await (await get(`/api/cases/${record.id}`, 'pengaduan')).json();
    expect(own.attachments[0]).toMatchObject({
      fileName: 'KTP Budi Rahasia Santoso.png',
      file: expect.stringContaining('/files/'),
    });
  });

  it('opens documents only for officers who may reveal the applicant, and masks a NIK typed into free text', async () => {
    const { record } = await complaint(false, 'surat.png');
    // The Konsultan Klinik works no step of the complaint service: the document is not theirs to open.
    expect((await get(`/api/cases/${record.id}/files/surat_pengaduan/${SHA}`, 'konsultan')).status).toBe(403);
    const view = await (await get(`/api/cases/${record.id}`, 'konsultan')).json();
    expect(view.attachments[0].file).toBeNull();
    expect(view.answers.uraian[0]).toContain('3514••••••••0001');
    expect(JSON.stringify(view)).not.toContain('3514014107900001');
  });

  it("opens a case's letter, which names the applicant, only for officers who may open its documents", async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'surat-keterangan-pengurus',
      channel: 'walk_in',
      applicant: { name: 'Sri Wahyuni' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    await forceCase(world.deps, record.id, { letterId: 'surat-yang-tidak-ada' }, clock.now());
    const letter = async (staffId: string) =>
      world.app.request(`/konsol/berkas/${record.id}/surat`, {
        headers: { cookie: await consoleCookie(world.app, staffId) },
      });
    for (const staffId of ['konsultan', 'admin']) {
      const res = await letter(staffId);
      expect(res.status, staffId).toBe(403);
      expect(await res.text()).toContain('tidak berwenang');
    }
    // An officer of the service passes the rule (this letter is not stored: 404, so no look is logged).
    expect((await letter('kabid-kp')).status).toBe(404);
    expect(await world.deps.repo.documentAccessLog(record.id)).toEqual([]);
    const page = await (
      await world.app.request(`/konsol/berkas/${record.id}`, {
        headers: { cookie: await consoleCookie(world.app, 'konsultan') },
      })
    ).text();
    expect(page).not.toContain('Unduh surat (PDF)');
  });
});
