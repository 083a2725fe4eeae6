import type { Deps } from '../../functions/deps';
import { prepareLetter } from '../../functions/letters/prepare';
import { parafLetter, signLetter } from '../../functions/letters/sign';

/** The officer of the demo directory who holds `role` (the tests' paraf and signatories). */
export const holderOf = async (deps: Deps, role: string) => {
  const member = (await deps.staff.list()).find((s) => s.roles.includes(role));
  if (!member) throw new Error(`no demo officer holds ${role}`);
  return member;
};

/** Every paraf the letter still waits for, each by the officer holding its role, then the signature. */
export const parafAndSign = async (deps: Deps, letterId: string, passphrase = '') => {
  const letter = (await deps.letters.get(letterId))!;
  for (const role of letter.signing.initials.slice(letter.initials.length))
    await parafLetter(deps, letterId, await holderOf(deps, role));
  return signLetter(deps, letterId, await holderOf(deps, letter.signing.role), passphrase);
};

/** Numbers the letter a case owes and signs it: the letter as the applicant receives it. */
export const issueSigned = async (deps: Deps, caseId: string, passphrase = '') =>
  parafAndSign(deps, (await prepareLetter(deps, caseId, 'system')).id, passphrase);
