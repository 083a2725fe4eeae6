import { type OutboxEntry, type OutgoingMail, signInLinkMail } from '@loket/core';
import type { Deps } from '../../deps';
import { hashSecret, newSecret } from './secret';

/** How long an e-mailed sign-in link works (and how long no second one is sent while it is unused). */
export const LINK_MINUTES = 15;

export type SignInLinkDeps = Pick<Deps, 'config' | 'staff' | 'tickets' | 'time'>;

/** The active officer with this address, compared without case, or undefined. */
export const activeOfficerByEmail = async (deps: Pick<Deps, 'staff'>, email: string) =>
  (await deps.staff.list()).find((s) => s.active && s.email.toLowerCase() === email.toLowerCase());

/**
 * The sign-in link mail a queued request turns into, made as it is delivered: undefined when the
 * address is no active officer's, or when that officer already has a fresh unused link (one link at
 * a time, so the form cannot flood a mailbox). A retry of the same request (its mail failed to go)
 * makes a new link, and the link its failed attempt made stops working.
 */
export const composeSignInLink = async (
  deps: SignInLinkDeps,
  request: OutboxEntry & { signIn: { next: string } },
): Promise<OutgoingMail | undefined> => {
  const officer = await activeOfficerByEmail(deps, request.to[0] ?? '');
  if (!officer) return undefined;
  const now = deps.time.now();
  const expires = now + LINK_MINUTES * 60_000;
  const token = newSecret();
  const id = hashSecret(token);
  const pending = { requestId: request.id, linkId: id };
  if (!(await deps.tickets.put('link-pending', officer.id, pending, expires, now))) {
    const held = await deps.tickets.peek<typeof pending>('link-pending', officer.id, now);
    if (held?.requestId !== request.id) return undefined;
    await deps.tickets.take('link', held.linkId, now);
    await deps.tickets.take('link-pending', officer.id, now);
    await deps.tickets.put('link-pending', officer.id, pending, expires, now);
  }
  await deps.tickets.put('link', id, { staffId: officer.id, next: request.signIn.next }, expires, now);
  const url = `${deps.config.LOKET_PUBLIC_URL.replace(/\/$/, '')}/konsol/masuk/tautan/${token}`;
  return signInLinkMail(officer, { id: id.slice(0, 24), url, minutes: LINK_MINUTES });
};
