import { createServer } from 'node:net';

/** Asks the OS for a free loopback port; never a fixed one, so two desks or test runs can share a machine. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** Resolves when `port` can be bound on loopback; rejects with the bind error (EADDRINUSE) otherwise. */
export const assertPortFree = (port: number) =>
  new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
