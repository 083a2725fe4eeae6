import type { Mailer } from '@loket/core';
import type { Config } from '../config';

/**
 * SMTP when `LOKET_SMTP_URL` is set (the local desk sets it to its catcher), SES otherwise. The chosen
 * mailer loads on the first message: nodemailer or the SES client stays out of cold starts that send nothing.
 */
export const createMailer = (config: Config): Mailer => {
  let loaded: Promise<Mailer> | undefined;
  const load = () =>
    (loaded ??= config.LOKET_SMTP_URL
      ? import('./smtp').then((m) => new m.SmtpMailer(config.LOKET_SMTP_URL!, config.LOKET_MAIL_FROM))
      : import('./ses').then((m) => new m.SesMailer(config.AWS_REGION, config.LOKET_MAIL_FROM)));
  return { send: async (mail) => (await load()).send(mail) };
};
