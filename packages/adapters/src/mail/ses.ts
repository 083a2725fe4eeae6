import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { MailDeliveryError, type Mailer, type OutgoingMail } from '@loket/core';

/** SES refusals that no retry can fix: the message or sender is rejected outright. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'BadRequestException',
  'NotFoundException',
]);

/** Amazon SES v2 from the Dinas's verified sender (production). */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(
    region: string,
    private readonly from: string,
  ) {
    this.client = new SESv2Client({ region });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: mail.to },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
          EmailTags: [{ Name: 'kind', Value: mail.kind }],
        }),
      );
    } catch (e) {
      const name = (e as { name?: string }).name ?? 'Error';
      throw new MailDeliveryError(`SES ${name}: ${(e as Error).message}`, PERMANENT.has(name));
    }
  }

  close() {
    this.client.destroy();
  }
}
