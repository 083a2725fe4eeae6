import { describe, expect, it } from 'vitest';
import {
  type CaseRecord,
  computeIkm,
  monthPeriod,
  quarterPeriod,
  type SurveyAnswers,
  workingTimeBetween,
  yearPeriod,
} from '@loket/core';
import { loadReport } from '../../functions/reports/load';
import { onTimeChart, ikmChart } from '../../functions/reports/charts';
import { REPORT_TABLES } from '../../functions/reports/csv';
import { forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true, env: { LOKET_PUBLIC_URL: 'https://loket.example.go.id' } });

/** A walk-in case received at `receivedIso`, optionally closed at `closedIso`, assigned to `assignee`. */
const aCase = async (
  serviceId: string,
  receivedIso: string,
  opts: { closedIso?: string; assignee?: string; email?: string } = {},
): Promise<CaseRecord> => {
  const { record } = await world.deps.cases.open({
    serviceId,
    channel: 'walk_in',
    applicant: { name: 'Warga', ...(opts.email ? { email: opts.email } : {}) },
    answers: {},
    receivedAt: Date.parse(receivedIso),
    actorId: 'frontdesk',
  });
  if (!opts.closedIso && !opts.assignee) return record;
  const at = opts.closedIso ? Date.parse(opts.closedIso) : clock.now();
  return forceCase(
    world.deps,
    record.id,
    {
      ...(opts.assignee ? { assigneeId: opts.assignee } : {}),
      ...(opts.closedIso ? { closedAt: at, state: 'selesai' } : {}),
    },
    at,
  );
};

const ALL4: SurveyAnswers = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 };

