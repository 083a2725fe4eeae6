/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import type { Context } from 'hono';
import { letterServices, letterYear, LoketError, mayRevokeLetters, dutyHolders } from '@loket/core';
import { letterLink } from '../../cases/documents';
import { LETTER_ID } from '../../letters/issue-ids';
import { revokeLetter } from '../../letters/revoke';
import { registerCsv } from './letter-csv';
import { readForm } from '../read-form';

/** The letter register: letters of a year by type and status, as a page and CSV, and revocation. */
export const letterRoutes = (app: Hono<ConsoleEnv>, deps: Deps, { render, flashOf }: ConsoleKit) => {
  /** The register: one year per index query, filtered by type and status. */
  const registerFilter = (c: Context<ConsoleEnv>) => {
    const year = Number(c.req.query('tahun'));
    const thisYear = letterYear(deps.time.now());
    return {
      year: Number.isInteger(year) && year >= 2024 && year <= thisYear ? year : thisYear,
      type: letterServices().find((t) => t === c.req.query('jenis')),
      status: ['berlaku', 'dicabut'].find((s) => s === c.req.query('status')),
    };
  };
  const registerLetters = async (f: ReturnType<typeof registerFilter>) =>
    (await deps.letters.listYear(f.year)).filter(
      (l) => (!f.type || l.type === f.type) && (!f.status || l.status === f.status),
    );
  const registerYears = () =>
    Array.from({ length: letterYear(deps.time.now()) - 2023 }, (_, i) => letterYear(deps.time.now()) - i);

  app.get('/surat', async (c) => {
    const filter = registerFilter(c);
    return render(c, async (P) => (
      <P.LetterRegisterPage
        officer={c.get('officer')}
        letters={await registerLetters(filter)}
        filter={filter}
        years={registerYears()}
        flash={flashOf(c)}
      />
    ));
  });

  app.get('/surat.csv', async (c) => {
    const filter = registerFilter(c);
    c.header('content-disposition', `attachment; filename="register-surat-${filter.year}.csv"`);
    return c.body(registerCsv(await registerLetters(filter)), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  /** A letter's PDF from the register: the only place a revoked letter's archive copy is handed out. */
  app.get('/surat/:letterId/unduh', async (c) => {
    const id = c.req.param('letterId');
    const letter = LETTER_ID.test(id) ? await deps.letters.get(id) : undefined;
    if (!letter) throw new LoketError('not_found', 'Surat tidak ditemukan.');
    return c.redirect(await letterLink(deps, await deps.cases.get(letter.caseId), c.get('actor'), 'register'), 302);
  });

  app.post('/surat/:letterId/cabut', async (c) => {
    const officer = c.get('officer');
    const form = await readForm(c);
    const reason = String(form.reason ?? '')
      .trim()
      .slice(0, 1000);
    const fail = async (status: number, message: string) => {
      c.status(status as 400);
      const filter = registerFilter(c);
      return render(c, async (P) => (
        <P.LetterRegisterPage
          officer={officer}
          letters={await registerLetters(filter)}
          filter={filter}
          years={registerYears()}
          errors={[{ field: 'reason', message }]}
        />
      ));
    };
    if (!mayRevokeLetters(officer.roles))
      return fail(403, `Hanya ${dutyHolders('revokeLetters')} atau administrator yang dapat mencabut surat.`);
    if (reason.length < 10) return fail(400, 'Tulis alasan pencabutan (paling sedikit 10 karakter).');
    const letter = await revokeLetter(deps, c.req.param('letterId'), { by: officer.id, reason });
    if (!letter) return fail(409, 'Surat tidak ditemukan atau sudah dicabut.');
    return c.redirect(`/konsol/surat?tahun=${letter.year}&pesan=dicabut`, 303);
  });
};
