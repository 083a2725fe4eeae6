import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SesMailer } from '../../packages/adapters/src/mail/ses';
import { freePort } from '../../functions/local/free-port';

/**
 * The production mailer (SES v2 through the real AWS SDK) against aws-ses-v2-local, an SES v2 API
 * emulator: the request the desk sends is what SES accepts, with UTF-8 Indonesian text intact.
 */
let server: Server;
let endpoint: string;
beforeAll(async () => {
  const port = await freePort();
  server = await sesLocal({ host: '127.0.0.1', port });
  endpoint = `http://127.0.0.1:${port}`;
  Object.assign(process.env, inject('emulatorEnv')); // dummy credentials, as in every test
  process.env.AWS_ENDPOINT_URL_SESV2 = endpoint;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_SESV2;
  await new Promise((r) => server.close(r));
});

describe('SesMailer', () => {
  it('sends a plain-text message from the configured sender', async () => {
    const mailer = new SesMailer('ap-southeast-3', 'Loket <loket@dinkop.pasuruankab.go.id>');
    await mailer.send({
      id: 'receipt-x',
      kind: 'receipt',
      to: ['warga@example.com'],
      subject: 'Permohonan diterima: BBM-2611-7KQ4XHM',
      text: 'Yth. Bapak/Ibu Pemohon,\nPerkiraan selesai : Rabu, 25 November 2026 pukul 10.00 WIB',
    });
    mailer.close();
    const { emails } = await (await fetch(`${endpoint}/store`)).json();
    expect(emails).toEqual([
      expect.objectContaining({
        from: 'Loket <loket@dinkop.pasuruankab.go.id>',
        destination: expect.objectContaining({ to: ['warga@example.com'] }),
        subject: 'Permohonan diterima: BBM-2611-7KQ4XHM',
        body: expect.objectContaining({ text: expect.stringContaining('pukul 10.00 WIB') }),
      }),
    ]);
  });
});
