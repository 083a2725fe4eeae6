import * as z from 'zod';
import emailAddresses from 'email-addresses';

/** RFC 5321's limit on a forward path; SES and most servers refuse longer addresses. */
const MAX_ADDRESS_LENGTH = 254;

/**
 * Exactly one plain mailbox (`local@domain.tld`) or undefined. Parsed with an RFC 5322 parser, then
 * held to the narrow form the desk ever mails to: no list, no group, no display name, no comment, no
 * quoted local part, no domain literal, no line break, ASCII only. A form answer such as
 * `a@x.id, b@y.id` or `a@x.id\nBcc: …` therefore never becomes more than one recipient.
 */
export const parseMailAddress = (input: string | undefined): string | undefined => {
  const candidate = input?.trim();
  if (!candidate || candidate.length > MAX_ADDRESS_LENGTH) return undefined;
  const parsed = emailAddresses.parseOneAddress({
    input: candidate,
    startAt: 'address',
    rejectTLD: true,
    rfc6532: false,
    strict: true,
  });
  if (!parsed || parsed.type !== 'mailbox' || parsed.name !== null || parsed.parts.comments.length) return undefined;
  if (parsed.address !== candidate || parsed.domain.startsWith('[')) return undefined;
  return parsed.address;
};

/** A request field holding one address: the same rule as everywhere the desk mails to. */
export const MailAddress = z
  .string()
  .max(MAX_ADDRESS_LENGTH)
  .refine((s) => parseMailAddress(s) === s, 'harus satu alamat email yang valid');
