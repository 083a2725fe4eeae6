import { createHash, randomBytes } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { issueStaffToken } from '../../functions/api/auth';
import type { Deps } from '../../functions/deps';
import { retryDueAttachments } from '../../functions/intake/attachments';
import { reconcileForms } from '../../functions/intake/reconcile';
import { manualClock, postFormWebhook, testDeps } from '../helpers/deps';
import { type GoogleApi, startGoogleApi } from '../../functions/local/google-emulator';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const FORM = 'FORM-bbm-2026';
let google: GoogleApi;
let deps: Deps;
let app: ReturnType<typeof createApp>;

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const TITLES = {
  nik: 'NIK (16 digit)',
  ktp: 'Fotokopi/scan KTP',
  kk: 'Scan Kartu Keluarga',
  nama: 'Nama lengkap pemohon',
  foto: 'Foto usaha',
};

beforeAll(async () => {
  google = await startGoogleApi();
  deps = await testDeps({
    time: clock,
    env: {
      GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey,
      GOOGLE_API_ROOT_URL: google.rootUrl,
      LOKET_FORM_MAPPINGS: JSON.stringify([
        {
          formId: FORM,
          serviceId: 'rekomendasi-bbm',
          questions: {
            q_nik: 'nik',
            [TITLES.ktp]: 'ktp',
            [TITLES.nama]: 'nama_pemohon',
            [TITLES.kk]: 'kk',
            [TITLES.foto]: 'foto_usaha',
          },
        },
      ]),
    },
  });
  app = createApp(deps);
  google.files.set('drive-ktp', { name: 'KTP - Siti.jpg', mimeType: 'image/jpeg', bytes: jpeg(40_000) });
  google.files.set('drive-kk', {
    name: 'KK.pdf',
    mimeType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000)),
  });
  google.files.set('drive-big', { name: 'KTP besar.jpg', mimeType: 'image/jpeg', bytes: jpeg(6 * 1024 * 1024) });
  google.files.set('drive-fake', {
    name: 'foto.jpg',
    mimeType: 'image/jpeg',
    bytes: Buffer.from('MZ\x90\x00 this is a program, not a photo'),
  });
});
afterAll(async () => {
  deps.db.destroy();
  await google.close();
});

/** The body Code.gs builds from a FormResponse with two uploads. */
const push = (responseId: string, files: Record<'ktp' | 'kk', string>) => ({
  formId: FORM,
  responseId,
  submittedAt: '2026-11-25T09:50:00.123+07:00',
  answers: [
    { questionId: 'q_nik', title: TITLES.nik, type: 'TEXT', values: ['3514014107900001'] },
    { questionId: 'q_nama', title: TITLES.nama, type: 'TEXT', values: ['Siti Aminah'] },
    {
      questionId: 'q_ktp',
      title: TITLES.ktp,
      type: 'FILE_UPLOAD',
      values: [files.ktp],
      files: [{ fileId: files.ktp, fileName: 'KTP.jpg', mimeType: 'image/jpeg' }],
    },
    {
      questionId: 'q_kk',
      title: TITLES.kk,
      type: 'FILE_UPLOAD',
      values: [files.kk],
      files: [{ fileId: files.kk, fileName: 'KK.pdf', mimeType: 'application/pdf' }],
    },
  ],
});