describe('the satisfaction survey', () => {
  it('invites a finished request once, takes one answer per case, refuses a wrong or expired link', async () => {
    const c = await aCase('konsultasi', '2026-11-24T09:00:00+07:00', {
      closedIso: '2026-11-25T10:00:00+07:00',
      email: 'warga@example.com',
    });
    expect(c.survey?.token).toMatch(/^[a-z2-9]{20}$/);
    const invitations = world.catcher.mail.filter((m) => m.loketId === `survey-${c.id}`);
    expect(invitations).toHaveLength(1);
    const path = invitations[0]!.text.match(/https:\/\/loket\.example\.go\.id(\/survei\/\S+)/)![1]!;
    expect(await (await world.app.request(path)).text()).toContain(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan',
    );

    const partial = new URLSearchParams({ u1: '4', u2: '3' });
    const refused = await world.app.request(path, {
      method: 'POST',
      body: partial,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Pilih satu jawaban untuk &quot;Waktu Penyelesaian&quot;');

    const full = new URLSearchParams({
      u1: '4',
      u2: '3',
      u3: '2',
      u4: '4',
      u5: '3',
      u6: '4',
      u7: '4',
      u8: '3',
      u9: '3',
      saran: 'Antrian NIK 3514014107900001 lama',
    });
    const ok = await world.app.request(path, {
      method: 'POST',
      body: full,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await ok.text()).toContain('Penilaian Anda telah kami terima');
    const again = await world.app.request(path, {
      method: 'POST',
      body: full,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await again.text()).toContain('sudah diisi');
    const [stored] = await world.deps.surveys.month('2026-11');
    expect(stored).toMatchObject({ caseId: c.id, serviceId: 'konsultasi', answers: { u3: 2 } });
    expect(stored!.suggestion).not.toContain('3514014107900001');

    expect((await world.app.request(path.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')))).status).toBe(404);
    expect((await world.app.request('/survei/nothing-here')).status).toBe(404);
    clock.advance(31 * 86_400_000);
    try {
      expect((await world.app.request(path)).status).toBe(404);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
  });
});

describe('the report of a period', () => {
  it('counts per service and officer, on time against each SLA, median and p90 in working time, open and overdue now, complaints, IKM', async () => {
    // October: outside the November report, must not count.
    await aCase('rekomendasi-bbm', '2026-10-15T09:00:00+07:00', { closedIso: '2026-10-15T10:00:00+07:00' });
    // November, rekomendasi-bbm (1 working hour): one on time (30 min), one late (3 working hours), one open and overdue.
    const fast = await aCase('rekomendasi-bbm', '2026-11-02T09:00:00+07:00', {
      closedIso: '2026-11-02T09:30:00+07:00',
      assignee: 'penelaah',
    });
    const slow = await aCase('rekomendasi-bbm', '2026-11-03T09:00:00+07:00', {
      closedIso: '2026-11-03T12:00:00+07:00',
      assignee: 'penelaah',
    });
    await aCase('rekomendasi-bbm', '2026-11-04T09:00:00+07:00', { assignee: 'penelaah' });
    // A complaint, finished in two working days.
    const complaint = await aCase('pengaduan', '2026-11-10T09:00:00+07:00', { closedIso: '2026-11-12T09:00:00+07:00' });
    await world.deps.surveys.put({
      caseId: fast.id,
      serviceId: 'rekomendasi-bbm',
      answers: ALL4,
      at: Date.parse('2026-11-03T10:00:00+07:00'),
    });
    await world.deps.surveys.put({
      caseId: complaint.id,
      serviceId: 'pengaduan',
      answers: { ...ALL4, u3: 2, u8: 1 },
      at: Date.parse('2026-11-13T10:00:00+07:00'),
    });

    const report = await loadReport(world.deps, monthPeriod('2026-11'));
    const bbm = report.services.find((s) => s.serviceId === 'rekomendasi-bbm')!;
    expect(bbm).toMatchObject({
      received: 3,
      finished: 2,
      onTime: 1,
      late: 1,
      onTimeRate: 50,
      openNow: 1,
      overdueNow: 1,
      respondents: 1,
      ikm: 100,
    });
    const calendar = await world.deps.cases.calendar();
    const hours = (c: CaseRecord) =>
      Math.round((workingTimeBetween(calendar, c.clock.receivedAt, c.closedAt!, c.clock.pauses) / 3_600_000) * 10) / 10;
    expect(bbm.medianWorkingHours).toBe(hours(fast));
    expect(bbm.p90WorkingHours).toBe(hours(slow));
    expect(report.complaints).toMatchObject({ received: 1, finished: 1, medianWorkingHours: hours(complaint) });
    expect(report.officers.find((o) => o.staffId === 'penelaah')).toMatchObject({ open: 1, overdue: 1, finished: 2 });
    const surveys = (await world.deps.surveys.month('2026-11')).filter((s) =>
      [fast.id, complaint.id].includes(s.caseId),
    );
    expect(report.ikm.ikm).toBeDefined();
    expect(report.ikm.respondents).toBeGreaterThanOrEqual(surveys.length);
    expect(computeIkm([ALL4, { ...ALL4, u3: 2, u8: 1 }]).weakest?.id).toBe('u8');

    expect(REPORT_TABLES.layanan(report)).toContain('Penerbitan Rekomendasi Penggunaan BBM Bersubsidi');
    expect(REPORT_TABLES.ikm(report).split('\r\n')[0]).toBe('\uFEFFunsur,jumlah_jawaban,nilai_rata_rata');
    const [a, b] = await Promise.all([onTimeChart(report), ikmChart(report)]);
    expect(a).toMatch(/^<svg[\s\S]*Selesai tepat waktu/);
    expect(b).toContain('<svg');
    expect(b).not.toMatch(/<script/);
  });

  it('reads only the period: the cases of other months are not read', async () => {
    let itemsRead = 0;
    world.deps.db.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        itemsRead += (out.output as { Count?: number } | undefined)?.Count ?? 0;
        return out;
      },
      { step: 'initialize', name: 'countItems' },
    );
    try {
      // Forty finished September cases: a report of another month must not read any of them.
      for (let i = 0; i < 40; i++)
        await aCase('konsultasi', `2026-09-${String((i % 28) + 1).padStart(2, '0')}T09:00:00+07:00`, {
          closedIso: `2026-09-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+07:00`,
        });
      const open = (await world.deps.repo.listOpen()).length;
      const staff = (await world.deps.staff.list()).length;
      const before = itemsRead;
      const report = await loadReport(world.deps, monthPeriod('2026-07'));
      expect(report.totals.received).toBe(0);
      // What it read: the cases open now and the staff directory, nothing of September.
      expect(itemsRead - before).toBe(open + staff);
      const september = await loadReport(world.deps, monthPeriod('2026-09'));
      expect(september.totals.received).toBe(40);
    } finally {
      world.deps.db.middlewareStack.remove('countItems');
    }
  });

  it('shows last quarter to the public at /kinerja, aggregates only', async () => {
    await aCase('konsultasi', '2026-08-10T09:00:00+07:00', { closedIso: '2026-08-10T10:00:00+07:00' });
    expect(quarterPeriod('2026-Q3').months).toEqual(['2026-07', '2026-08', '2026-09']);
    const year = await loadReport(world.deps, yearPeriod('2026'));
    expect(year.period.label).toBe('Tahun 2026');
    expect(year.totals.received).toBeGreaterThan(
      (await loadReport(world.deps, quarterPeriod('2026-Q3'))).totals.received,
    );
    const html = await (await world.app.request('/kinerja')).text();
    expect(html).toContain('Triwulan 3 2026');
    expect(html).toContain('Konsultasi');
    expect(html).not.toContain('Warga');
  });
});
