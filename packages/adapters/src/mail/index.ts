import type { Config } from '../config';
import { SesMailer } from './ses';
import { SmtpMailer } from './smtp';

export { SesMailer, SmtpMailer };

/** SMTP when `LOKET_SMTP_URL` is set (the local desk sets it to its catcher), SES otherwise. */
export const createMailer = (config: Config) =>
  config.LOKET_SMTP_URL ? new SmtpMailer(config.LOKET_SMTP_URL, config.LOKET_MAIL_FROM) : new SesMailer(config.AWS_REGION, config.LOKET_MAIL_FROM);
