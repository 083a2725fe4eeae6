import { describe, expect, it } from 'vitest';
import { wibDate } from '@loket/core';
import { sweepDeadlines } from '../../functions/jobs/sweep';
import { assignTo, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock, env: { LOKET_PUBLIC_URL: 'https://loket.example.go.id' }, mail: true });

const open = async (serviceId: string, at: string, assigneeId?: string) => {
  clock.set(at);
  const { record } = await world.deps.cases.open({
    serviceId,
    channel: 'walk_in',
    applicant: { name: 'Siti' },
    answers: {},
    receivedAt: clock.now(),
    actorId: 'frontdesk',
  });
  if (assigneeId) await assignTo(world.deps, record.id, assigneeId);
  return world.deps.cases.get(record.id);
};
/** Alerts caught for one case, in sending order by threshold; within one threshold, by recipient (sent in parallel). */
/** Deadline alerts only (assignment notices about the same case are other mail). */
const alertMails = () => world.catcher.mail.filter((m) => m.loketId?.startsWith('alert-'));
const alertsFor = (tn: string) =>
  alertMails()
    .filter((m) => m.subject.includes(tn))
    .map((m, i) => ({ to: m.to[0], subject: m.subject.split(']')[0] + ']', i }))
    .sort((a, b) => (a.subject === b.subject ? a.to!.localeCompare(b.to!) : a.i - b.i))
    .map(({ to, subject }) => ({ to, subject }));
const sweepAt = async (iso: string) => {
  clock.set(iso);
  return sweepDeadlines(world.deps);
};

