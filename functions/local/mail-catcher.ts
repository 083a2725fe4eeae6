import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

/** A message caught by the local SMTP server, as `GET /dev/mail` lists it. */
export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The outbox id the desk put in `X-Loket-Message-Id`. */
  loketId?: string;
}

export interface MailCatcher {
  port: number;
  url: string;
  mail: CaughtMail[];
  /** The next `n` messages get a temporary SMTP failure (451), as a mail server under load would. */
  failNext(n: number): void;
  /** Mail to this address is refused permanently (550), as for a mailbox that does not exist. */
  reject(address: string): void;
  /** Accepts mail to an address refused before (the mailbox was fixed). */
  allow(address: string): void;
  close(): Promise<void>;
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server on loopback that keeps what it receives: the local desk's outbox delivers into it
 * and tests read it. With `store`, messages survive restarts (one JSON line each).
 */
export const startMailCatcher = async (store?: string): Promise<MailCatcher> => {
  const mail: CaughtMail[] = [];
  if (store && existsSync(store)) {
    for (const line of readFileSync(store, 'utf8').split('\n')) if (line.trim()) mail.push(JSON.parse(line));
  }
  let failures = 0;
  const rejected = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(rejected.has(address.address.toLowerCase()) ? smtpError('Mailbox unavailable', 550) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (failures > 0) {
            failures--;
            return callback(smtpError('Try again later', 451));
          }
          const header = parsed.headers.get('x-loket-message-id');
          const message: CaughtMail = {
            id: mail.length + 1,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            loketId: typeof header === 'string' ? header : undefined,
          };
          mail.push(message);
          if (store) appendFileSync(store, JSON.stringify(message) + '\n');
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mail,
    failNext: (n) => (failures = n),
    reject: (address) => rejected.add(address.toLowerCase()),
    allow: (address) => rejected.delete(address.toLowerCase()),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
