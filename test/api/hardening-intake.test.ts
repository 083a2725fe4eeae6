import { describe, expect, it } from 'vitest';
import { INTAKE_CHECK } from '@loket/core';
import { issueStaffToken } from '../../functions/api/auth';
import { queueAndSend } from '../../functions/mail/dispatch';
import { manualClock, postFormWebhook, useTestWorld } from '../helpers/deps';

/** Attacks and faults of the hostile review (issue #9) on the intake, the checklist and the outbox. */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });

const konsultasi = (
  responseId: string,
  answers: { title: string; values: string[] }[],
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    formId: 'demo-konsultasi',
    responseId,
    submittedAt: '2026-11-25T09:30:00+07:00',
    answers: answers.map((a, i) => ({ questionId: String(i + 1), type: 'TEXT', ...a })),
    ...extra,
  });
const post = (body: string) => postFormWebhook(world.app, world.deps, body);
const mailTo = (address: string) => world.catcher.mail.filter((m) => m.to.includes(address));
const token = (staffId: string) =>
  `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}`;
const staffPost = (path: string, staffId: string, body: unknown) =>
  world.app.request(path, {
    method: 'POST',
    headers: { authorization: token(staffId), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('one public form response never mails more than one address', () => {
  it.each([
    ['a list of 500 addresses', Array.from({ length: 500 }, (_, i) => `korban${i}@contoh.id`).join(',')],
    ['a Bcc header', 'warga@contoh.id\nBcc: korban0@contoh.id'],
    ['a display name', 'Warga <korban0@contoh.id>'],
    ['a group', 'semua: korban0@contoh.id, korban1@contoh.id;'],
  ])('an email answer with %s makes a case with a checklist problem and sends nothing', async (_what, address) => {
    const sentBefore = world.catcher.mail.length;
    const res = await post(
      konsultasi(`mail-${sentBefore}-${address.length}`, [
        { title: 'Nama lengkap pemohon', values: ['Warga'] },
        { title: 'Email untuk pemberitahuan', values: [address] },
      ]),
    );
    expect(res.status).toBe(201);
    const c = await world.deps.cases.get((await res.json()).caseId);
    expect(c.applicant.email).toBeUndefined();
    expect(c.checklist[INTAKE_CHECK]).toMatchObject({
      status: 'invalid',
      issues: expect.arrayContaining([expect.stringContaining('Alamat email pemohon tidak valid')]),
    });
    expect(world.catcher.mail.length).toBe(sentBefore);
    expect(mailTo('korban0@contoh.id')).toHaveLength(0);
  });

  it('refuses an officer whose directory address is not exactly one mailbox', async () => {
    await expect(
      world.deps.staff.put({
        id: 'x',
        name: 'X',
        email: 'a@contoh.id, b@contoh.id',
        roles: ['fungsional_umum'],
        active: true,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await world.deps.staff.get('x')).toBeUndefined();
  });

  it('gives up at once, without retries, on a queued message whose recipient is not one valid address', async () => {
    await queueAndSend(world.deps, [
      { id: 'bad-to-1', kind: 'case_update', to: ['a@contoh.id,b@contoh.id'], subject: 's', text: 't' },
    ]);
    expect(await world.deps.outbox.get('bad-to-1')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(mailTo('a@contoh.id')).toHaveLength(0);
  });

  it('refuses an invalid address when an officer registers a walk-in (400 naming the field)', async () => {
    const res = await staffPost('/api/cases', 'frontdesk', {
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'T', email: 'a@x.id, b@y.id' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].field).toBe('applicant.email');
  });
});

describe('a submission whose answers match no field', () => {
  it('is a case with its answers kept, a checklist problem, one admin email a day, and a receipt', async () => {
    const renamed = (id: string) =>
      konsultasi(
        id,
        [
          { title: 'Nama (baru)', values: ['Warga Baru'] },
          { title: 'Masalah yang ingin dikonsultasikan (baru)', values: ['Modal usaha'] },
        ],
        { respondentEmail: `pemohon-${id}@contoh.id` },
      );
    const admins = () => world.catcher.mail.filter((m) => m.subject.startsWith('Pertanyaan formulir tidak dikenali'));
    const before = admins().length;
    const first = await post(renamed('renamed-1'));
    expect(first.status).toBe(201);
    const c = await world.deps.cases.get((await first.json()).caseId);
    expect(c.unmatchedAnswers).toEqual([
      { title: 'Nama (baru)', values: ['Warga Baru'] },
      { title: 'Masalah yang ingin dikonsultasikan (baru)', values: ['Modal usaha'] },
    ]);
    expect(c.checklist[INTAKE_CHECK]!.status).toBe('invalid');
    expect(mailTo('pemohon-renamed-1@contoh.id').map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Permohonan diterima/),
    ]);
    expect(admins().length - before).toBe(1);
    expect(admins().at(-1)!.text).toContain('Nama (baru)');
    expect(admins().at(-1)!.text).not.toContain('Warga Baru');
    // A second such response the same day: a case and a receipt, no second admin email.
    expect((await post(renamed('renamed-2'))).status).toBe(201);
    expect(admins().length - before).toBe(1);
  });

  it('is ignored only when it holds no answer at all', async () => {
    const res = await post(konsultasi('blank-1', [{ title: 'Nama (baru)', values: ['  '] }]));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('ignored');
  });
});

describe('edits of one form response apply in order', () => {
  const edit = (submittedAt: string, topic: string) =>
    konsultasi(
      'edited-1',
      [
        { title: 'Nama lengkap pemohon', values: ['Warga'] },
        { title: 'Permasalahan yang akan dikonsultasikan', values: [topic] },
      ],
      { submittedAt },
    );
  const topicOf = async (caseId: string) => {
    const c = await world.deps.cases.get(caseId);
    return Object.values(c.answers)
      .flat()
      .find((v) => v.startsWith('Topik'));
  };

  it('keeps the newest answers when two edits race, never answering 409', async () => {
    const created = await post(edit('2026-11-25T09:30:00+07:00', 'Topik 1'));
    const { caseId } = await created.json();
    for (let round = 0; round < 4; round++) {
      const newer = `2026-11-25T09:4${round}:30+07:00`;
      const older = `2026-11-25T09:4${round}:10+07:00`;
      const results = await Promise.all([
        post(edit(newer, `Topik ${round} baru`)),
        post(edit(older, `Topik ${round} lama`)),
      ]);
      expect(results.map((r) => r.status).every((s) => s === 200)).toBe(true);
      expect(await topicOf(caseId)).toBe(`Topik ${round} baru`);
    }
    // An old edit arriving late is a 200 no-op.
    const late = await post(edit('2026-11-25T09:35:00+07:00', 'Topik usang'));
    expect(late.status).toBe(200);
    expect(await topicOf(caseId)).toBe('Topik 3 baru');
  });
});

describe('only the roles of the current step work a case', () => {
  const bbm = async (withStoredFile: boolean) => {
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'google_form',
      applicant: { name: 'Siti' },
      answers: { nik: ['3514014107900001'], ktp: ['drive-ktp'] },
      attachments: [
        {
          fieldId: 'ktp',
          sourceId: 'drive-ktp',
          fileName: 'ktp.jpg',
          mimeType: 'image/jpeg',
          status: 'pending',
          attempts: 0,
        },
      ],
      receivedAt: clock.now(),
      actorId: 'google-forms',
    });
    if (withStoredFile) {
      await world.deps.cases.recordAttachment(record.id, {
        fieldId: 'ktp',
        sourceId: 'drive-ktp',
        outcome: { status: 'stored', s3Key: 'k', sha256: 'a'.repeat(64), size: 10, mimeType: 'image/jpeg' },
      });
    }
    return world.deps.cases.get(record.id);
  };
  const check = (c: { id: string; version: number }, staffId: string) =>
    staffPost(`/api/cases/${c.id}/checklist`, staffId, {
      requirementId: 'ktp',
      status: 'ok',
      expectedVersion: c.version,
    });

  it('refuses the admin and other roles (403), a document not yet stored (422), and allows the step officer', async () => {
    const pending = await bbm(false);
    expect((await check(pending, 'admin')).status).toBe(403);
    expect((await check(pending, 'kasi-hukum')).status).toBe(403);
    expect((await check(pending, 'fungsional')).status).toBe(422);
    const stored = await bbm(true);
    const ok = await check(stored, 'fungsional');
    expect(ok.status).toBe(200);
    expect((await ok.json()).checklist.ktp.status).toBe('ok');
  });

  it('refuses checklist work on a finished case (422)', async () => {
    const c = await bbm(true);
    const done = await world.deps.cases.act(c.id, {
      event: 'tolak',
      note: 'Bukan usaha mikro.',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
    });
    expect((await check(done.record, 'fungsional')).status).toBe(422);
  });

  it('lets the step officer or a head assign, only to an officer of the step', async () => {
    const c = await bbm(false);
    const assign = (by: string, to: string, version: number) =>
      staffPost(`/api/cases/${c.id}/assign`, by, { assigneeId: to, expectedVersion: version });
    expect((await assign('admin', 'fungsional', c.version)).status).toBe(403);
    expect((await assign('pengawas', 'fungsional', c.version)).status).toBe(403);
    expect((await assign('kadis', 'pengawas', c.version)).status).toBe(400);
    const ok = await assign('kadis', 'fungsional', c.version);
    expect(ok.status).toBe(200);
    expect((await ok.json()).assigneeId).toBe('fungsional');
  });
});

describe('personal data in file names', () => {
  it('masks a NIK in a Drive file name and in unmatched answers, for officers and the admin alike', async () => {
    const res = await post(
      JSON.stringify({
        formId: 'demo-rekomendasi-bbm',
        responseId: 'file-nik-1',
        submittedAt: '2026-11-25T09:30:00+07:00',
        answers: [
          { questionId: '1', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Siti'] },
          {
            questionId: '2',
            title: 'Fotokopi/scan KTP',
            type: 'FILE_UPLOAD',
            values: ['drive-nik'],
            files: [{ fileId: 'drive-nik', fileName: 'KTP Siti 3514014107900002.jpg', mimeType: 'image/jpeg' }],
          },
          { questionId: '3', title: 'NIK pemilik (pertanyaan baru)', type: 'TEXT', values: ['3514014107900002'] },
        ],
      }),
    );
    const { caseId } = await res.json();
    for (const who of ['fungsional', 'admin']) {
      const view = await world.app.request(`/api/cases/${caseId}`, { headers: { authorization: token(who) } });
      const text = await view.text();
      expect(text).not.toContain('3514014107900002');
      const body = JSON.parse(text);
      expect(body.attachments[0].fileName).toBe('KTP Siti 3514••••••••0002.jpg');
      expect(body.unmatchedAnswers).toEqual([{ title: 'NIK pemilik (pertanyaan baru)', values: ['3514••••••••0002'] }]);
    }
  });
});
