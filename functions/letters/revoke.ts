import { recordLetterRevoked } from '@loket/core';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type RevokeDeps = Pick<Deps, 'cases' | 'letters' | 'log' | 'time'>;
import { LETTER_ID } from './issue-ids';

/**
 * Revokes a letter in force: its number stays in the register with status `dicabut`, the reason and
 * who did it; the case's timeline says so; verification answers "dicabut" from now on. Undefined when
 * there is no such letter in force.
 */
export const revokeLetter = async (deps: RevokeDeps, letterId: string, input: { by: string; reason: string }) => {
  if (!LETTER_ID.test(letterId)) return undefined;
  const letter = await deps.letters.get(letterId);
  if (!letter) return undefined;
  const now = deps.time.now();
  if (!(await deps.letters.revoke(letterId, { ...input, at: now }))) return undefined;
  await deps.cases.applySystemChange(letter.caseId, (c) => recordLetterRevoked(c, letter, { ...input, now }));
  deps.log.info('letter.revoked', { letterId, caseId: letter.caseId, by: input.by });
  return letter;
};