describe('deadline sweep', () => {
  it('alerts a 1-hour service at 45 and at 60 counted minutes: the assignee, then also the superior', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-25T09:00:00+07:00', 'fungsional');
    await sweepAt('2026-11-25T09:44:59+07:00');
    expect(alertsFor(c.trackingNumber)).toEqual([]);
    await sweepAt('2026-11-25T09:45:00+07:00');
    expect(alertsFor(c.trackingNumber)).toEqual([
      { to: 'fungsional@demo.loket.local', subject: '[Mendekati batas waktu]' },
    ]);
    await sweepAt('2026-11-25T09:59:59+07:00');
    expect(alertsFor(c.trackingNumber)).toHaveLength(1);
    await sweepAt('2026-11-25T10:00:00+07:00');
    expect(alertsFor(c.trackingNumber).slice(1)).toEqual([
      { to: 'fungsional@demo.loket.local', subject: '[MELEWATI batas waktu]' },
      { to: 'kabid.um@demo.loket.local', subject: '[MELEWATI batas waktu]' },
    ]);
    await sweepAt('2026-11-25T12:00:00+07:00');
    expect(alertsFor(c.trackingNumber)).toHaveLength(3);
    const events = (await world.deps.cases.events(c.id)).filter((e) => e.type === 'sla_alert');
    expect(events.map((e) => e.data?.threshold)).toEqual(['at_risk', 'breach']);
  });

  it('writes the alert in Indonesian with step, WIB deadline, time left and a console link, and no personal data', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-25T13:00:00+07:00', 'fungsional');
    await sweepAt('2026-11-25T13:50:00+07:00');
    const mail = alertMails().find((m) => m.subject.includes(c.trackingNumber))!;
    expect(mail.subject).toBe(
      `[Mendekati batas waktu] ${c.trackingNumber} – Penerbitan Rekomendasi Penggunaan BBM Bersubsidi`,
    );
    expect(mail.text).toContain('Langkah saat ini : ');
    expect(mail.text).toContain('Batas waktu      : Rabu, 25 November 2026 pukul 14.00 WIB');
    expect(mail.text).toContain('Waktu            : sisa 10 menit');
    expect(mail.text).toContain(`https://loket.example.go.id/konsol/berkas/${c.id}`);
    expect(mail.text).not.toContain('Siti');
  });

  it('counts a 5-working-day case across the Christmas holidays and alerts on the right days', async () => {
    const c = await open('surat-keterangan-pengurus', '2026-12-21T10:00:00+07:00', 'pengawas');
    for (let t = Date.parse('2026-12-21T11:00:00+07:00'); t <= Date.parse('2026-12-31T16:00:00+07:00'); t += 3600_000) {
      clock.set(new Date(t).toISOString());
      await sweepDeadlines(world.deps);
    }
    const alerts = (await world.deps.cases.events(c.id))
      .filter((e) => e.type === 'sla_alert')
      .map((e) => [wibDate(e.at), e.data?.threshold]);
    // Holidays 24–25 Dec and the weekend are not counted: 75% falls on Tue 29 Dec, the deadline is Wed 30 Dec 16:00.
    expect(alerts).toEqual([
      ['2026-12-29', 'at_risk'],
      ['2026-12-30', 'breach'],
    ]);
    expect(alertsFor(c.trackingNumber)).toEqual([
      { to: 'pengawas@demo.loket.local', subject: '[Mendekati batas waktu]' },
      { to: 'kabid.kp@demo.loket.local', subject: '[MELEWATI batas waktu]' },
      { to: 'pengawas@demo.loket.local', subject: '[MELEWATI batas waktu]' },
    ]);
  });

  it('stays silent about a case waiting for the applicant', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-26T09:00:00+07:00', 'fungsional');
    clock.set('2026-11-26T09:10:00+07:00');
    await world.deps.cases.act(c.id, {
      event: 'minta_perbaikan',
      actor: { id: 'fungsional', roles: ['fungsional_umum'] },
      note: 'KK belum ada',
      data: { requirements: 'kk' },
    });
    await sweepAt('2026-11-27T15:00:00+07:00');
    expect(alertsFor(c.trackingNumber)).toEqual([]);
  });

  it('sends only the breach alert for a case found past both thresholds', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-26T10:00:00+07:00', 'fungsional');
    await sweepAt('2026-11-26T11:30:00+07:00');
    expect(alertsFor(c.trackingNumber).map((a) => a.subject)).toEqual([
      '[MELEWATI batas waktu]',
      '[MELEWATI batas waktu]',
    ]);
    await sweepAt('2026-11-26T12:30:00+07:00');
    expect(alertsFor(c.trackingNumber)).toHaveLength(2);
  });

  it('alerts the holders of the step role when nobody is assigned', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-26T13:00:00+07:00');
    await sweepAt('2026-11-26T13:45:00+07:00');
    expect(alertsFor(c.trackingNumber).map((a) => a.to)).toEqual(['fungsional@demo.loket.local']);
  });

  it('sends one email per case and threshold when two sweeps run at the same moment', async () => {
    const cases = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        open('rekomendasi-bbm', '2026-11-27T08:00:00+07:00', i % 2 ? 'fungsional' : undefined),
      ),
    );
    clock.set('2026-11-27T08:45:00+07:00');
    const reports = await Promise.all([sweepDeadlines(world.deps), sweepDeadlines(world.deps)]);
    expect(reports[0]!.atRisk + reports[1]!.atRisk).toBe(5);
    for (const c of cases) expect(alertsFor(c.trackingNumber)).toHaveLength(1);
    clock.set('2026-11-27T09:00:00+07:00');
    await Promise.all([sweepDeadlines(world.deps), sweepDeadlines(world.deps), sweepDeadlines(world.deps)]);
    for (const c of cases) expect(alertsFor(c.trackingNumber)).toHaveLength(3);
  });

  it('does not lose an alert when SMTP fails: it is retried from the outbox and sent once', async () => {
    const c = await open('rekomendasi-bbm', '2026-11-27T13:00:00+07:00', 'fungsional');
    world.catcher.failNext(1);
    await sweepAt('2026-11-27T13:45:00+07:00');
    expect(alertsFor(c.trackingNumber)).toHaveLength(0);
    const entry = await world.deps.outbox.get(`alert-${c.id}-at_risk-fungsional`);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    await sweepAt('2026-11-27T13:46:00+07:00'); // the sweep finds nothing new: the alert is recorded
    const { deliverOutbox } = await import('../../functions/mail/dispatch');
    await deliverOutbox(world.deps);
    expect(alertsFor(c.trackingNumber)).toHaveLength(1);
    expect(await world.deps.outbox.get(entry!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
