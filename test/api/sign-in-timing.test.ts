import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverOutbox } from '../../functions/mail/dispatch';
import { manualClock, useTestWorld } from '../helpers/deps';

/**
 * #20 (1): the sign-in link form answers an officer's address and a stranger's the same way, doing
 * the same work: the request is queued, never waited for, and the link is made when it is delivered.
 */

/** An SMTP server that accepts connections and says nothing until told to hang up. */
const holdingServer = async () => {
  const sockets = new Set<Socket>();
  let connected: () => void;
  const firstConnection = new Promise<void>((resolve) => (connected = resolve));
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    firstConnection,
    holding: () => sockets.size,
    hangUp: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

const smtp = await holdingServer();
afterAll(() => smtp.close());
const clock = manualClock('2026-11-25T09:00:00+07:00');
const inline = useTestWorld({ time: clock, env: { LOKET_SMTP_URL: smtp.url } });
const scheduled = useTestWorld({ time: clock, env: { LOKET_MAIL_DELIVERY: 'scheduled' } });

const ask = (world: typeof inline, email: string) =>
  world.app.request('/konsol/masuk/tautan', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, lanjut: '/konsol' }).toString(),
  });

/** The DynamoDB commands sent while `work` runs, by name and table key prefix (what a timing would reveal). */
const commandsDuring = async (world: typeof inline, work: () => unknown) => {
  const seen: string[] = [];
  const name = `record-${Math.random()}`;
  world.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: { pk?: { S?: string } }; Item?: { pk?: { S?: string } } };
      const pk = (input.Key ?? input.Item)?.pk?.S?.split('#')[0] ?? '';
      seen.push(`${context.commandName} ${pk}`);
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await work();
  } finally {
    world.deps.db.middlewareStack.remove(name);
  }
  return seen;
};

describe('the sign-in link form', () => {
  it('answers while the mail server still holds the link: the request never waits for the mail', async () => {
    const answer = ask(inline, 'kadis@demo.loket.local');
    await smtp.firstConnection;
    expect((await answer).status).toBe(200);
    // The delivery that started after the answer is still waiting for the server's greeting.
    expect(smtp.holding()).toBeGreaterThan(0);
    smtp.hangUp();
    await inline.deps.background.idle();
    // Its failure is a retry later, as for any mail; the officer's request is still in the queue.
    const due = await inline.deps.outbox.due(clock.now() + 3600_000, 10);
    expect(due.map((e) => e.to)).toEqual([['kadis@demo.loket.local']]);
    expect(due[0]!.lastError).toMatch(/SMTP/);
  });

  it("does the same storage work for an officer's address as for a stranger's", async () => {
    const officer = await commandsDuring(scheduled, () => ask(scheduled, 'pengawas@demo.loket.local'));
    const stranger = await commandsDuring(scheduled, () => ask(scheduled, 'bukan.petugas@example.com'));
    expect(officer).toEqual(stranger);
    expect(officer).toEqual(['UpdateItemCommand RL', 'PutItemCommand OUTBOX']);
  });

  it("keeps neither the link nor a stranger's address once the requests are delivered", async () => {
    const queued = await scheduled.deps.outbox.due(clock.now(), 10);
    expect(queued.map((e) => e.to).sort()).toEqual([['bukan.petugas@example.com'], ['pengawas@demo.loket.local']]);
    // Delivered by the scheduled drain: the officer's link goes to the mailer (here the log mailer).
    const report = await deliverOutbox(scheduled.deps);
    expect(report).toMatchObject({ sent: 1, dropped: 1 });
    const after = (to: string) => scheduled.deps.outbox.get(queued.find((e) => e.to[0] === to)!.id);
    const stranger = await after('bukan.petugas@example.com');
    const officer = await after('pengawas@demo.loket.local');
    expect(stranger).toBeUndefined();
    expect(officer).toMatchObject({ status: 'sent', text: '' });
  });
});