describe('attachments: Drive → private bucket', () => {
  it('copies each uploaded file under the case, content-addressed, with hash, size and type recorded', async () => {
    const res = await postFormWebhook(
      app,
      deps,
      JSON.stringify(push('resp-files', { ktp: 'drive-ktp', kk: 'drive-kk' })),
    );
    expect(res.status).toBe(201);
    const { caseId } = await res.json();
    const c = await deps.cases.get(caseId);
    const ktp = c.attachments.find((a) => a.fieldId === 'ktp')!;
    const expected = createHash('sha256').update(google.files.get('drive-ktp')!.bytes).digest('hex');
    expect(ktp).toMatchObject({
      status: 'stored',
      sha256: expected,
      size: 40_000,
      mimeType: 'image/jpeg',
      s3Key: `cases/${caseId}/ktp/${expected}`,
      attempts: 1,
    });
    expect(c.attachments.find((a) => a.fieldId === 'kk')).toMatchObject({
      status: 'stored',
      mimeType: 'application/pdf',
    });
    const object = await (
      await deps.files.client()
    ).send(new GetObjectCommand({ Bucket: deps.config.LOKET_BUCKET, Key: ktp.s3Key }));
    expect(
      createHash('sha256')
        .update(await object.Body!.transformToByteArray())
        .digest('hex'),
    ).toBe(expected);
    expect((await deps.cases.events(caseId)).filter((e) => e.type === 'attachment_stored')).toHaveLength(2);
    expect(await deps.repo.listAttachmentsDue(clock.now() + 86_400_000, 100)).not.toContain(caseId);
  });

  it('refuses a file over the field limit or of the wrong kind as a checklist problem naming the field, not an error', async () => {
    const res = await postFormWebhook(
      app,
      deps,
      JSON.stringify({
        ...push('resp-bad-files', { ktp: 'drive-big', kk: 'drive-fake' }),
        respondentEmail: 'siti@example.com',
      }),
    );
    expect(res.status).toBe(201);
    const c = await deps.cases.get((await res.json()).caseId);
    expect(c.attachments.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(c.checklist.ktp).toEqual({
      status: 'invalid',
      issues: ['Fotokopi/scan KTP: berkas terlalu besar (6 MB); maksimal 5 MB.'],
    });
    expect(c.checklist.kk!.issues).toContain(
      'Scan Kartu Keluarga: jenis berkas tidak diterima; unggah berkas PDF, JPG, PNG.',
    );
    expect(google.requests.filter((r) => r === 'GET /drive/v3/files/drive-big')).toHaveLength(1); // metadata only, never the 6 MB
    // The applicant hears about each refused file.
    const refusals = (await deps.cases.events(c.id)).filter((e) => e.type === 'attachment_failed');
    for (const e of refusals)
      expect(await deps.outbox.get(`file-refused-${c.id}-v${e.seq}`)).toMatchObject({
        to: ['siti@example.com'],
        subject: expect.stringMatching(/^Berkas perlu diunggah ulang/),
      });
  });

  it('keeps a failed copy visible on the case and retries it with backoff until it is stored', async () => {
    google.failNext(2);
    const res = await postFormWebhook(
      app,
      deps,
      JSON.stringify(push('resp-outage', { ktp: 'drive-ktp', kk: 'drive-kk' })),
    );
    expect(res.status).toBe(201); // the response is safe even though Drive is down
    const { caseId } = await res.json();
    let c = await deps.cases.get(caseId);
    expect(c.attachments.map((a) => a.status)).toEqual(['failed', 'failed']);
    expect(c.attachments[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: clock.now() + 60_000,
      lastError: expect.stringContaining('503'),
    });
    expect(await retryDueAttachments(deps)).toMatchObject({ cases: 0 }); // not due yet
    clock.advance(60_000);
    expect(await deps.repo.listAttachmentsDue(clock.now(), 100)).toContain(caseId);
    expect(await retryDueAttachments(deps)).toMatchObject({ stored: 2 });
    c = await deps.cases.get(caseId);
    expect(c.attachments.map((a) => [a.status, a.attempts])).toEqual([
      ['stored', 2],
      ['stored', 2],
    ]);
    expect(await deps.repo.listAttachmentsDue(clock.now() + 86_400_000, 100)).not.toContain(caseId);
  });

  it('gives up after every backoff step, shows it, and copies again when an officer asks', async () => {
    google.failNext(14); // 7 attempts × 2 files
    const { caseId } = await (
      await postFormWebhook(app, deps, JSON.stringify(push('resp-given-up', { ktp: 'drive-ktp', kk: 'drive-kk' })))
    ).json();
    for (let i = 0; i < 6; i++) {
      clock.advance(6 * 3600_000);
      await retryDueAttachments(deps);
    }
    const c = await deps.cases.get(caseId);
    expect(c.attachments.map((a) => [a.status, a.attempts, a.nextAttemptAt])).toEqual([
      ['failed', 7, undefined],
      ['failed', 7, undefined],
    ]);
    expect(await deps.repo.listAttachmentsDue(clock.now() + 86_400_000, 100)).not.toContain(caseId);
    const auth = {
      authorization: `Bearer ${issueStaffToken(deps.config.LOKET_AUTH_SECRET, 'fungsional', clock.now())}`,
    };
    const retried = await app.request(`/api/cases/${caseId}/files/retry`, { method: 'POST', headers: auth });
    expect(retried.status).toBe(200);
    expect((await retried.json()).attachments.map((a: { status: string }) => a.status)).toEqual(['stored', 'stored']);
    expect((await app.request(`/api/cases/${caseId}/files/retry`, { method: 'POST', headers: auth })).status).toBe(422);
  });

  it('records a credentials problem as a failed attempt rather than losing the file', async () => {
    const other = await testDeps({
      time: clock,
      env: {
        GOOGLE_SERVICE_ACCOUNT_KEY: JSON.stringify({
          ...JSON.parse(google.serviceAccountKey),
          client_email: 'stranger@evil.example',
        }),
        GOOGLE_API_ROOT_URL: google.rootUrl,
        LOKET_FORM_MAPPINGS: deps.config.LOKET_FORM_MAPPINGS.length
          ? JSON.stringify(deps.config.LOKET_FORM_MAPPINGS)
          : '[]',
      },
    });
    const res = await postFormWebhook(
      createApp(other),
      other,
      JSON.stringify(push('resp-denied', { ktp: 'drive-ktp', kk: 'drive-kk' })),
    );
    const c = await other.cases.get((await res.json()).caseId);
    expect(c.attachments[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('401') });
    other.db.destroy();
  });
});

describe('documents in the staff console', () => {
  const auth = (staffId: string) => ({
    authorization: `Bearer ${issueStaffToken(deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}`,
  });

  it('opens a stored document through a short-lived link and logs who looked; administrators may not', async () => {
    const caseId = (await deps.repo.getByExternalKey({ kind: 'google_form', id: 'resp-files' }))!.id;
    const view = await (await app.request(`/api/cases/${caseId}`, { headers: auth('fungsional') })).json();
    const ktp = view.attachments.find((a: { fieldId: string }) => a.fieldId === 'ktp');
    expect(ktp).toMatchObject({
      status: 'stored',
      statusText: 'Tersimpan',
      size: 40_000,
      file: expect.stringMatching(/^\/api\/cases\/.+\/files\/ktp\/[0-9a-f]{64}$/),
    });
    const link = await app.request(ktp.file, { headers: auth('fungsional') });
    expect(link.status).toBe(200);
    const { url } = await link.json();
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(bytes.equals(google.files.get('drive-ktp')!.bytes)).toBe(true);
    expect((await app.request(ktp.file, { headers: auth('admin') })).status).toBe(403);
    const log = await (await app.request(`/api/cases/${caseId}/access-log`, { headers: auth('kadis') })).json();
    expect(log.accesses).toEqual([expect.objectContaining({ staffId: 'fungsional', fieldId: 'ktp' })]);
    expect((await app.request(`/api/cases/${caseId}/access-log`, { headers: auth('fungsional') })).status).toBe(403);
  });

  it('shows a failed copy with its reason and the next attempt', async () => {
    google.failNext(2);
    const { caseId } = await (
      await postFormWebhook(app, deps, JSON.stringify(push('resp-visible', { ktp: 'drive-ktp', kk: 'drive-kk' })))
    ).json();
    const view = await (await app.request(`/api/cases/${caseId}`, { headers: auth('fungsional') })).json();
    expect(view.attachments[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      file: null,
      statusText: expect.stringMatching(/^Gagal disalin dari Google Drive; dicoba lagi \w+, \d+ November 2026 pukul/),
      problem: expect.stringContaining('503'),
    });
  });
});

describe('reconciliation through the Forms API', () => {
  const response = (responseId: string, at: string, nik = '3514014107900001') => ({
    responseId,
    createTime: at,
    lastSubmittedTime: at.replace('Z', '394Z'),
    answers: {
      q_nik: { questionId: 'q_nik', textAnswers: { answers: [{ value: nik }] } },
      q_nama: { questionId: 'q_nama', textAnswers: { answers: [{ value: 'Budi' }] } },
      q_ktp: {
        questionId: 'q_ktp',
        fileUploadAnswers: { answers: [{ fileId: 'drive-ktp', fileName: 'KTP.jpg', mimeType: 'image/jpeg' }] },
      },
    },
  });

  it('picks up every response whose push never arrived, once, and moves its mark', async () => {
    clock.set('2026-11-25T10:00:00+07:00');
    google.forms.set(FORM, {
      items: [
        { questionId: 'q_nik', title: 'Nomor Induk Kependudukan' },
        { questionId: 'q_nama', title: TITLES.nama },
        { questionId: 'q_ktp', title: TITLES.ktp, kind: 'file' },
      ],
      responses: [
        // resp-files was pushed by the webhook above: same submission time, so it is seen.
        { ...response('resp-files', '2026-11-25T02:50:00.123Z') },
        response('lost-1', '2026-11-25T02:51:00.000Z'),
        response('lost-2', '2026-11-25T02:52:00.000Z'),
        {
          responseId: 'blank',
          createTime: '2026-11-25T02:52:05.000Z',
          lastSubmittedTime: '2026-11-25T02:52:05.000Z',
          answers: {},
        },
        response('old', '2026-11-10T02:00:00.000Z'),
      ],
    });
    const [report] = await reconcileForms(deps);
    expect(report).toMatchObject({ formId: FORM, listed: 4, created: 2, seen: 1, ignored: 1, invalid: 0 });
    const c = (await deps.repo.getByExternalKey({ kind: 'google_form', id: 'lost-1' }))!;
    expect(c.clock.receivedAt).toBe(Date.parse('2026-11-25T02:51:00.000394Z'));
    expect(c.answers.nik).toEqual(['3514014107900001']); // mapped by question id although the title differs
    expect(c.attachments[0]).toMatchObject({ status: 'stored' });
    expect(await deps.repo.getByExternalKey({ kind: 'google_form', id: 'old' })).toBeUndefined(); // before the 7-day lookback
    expect(await deps.marks.get(`forms#${FORM}`)).toBe(clock.now());

    clock.advance(15 * 60_000);
    const [again] = await reconcileForms(deps);
    expect(again).toMatchObject({ created: 0, resubmitted: 0 });
  });

  it('records an edited response (newer lastSubmittedTime) as a resubmission of the same case', async () => {
    const fixture = google.forms.get(FORM)!;
    fixture.responses.push({ ...response('lost-2', '2026-11-25T03:20:00.000Z', '3514010101090002') });
    const [report] = await reconcileForms(deps);
    expect(report).toMatchObject({ resubmitted: 1, created: 0 });
    const c = (await deps.repo.getByExternalKey({ kind: 'google_form', id: 'lost-2' }))!;
    expect(c.answers.nik).toEqual(['3514010101090002']);
  });

  it('reports a form it cannot read and still reconciles the others', async () => {
    const broken = await testDeps({
      time: clock,
      env: {
        GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey,
        GOOGLE_API_ROOT_URL: google.rootUrl,
        LOKET_FORM_MAPPINGS: JSON.stringify([
          { formId: 'gone', serviceId: 'konsultasi', questions: {} },
          { formId: FORM, serviceId: 'rekomendasi-bbm', questions: {} },
        ]),
      },
    });
    const reports = await reconcileForms(broken);
    expect(reports[0]).toMatchObject({ formId: 'gone', error: expect.stringContaining('not found') });
    expect(reports[1]!.formId).toBe(FORM);
    expect(reports[1]!.error).toBeUndefined();
    expect(await broken.marks.get('forms#gone')).toBeUndefined();
    broken.db.destroy();
  });

  it('refuses to run without Google credentials, as a failed dependency with its reason', async () => {
    const bare = await testDeps({ time: clock });
    await expect(reconcileForms(bare)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Kredensial Google belum diatur'),
    });
    bare.db.destroy();
  });
});
