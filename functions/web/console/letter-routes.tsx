/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import type { Context } from 'hono';
import {
  dutyHolders,
  isLoketError,
  letterServices,
  letterYear,
  LoketError,
  mayRevokeLetters,
  mayViewLetter,
  signingView,
  type StaffMember,
} from '@loket/core';
import { statusOfError } from '../../api/errors';
import { contentToSign, draftPdf, parafLetter, signLetter } from '../../letters/sign';
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
      status: ['menunggu_tanda_tangan', 'berlaku', 'dicabut'].find((s) => s === c.req.query('status')),
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

  /** A letter's page: its paraf and signature, and the letter as it will be issued. */
  const letterOf = async (officer: StaffMember, id: string) => {
    const letter = LETTER_ID.test(id) ? await deps.letters.get(id) : undefined;
    if (!letter) throw new LoketError('not_found', 'Surat tidak ditemukan.');
    if (!mayViewLetter(letter, await deps.cases.get(letter.caseId), officer.roles))
      throw new LoketError('forbidden', 'Anda tidak berwenang membuka surat ini.');
    return letter;
  };
  const letterPage = async (c: Context<ConsoleEnv>, id: string, errors: { field: string; message: string }[] = []) => {
    const officer = c.get('officer');
    const letter = await letterOf(officer, id);
    const { content, settings } = await contentToSign(deps, letter, deps.time.now());
    const { verifyUrl: _, ...draft } = content;
    return render(c, (P) => (
      <P.LetterPage
        officer={officer}
        letter={letter}
        view={signingView(letter, officer.roles, settings, deps.signer.channel)}
        content={draft}
        asksPassphrase={deps.signer.asksPassphrase}
        certified={deps.signer.channel === 'bsre'}
        flash={flashOf(c)}
        errors={errors}
      />
    ));
  };
  /** A refused paraf or signature: the page again, with the reason by the field it concerns. */
  const refused = async (c: Context<ConsoleEnv>, id: string, e: unknown) => {
    if (!isLoketError(e)) throw e;
    c.status(statusOfError(e) as 400);
    return letterPage(c, id, e.fields.length ? e.fields : [{ field: 'surat', message: e.message }]);
  };

  app.get('/surat/:letterId', (c) => letterPage(c, c.req.param('letterId')));

  app.get('/surat/:letterId/draf.pdf', async (c) => {
    const letter = await letterOf(c.get('officer'), c.req.param('letterId'));
    const pdf = await draftPdf(deps, letter);
    c.header('content-disposition', `inline; filename="DRAF-${letter.number.replace(/\//g, '-')}.pdf"`);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
  });

  app.post('/surat/:letterId/paraf', async (c) => {
    const officer = c.get('officer');
    const id = c.req.param('letterId');
    try {
      await parafLetter(deps, id, officer);
    } catch (e) {
      return refused(c, id, e);
    }
    return c.redirect(`/konsol/surat/${id}?pesan=paraf`, 303);
  });

  app.post('/surat/:letterId/tandatangan', async (c) => {
    const officer = c.get('officer');
    const id = c.req.param('letterId');
    const form = await readForm(c);
    try {
      await signLetter(deps, id, officer, String(form.passphrase ?? '').slice(0, 200));
    } catch (e) {
      return refused(c, id, e);
    }
    return c.redirect(`/konsol/surat/${id}?pesan=ditandatangani`, 303);
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
