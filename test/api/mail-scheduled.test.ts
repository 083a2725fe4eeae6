import { describe, expect, it } from 'vitest';
import { deliverOutbox, resendFailed } from '../../functions/mail/dispatch';
import { manualClock, useTestWorld } from '../helpers/deps';

/**
 * The API as deployed (infra/runtime.ts): it queues mail with the change and never talks to a mail
 * server itself; the jobs function's minutely drain sends. Nothing is lost in between.
 */
const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, env: { LOKET_MAIL_DELIVERY: 'scheduled' }, mail: true });

describe('mail left to the scheduled drain (LOKET_MAIL_DELIVERY=scheduled)', () => {
  it('queues the receipt with the case, sends nothing itself, and the drain sends it once', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'konsultasi',
      channel: 'google_form',
      applicant: { name: 'Rina', email: 'rina@example.com' },
      answers: { permasalahan: ['Modal usaha'] },
      receivedAt: clock.now(),
      actorId: 'google-forms',
    });
    expect(world.catcher.mail.filter((m) => m.to.includes('rina@example.com'))).toHaveLength(0);
    expect(await world.deps.outbox.get(`receipt-${record.id}`)).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverOutbox(world.deps)).toMatchObject({ sent: 0 });
    expect(world.catcher.mail.filter((m) => m.to.includes('rina@example.com')).map((m) => m.loketId)).toEqual([
      `receipt-${record.id}`,
    ]);
  });

  it('puts a failed message an administrator sends again back in the queue for the drain', async () => {
    await world.deps.outbox.enqueue(
      [{ id: 'm-resend', kind: 'receipt', to: ['x@example.com'], subject: 'S', text: 'T' }],
      clock.now(),
    );
    await world.deps.outbox.markFailed('m-resend', clock.now(), 'mailbox full');
    expect(await resendFailed(world.deps, 'm-resend')).toBe('pending');
    expect(await world.deps.outbox.get('m-resend')).toMatchObject({ status: 'pending' });
  });
});
