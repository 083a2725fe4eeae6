import { letterRevokedMail, letterTitle, recordLetterRevoked } from '@loket/core';
import type { Deps } from '../deps';
import { LETTER_ID, verifyUrl } from './issue-ids';

/** The ports this use-case reaches (not the whole composition root). */
export type RevokeDeps = Pick<Deps, 'cases' | 'config' | 'letters' | 'log' | 'time'>;

/**
 * Revokes a letter in force: its number stays in the register with status `dicabut`, the reason and
 * who did it; the case's timeline says so and its holder is mailed; verification answers "dicabut"
 * from now on. Undefined when there is no such letter in force.
 */
export const revokeLetter = async (deps: RevokeDeps, letterId: string, input: { by: string; reason: string }) => {
  if (!LETTER_ID.test(letterId)) return undefined;
  const letter = await deps.letters.get(letterId);
  if (!letter) return undefined;
  const now = deps.time.now();
  if (!(await deps.letters.revoke(letterId, { ...input, at: now }))) return undefined;
  await deps.cases.applySystemChange(letter.caseId, (c) =>
    recordLetterRevoked(c, letter, {
      ...input,
      now,
      mail: letterRevokedMail(
        c,
        {
          id: letter.id,
          title: letterTitle(letter.type),
          number: letter.number,
          reason: input.reason,
          verifyUrl: verifyUrl(deps, letter.id),
        },
        deps.config.LOKET_PUBLIC_URL,
      ),
    }),
  );
  deps.log.info('letter.revoked', { letterId, caseId: letter.caseId, by: input.by });
  return letter;
};
