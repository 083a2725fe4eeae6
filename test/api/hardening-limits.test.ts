import { describe, expect, it } from 'vitest';
import { issueStaffToken } from '../../functions/api/auth';
import { INTAKE_CHECK } from '@loket/core';
import { manualClock, postFormWebhook, useTestWorld } from '../helpers/deps';

/** Bounded inputs give 4xx, never 5xx (issue #9, item 7): every request below answered 503 before. */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock });

const token = (staffId: string) =>
  `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}`;
const staff = (method: string, path: string, staffId: string, body?: unknown) =>
  world.app.request(path, {
    method,
    headers: { authorization: token(staffId), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const form = (responseId: string, submittedAt: string, answers: { title: string; values: string[] }[]) =>
  JSON.stringify({
    formId: 'demo-konsultasi',
    responseId,
    submittedAt,
    answers: answers.map((a, i) => ({ questionId: String(i), type: 'TEXT', ...a })),
  });
const errorOf = async (res: Response) => ({ status: res.status, body: await res.json() });

describe('bounded inputs', () => {
  it.each(['9999-12-31T23:59:59+07:00', '2026-12-31T10:00:00+07:00', '1970-01-01T00:00:00Z'])(
    'refuses a form response submitted at %s with 400 naming submittedAt',
    async (at) => {
      const { status, body } = await errorOf(
        await postFormWebhook(
          world.app,
          world.deps,
          form(`far-${at.slice(0, 4)}`, at, [{ title: 'Nama lengkap pemohon', values: ['A'] }]),
        ),
      );
      expect(status).toBe(400);
      expect(body.error.fields).toEqual([expect.objectContaining({ field: 'submittedAt' })]);
    },
  );

  it('refuses a walk-in received in year 9999 or on an impossible date', async () => {
    for (const receivedAt of ['9999-01-01T09:00:00+07:00', '2026-02-30T09:00:00+07:00']) {
      const res = await staff('POST', '/api/cases', 'frontdesk', {
        serviceId: 'konsultasi',
        channel: 'walk_in',
        applicant: { name: 'A' },
        receivedAt,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields[0].field).toBe('receivedAt');
    }
  });

  it('answers 404 for a 2 KB case id on every staff route, and for a 2 KB mail id', async () => {
    const id = 'A'.repeat(2048);
    for (const [method, path, body] of [
      ['GET', `/api/cases/${id}`],
      ['GET', `/api/cases/${id}/events`],
      ['GET', `/api/cases/${id}/access-log`],
      ['POST', `/api/cases/${id}/transitions`, { event: 'x', expectedVersion: 1 }],
      ['POST', `/api/cases/${id}/checklist`, { requirementId: 'x', status: 'ok', expectedVersion: 1 }],
      ['POST', `/api/cases/${id}/assign`, { assigneeId: 'fungsional', expectedVersion: 1 }],
      ['POST', `/api/cases/${id}/files/retry`],
      ['GET', `/api/cases/${id}/files/ktp/${'a'.repeat(64)}`],
    ] as const) {
      const res = await staff(method, path, 'kadis', body);
      expect(res.status, `${method} ${path.slice(0, 40)}`).toBe(404);
    }
    expect((await staff('POST', `/api/admin/mail/${'m'.repeat(2048)}/retry`, 'admin')).status).toBe(404);
  });

  it('refuses a staff request body over 256 KiB with 413, and an over-long holiday name with 400', async () => {
    const big = await staff('POST', '/api/cases', 'frontdesk', {
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: { x: ['y'.repeat(300_000)] },
    });
    expect(big.status).toBe(413);
    const holiday = await staff('PUT', '/api/calendar/holidays/2026-12-30', 'admin', {
      type: 'CB',
      name: 'n'.repeat(5000),
      basis: 'SKB',
    });
    expect(holiday.status).toBe(400);
  });

  it('keeps a case for an answer too long to store whole, clipped with a checklist problem', async () => {
    const res = await postFormWebhook(
      world.app,
      world.deps,
      form('long-1', '2026-11-25T09:00:00+07:00', [
        { title: 'Nama lengkap pemohon', values: ['A'] },
        {
          title: 'Permasalahan yang akan dikonsultasikan',
          values: Array.from({ length: 50 }, () => 'p'.repeat(19_000)),
        },
      ]),
    );
    expect(res.status).toBe(201);
    const c = await world.deps.cases.get((await res.json()).caseId);
    expect(c.checklist[INTAKE_CHECK]!.issues).toEqual([expect.stringContaining('terlalu panjang dan dipotong')]);
  });
});
