import { beforeAll, describe, expect, it } from 'vitest';
import { runMorningDigests, sendDailyDigests } from '../../functions/jobs/digest';
import { assignTo, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-20T09:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });

const fu = { id: 'fungsional', roles: ['fungsional_umum' as const] };
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
  return record;
};
const refuseAt = async (id: string, at: string) => {
  clock.set(at);
  await world.deps.cases.act(id, { event: 'tolak', actor: fu, note: 'Bukan usaha mikro.' });
};
const mailTo = (address: string, subject: string) =>
  world.catcher.mail.filter((m) => m.to.includes(address) && m.subject.startsWith(subject));

describe('digests', () => {
  let overdue: { trackingNumber: string };
  let dueToday: { trackingNumber: string };
  let atRisk: { trackingNumber: string };
  beforeAll(async () => {
    overdue = await open('rekomendasi-bbm', '2026-11-27T10:00:00+07:00', 'fungsional');
    dueToday = await open('surat-keterangan-pengurus', '2026-11-23T10:00:00+07:00', 'pengawas');
    atRisk = await open('surat-keterangan-pengurus', '2026-11-24T08:00:00+07:00', 'pengawas');
    // Finished last week (23–29 Nov): one on time, one late. Refused requests count; withdrawn ones do not.
    await refuseAt((await open('rekomendasi-bbm', '2026-11-25T09:00:00+07:00')).id, '2026-11-25T09:30:00+07:00');
    await refuseAt((await open('rekomendasi-bbm', '2026-11-26T09:00:00+07:00')).id, '2026-11-26T11:00:00+07:00');
  });

  it('gives each officer one morning email with overdue, due-today and at-risk cases', async () => {
    clock.set('2026-11-30T13:00:00+07:00');
    expect(await sendDailyDigests(world.deps)).toMatchObject({ date: '2026-11-30' });
    const [digest, ...more] = mailTo('pengawas@demo.loket.local', 'Ringkasan berkas');
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Ringkasan berkas Senin, 30 November 2026: 2 berkas perlu perhatian');
    const section = (mail: { text: string }, title: string) =>
      mail.text.split(/\n\n/).find((p) => p.startsWith(title)) ?? '';
    expect(section(digest!, 'Jatuh tempo hari ini (1)')).toContain(dueToday.trackingNumber);
    expect(section(digest!, 'Mendekati batas waktu (1)')).toContain(atRisk.trackingNumber);
    expect(digest!.text).not.toContain('Siti');
    const [own] = mailTo('fungsional@demo.loket.local', 'Ringkasan berkas');
    expect(section(own!, 'Melewati batas waktu (1)')).toContain(overdue.trackingNumber);
    // A second run the same day sends nothing new.
    await sendDailyDigests(world.deps);
    expect(mailTo('fungsional@demo.loket.local', 'Ringkasan berkas')).toHaveLength(1);
  });

  it('sends nothing on a holiday', async () => {
    clock.set('2026-12-25T08:00:00+07:00');
    expect(await sendDailyDigests(world.deps)).toEqual({ date: '2026-12-25', sent: 0, skipped: 'not a working day' });
  });

  it("sends the Kepala Dinas last week's on-time rate per service and every open breach, once", async () => {
    clock.set('2026-11-30T07:30:00+07:00');
    const result = await runMorningDigests(world.deps);
    expect(result.weekly).toEqual({ week: '2026-11-23', sent: 1 });
    const [report] = mailTo('kadis@demo.loket.local', 'Laporan mingguan');
    expect(report!.text).toContain('- Penerbitan Rekomendasi Penggunaan BBM Bersubsidi: 1/2 tepat waktu (50%)');
    expect(report!.text).toContain('- Konsultasi: 0/0 tepat waktu (-)');
    expect(report!.text).toContain(overdue.trackingNumber);
    clock.set('2026-12-01T07:30:00+07:00'); // Tuesday: not the first working day of the week
    expect((await runMorningDigests(world.deps)).weekly).toBeUndefined();
    expect(mailTo('kadis@demo.loket.local', 'Laporan mingguan')).toHaveLength(1);
  });
});
