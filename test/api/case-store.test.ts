import { describe, expect, it } from 'vitest';
import { LoketError, parseTrackingNumber, toWibIso } from '@loket/core';
import type { Deps } from '../../functions/deps';
import { assignTo, manualClock, useTestWorld } from '../helpers/deps';
import { recomputeAfterCalendarEdit } from '../../functions/jobs/recompute';

const clock = manualClock('2026-11-02T09:00:00+07:00');
const world = useTestWorld({ time: clock });

const kasi = { id: 'kasi-hukum', roles: ['kasi_hukum_advokasi' as const] };

const openKsp = (extra: Partial<Parameters<Deps['cases']['open']>[0]> = {}) =>
  world.deps.cases.open({
    serviceId: 'kantor-cabang-ksp',
    channel: 'letter',
    applicant: { name: 'Budi' },
    answers: {},
    receivedAt: Date.parse('2026-11-02T09:00:00+07:00'),
    actorId: 'frontdesk',
    ...extra,
  });

describe('case store on DynamoDB Local', () => {
  it('stores a case with a readable, checkable tracking number and its deadline', async () => {
    const { record, created } = await openKsp();
    expect(created).toBe(true);
    expect(parseTrackingNumber(record.trackingNumber.toLowerCase())).toBe(record.trackingNumber);
    expect(record.trackingNumber).toMatch(/^KCK-2611-[0-9A-Z]{7}$/);
    expect((await world.deps.repo.getByTrackingNumber(record.trackingNumber))?.id).toBe(record.id);
    expect(toWibIso(record.clock.dueAt!)).toBe('2026-11-09T16:00:00+07:00');
    expect(record.checklist.permohonan?.status).toBe('missing');
  });

  it('gives one case for one external id, even under concurrent repeats', async () => {
    const key = { kind: 'google_form' as const, id: 'resp-concurrent-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => openKsp({ externalKey: key })));
    const ids = new Set(results.map((r) => r.record.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await world.deps.repo.getByExternalKey(key))?.id).toBe([...ids][0]);
  });

  it('lets one of two concurrent transitions win; the other is a conflict and the log stays consistent', async () => {
    const { record } = await openKsp();
    for (const r of Object.keys(record.checklist)) {
      // Mark every requirement present, then checked: the guard needs a complete file.
      record.checklist[r] = { status: 'pending', issues: [] };
    }
    await world.deps.repo.save({
      record: { ...record, version: 2 },
      event: { caseId: record.id, seq: 2, at: clock.now(), actorId: 'test', type: 'checklist_updated' },
      effects: [],
    });
    let version = 2;
    for (const r of Object.keys(record.checklist)) {
      const ch = await world.deps.cases.checkRequirement(record.id, {
        requirementId: r,
        status: 'ok',
        actor: kasi,
        expectedVersion: version,
      });
      version = ch.record.version;
    }
    const attempts = await Promise.allSettled([
      world.deps.cases.act(record.id, { event: 'berkas_lengkap', actor: kasi, expectedVersion: version }),
      world.deps.cases.act(record.id, {
        event: 'minta_perbaikan',
        actor: kasi,
        note: 'NIB salah',
        data: { requirements: 'permohonan' },
        expectedVersion: version,
      }),
    ]);
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const failed = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]!.reason as LoketError).code).toBe('conflict');
    const stored = await world.deps.cases.get(record.id);
    const events = await world.deps.cases.events(record.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: stored.version }, (_, i) => i + 1));
    expect(events.at(-1)!.to).toBe(stored.state);
  });

  it('stores a change whose message was queued before (same id) instead of refusing it', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'A' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 't',
    });
    const mail = {
      id: `note-${record.id}`,
      kind: 'case_update' as const,
      to: ['a@example.com'],
      subject: 'S',
      text: 'T',
      caseId: record.id,
    };
    await world.deps.outbox.enqueue([mail], clock.now());
    const change = await world.deps.cases.applySystemChange(record.id, (c) => ({
      record: { ...c, version: c.version + 1, updatedAt: clock.now() },
      event: { caseId: c.id, seq: c.version + 1, at: clock.now(), actorId: 't', type: 'attachment_retry' },
      effects: [],
      mails: [mail],
    }));
    expect(change?.record.version).toBe(record.version + 1);
    expect((await world.deps.cases.get(record.id)).version).toBe(record.version + 1);
  });

  it('refuses a stale version without writing anything', async () => {
    const { record } = await openKsp();
    await assignTo(world.deps, record.id, 'kasi-hukum', { expectedVersion: 1 });
    await expect(assignTo(world.deps, record.id, 'kasi-hukum', { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await world.deps.cases.get(record.id)).assigneeId).toBe('kasi-hukum');
    expect(await world.deps.cases.events(record.id)).toHaveLength(2);
  });

  it('pauses the clock during revision and pushes the deadline by the counted time paused', async () => {
    clock.set('2026-11-02T09:00:00+07:00');
    const { record } = await world.deps.cases.open({
      serviceId: 'rekomendasi-bbm',
      channel: 'walk_in',
      applicant: { name: 'Siti' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const fu = { id: 'fungsional', roles: ['fungsional_umum' as const] };
    clock.set('2026-11-02T09:30:00+07:00');
    const paused = await world.deps.cases.act(record.id, {
      event: 'minta_perbaikan',
      actor: fu,
      note: 'Foto usaha belum ada',
      data: { requirements: 'foto_usaha' },
    });
    expect(paused.record.clock.dueAt).toBeUndefined();
    expect(
      await world.deps.repo
        .listDue(Date.parse('2027-01-01T00:00:00Z'), 1000)
        .then((l) => l.some((c) => c.id === record.id)),
    ).toBe(false);
    clock.set('2026-11-03T08:00:00+07:00');
    const resumed = await world.deps.cases.act(record.id, {
      event: 'serahkan_perbaikan',
      actor: { id: 'frontdesk', roles: ['petugas_layanan'] },
    });
    expect(toWibIso(resumed.record.clock.dueAt!)).toBe('2026-11-03T08:30:00+07:00');
    const events = await world.deps.cases.events(record.id);
    expect(events.map((e) => (e.type === 'transition' ? e.event : e.type))).toEqual([
      'created',
      'minta_perbaikan',
      'serahkan_perbaikan',
    ]);
    expect(events[1]!.note).toBe('Perlu diperbaiki: Foto Usaha.\nFoto usaha belum ada');
  });

  it('indexes open cases by their next threshold, by service month and by assignee', async () => {
    clock.set('2026-11-04T10:00:00+07:00');
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'walk_in',
      applicant: { name: 'Andi' },
      answers: {},
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    const due = await world.deps.repo.listDue(Date.parse('2026-11-04T10:45:00+07:00'), 100);
    expect(due.map((c) => c.id)).toContain(record.id);
    expect(
      (await world.deps.repo.listDue(Date.parse('2026-11-04T10:44:59+07:00'), 100)).map((c) => c.id),
    ).not.toContain(record.id);
    expect((await world.deps.repo.listByServiceMonth('konsultasi', '2026-11')).map((c) => c.id)).toContain(record.id);
    await assignTo(world.deps, record.id, 'fungsional');
    expect((await world.deps.repo.listByAssignee('fungsional')).map((c) => c.id)).toContain(record.id);
    await world.deps.cases.act(record.id, {
      event: 'selesaikan',
      note: 'Sudah dijelaskan',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
    });
    expect((await world.deps.repo.listOpen()).map((c) => c.id)).not.toContain(record.id);
    expect((await world.deps.repo.listDue(Date.parse('2030-01-01T00:00:00Z'), 1000)).map((c) => c.id)).not.toContain(
      record.id,
    );
  });

  it('recomputes open deadlines when an admin adds a holiday', async () => {
    clock.set('2026-11-02T09:00:00+07:00');
    const { record } = await openKsp();
    const { data, version } = await world.deps.calendars.loadVersioned();
    const next = await world.deps.calendars.save(
      { ...data, holidays: [...data.holidays, { date: '2026-11-04', type: 'LN', name: 'Contoh libur', basis: 'uji' }] },
      version,
    );
    expect((await recomputeAfterCalendarEdit(world.deps))!.moved).toBeGreaterThan(0);
    expect(toWibIso((await world.deps.cases.get(record.id)).clock.dueAt!)).toBe('2026-11-10T16:00:00+07:00');
    const events = await world.deps.cases.events(record.id);
    expect(events.at(-1)!.type).toBe('deadline_recomputed');
    await world.deps.calendars.save(data, next);
    await recomputeAfterCalendarEdit(world.deps);
  });

  it('rejects unknown cases and services clearly', async () => {
    await expect(world.deps.cases.get('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      world.deps.cases.open({
        serviceId: 'x',
        channel: 'walk_in',
        applicant: { name: 'A' },
        answers: {},
        receivedAt: 0,
        actorId: 'a',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
