import { describe, expect, it } from 'vitest';
import { issueStaffToken } from '../../functions/api/auth';
import { recomputeAfterCalendarEdit } from '../../functions/jobs/recompute';
import { manualClock, useTestWorld } from '../helpers/deps';

/** Calendar edits are saved version-checked and answered at once; the minutely job moves deadlines, resumably (#9, item 9). */
const clock = manualClock('2026-11-30T09:00:00+07:00');
const world = useTestWorld({ time: clock });

const put = (date: string) =>
  world.app.request(`/api/calendar/holidays/${date}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, 'admin', clock.now())}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ type: 'LN', name: 'Libur uji', basis: 'uji' }),
  });

describe('calendar edits and open deadlines', () => {
  it('answers without touching cases, then the job moves all of them over several resumable runs', async () => {
    const cases = await Promise.all(
      Array.from({ length: 230 }, (_, i) =>
        world.deps.cases.open({
          serviceId: 'pengaduan',
          channel: 'walk_in',
          applicant: { name: `P${i}` },
          answers: {},
          receivedAt: clock.now(),
          actorId: 'frontdesk',
        }),
      ),
    );
    const versions = async () =>
      Promise.all(cases.map(async ({ record }) => (await world.deps.cases.get(record.id)).version));
    const res = await put('2026-12-02');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ casesToRecompute: expect.any(Number), calendarVersion: 1 });
    expect((await versions()).every((v) => v === 1)).toBe(true);

    // A budget of zero does one page per run: the work resumes where it stopped.
    const first = await recomputeAfterCalendarEdit(world.deps, 0);
    expect(first).toMatchObject({ checked: 100, done: false });
    const second = await recomputeAfterCalendarEdit(world.deps, 0);
    expect(second).toMatchObject({ checked: 100, done: false });
    const third = await recomputeAfterCalendarEdit(world.deps, 0);
    expect(third!.done).toBe(true);
    expect(first!.moved + second!.moved + third!.moved).toBe(230);
    expect(await recomputeAfterCalendarEdit(world.deps)).toBeUndefined();
    const moved = await world.deps.cases.get(cases[0]!.record.id);
    expect(moved.clock.dueAt).toBe(Date.parse('2026-12-04T16:30:00+07:00'));

    // A newer edit in the middle of a run starts over with the newer calendar.
    expect((await put('2026-12-03')).status).toBe(200);
    await recomputeAfterCalendarEdit(world.deps, 0);
    expect((await put('2026-12-07')).status).toBe(200);
    const rest = await recomputeAfterCalendarEdit(world.deps);
    expect(rest).toMatchObject({ calendarVersion: 3, checked: 230, done: true });
    expect((await world.deps.cases.get(cases[5]!.record.id)).clock.dueAt).toBe(Date.parse('2026-12-08T16:00:00+07:00'));
  });

  it('lets only one of two concurrent edits of the same version win; the other gets 409', async () => {
    const { data, version } = await world.deps.calendars.loadVersioned();
    const results = await Promise.allSettled([
      world.deps.calendars.save(data, version),
      world.deps.calendars.save(data, version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
  });
});
