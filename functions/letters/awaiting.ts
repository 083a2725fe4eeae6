import { letterAwaitingMails, type StoredLetter } from '@loket/core';
import { type MailDeps, queueAndSend } from '../mail/dispatch';

/**
 * Tells the officers the letter now waits for (its next paraf, or its signature). Safe to repeat: the
 * mails' ids are per stage, so a numbering retried by the minutely job queues nothing new.
 */
export const mailLetterAwaiting = async (deps: MailDeps, letter: StoredLetter, actorId: string) =>
  queueAndSend(deps, letterAwaitingMails(letter, await deps.staff.list(), actorId, deps.config.LOKET_PUBLIC_URL));
