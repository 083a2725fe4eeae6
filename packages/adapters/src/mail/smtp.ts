import nodemailer from 'nodemailer';
import { MailDeliveryError, type Mailer, type OutgoingMail } from '@loket/core';

/**
 * SMTP delivery (local desk and tests: into the catcher). A 5xx reply is permanent (the address or the
 * message is refused); 4xx replies and connection problems are worth retrying.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'X-Loket-Message-Id': mail.id },
      });
    } catch (e) {
      const err = e as { responseCode?: number; code?: string; message?: string };
      // 5xx: the server refuses the address or message. EENVELOPE without a reply code: nodemailer itself
      // found no usable recipient. Neither gets better by retrying.
      const permanent =
        (typeof err.responseCode === 'number' && err.responseCode >= 500) ||
        (err.code === 'EENVELOPE' && err.responseCode === undefined);
      throw new MailDeliveryError(
        `SMTP ${err.responseCode ?? err.code ?? 'error'}: ${err.message ?? String(e)}`,
        permanent,
      );
    }
  }

  close() {
    this.transport.close();
  }
}
