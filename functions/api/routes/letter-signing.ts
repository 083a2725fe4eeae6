import * as z from 'zod';
import { publicLetter, signingView } from '@loket/core';
import { apiRouter, jsonBody, jsonOk } from '../openapi';
import type { Deps } from '../../deps';
import { parafLetter, signLetter } from '../../letters/sign';
import { requireStaff, type StaffEnv } from './staff-auth';

const LetterId = z.object({ id: z.string().max(64) });
/** The passphrase is typed for this request only: never stored, logged or echoed (docs/RULES.md §5). */
const SignBody = z.object({ passphrase: z.string().max(200).default('') });

/**
 * The letters' paraf and signature for officers' tools: the same commands as the console's signing
 * page (functions/letters/sign.ts), the same rules (core letters/signing.ts).
 */
export const letterSigningRoutes = (deps: Deps) => {
  const app = apiRouter<StaffEnv>('/api/letters');
  app.use(requireStaff(deps));
  const tags = ['Surat'];
  /** The signatory as the letter records them: the directory's name, the roles read fresh on this request. */
  const officer = async (actor: { id: string; roles: string[] }) => ({
    id: actor.id,
    name: (await deps.staff.get(actor.id))?.name ?? actor.id,
    roles: actor.roles,
  });
  const view = async (letter: Awaited<ReturnType<typeof parafLetter>>, roles: string[]) => ({
    ...publicLetter(letter),
    signing: signingView(letter, roles, (await deps.letters.settings()).data, deps.signer.channel),
    asksPassphrase: deps.signer.asksPassphrase,
  });

  app.openapi(
    {
      method: 'post',
      path: '/{id}/paraf',
      tags,
      staff: true,
      summary: "Initial a letter's draft (paraf): the next check the standard asks for, by its role",
      request: { params: LetterId },
      responses: jsonOk('the letter and what it waits for now'),
      errorStatuses: [403, 404, 409, 422],
    },
    async (c) => {
      const actor = c.get('actor');
      const letter = await parafLetter(deps, c.req.valid('param').id, await officer(actor));
      return c.json(await view(letter, actor.roles), 200);
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/{id}/sign',
      tags,
      staff: true,
      summary:
        'Sign and so issue a letter (desk certificate, or BSrE with the passphrase typed now); a refusal leaves it waiting',
      request: { params: LetterId, ...jsonBody(SignBody) },
      responses: jsonOk('the issued letter with its signature'),
      errorStatuses: [400, 403, 404, 409, 422, 503],
    },
    async (c) => {
      const actor = c.get('actor');
      const letter = await signLetter(
        deps,
        c.req.valid('param').id,
        await officer(actor),
        c.req.valid('json').passphrase,
      );
      return c.json(await view(letter, actor.roles), 200);
    },
  );
  return app;
};
