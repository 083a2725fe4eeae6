/** @jsxImportSource hono/jsx */
import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { apiRouter, jsonOk } from '../openapi';
import { LoketError, normaliseSha256, publicLetter, uploadVerdict } from '@loket/core';
import { readPdfSignature } from '@loket/adapters';
import type { AppEnv } from '../app';
import type { Deps } from '../../deps';
import { lazyPages } from '../../web/lazy-pages';

const render = lazyPages(() => import('../../web/occasional-pages'));
import { hashToken, LETTER_ID } from '../../letters/issue-ids';
import { readForm } from '../../web/read-form';

/**
 * The largest file a person may upload to compare (a letter is a few tens of KiB); the route's body
 * limit (4.4 MB, functions/api/body-limits.ts) is checked before this, as the body arrives.
 */
const COMPARE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Public letter routes: verification by anyone (page and JSON, from the QR code on the letter) and the
 * applicant's download link. An unknown or malformed id is a plain 404; ids are not guessable.
 */
export const letterRoutes = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  const find = async (id: string) => {
    const letter = LETTER_ID.test(id) ? await deps.letters.get(id) : undefined;
    if (!letter)
      throw new LoketError('not_found', 'Surat tidak ditemukan. Periksa kembali alamat atau kode QR pada surat.');
    return letter;
  };

  const pdfLink = (key: string, number: string) =>
    deps.files.linkTo(key, {
      seconds: 300,
      contentType: 'application/pdf',
      fileName: `${number.replace(/\//g, '-')}.pdf`,
    });

  const api = apiRouter<AppEnv>('');
  api.openapi(
    {
      method: 'get',
      path: '/api/verify/{id}',
      tags: ['Publik'],
      summary:
        "A letter's verification (from the QR code on it): number, type, date, holder masked, status, SHA-256 and its signature (signer, certificate issuer and kind, signing time)",
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: jsonOk('the letter as anyone may see it'),
      errorStatuses: [404],
    },
    async (c) => c.json(publicLetter(await find(c.req.valid('param').id)), 200),
  );
  api.openapi(
    {
      method: 'post',
      path: '/api/verify/{id}/check',
      tags: ['Publik'],
      summary:
        'Checks a file against the letter: the same bytes as issued, and the signature the file itself carries (body: the PDF, application/pdf)',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: jsonOk('the verdict: identical, the signature read from the file'),
      errorStatuses: [400, 404, 413],
    },
    async (c) => {
      const letter = await find(c.req.valid('param').id);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!bytes.byteLength)
        throw new LoketError('validation', 'Kirim berkas PDF surat sebagai isi permintaan.', [
          { field: 'berkas', message: 'Berkas kosong.' },
        ]);
      if (bytes.byteLength > COMPARE_MAX_BYTES)
        throw new LoketError('payload_too_large', 'Berkas terlalu besar untuk sebuah surat (maksimal 4 MB).');
      return c.json(await checkFile(letter, bytes), 200);
    },
  );
  app.route('/', api);

  const checkFile = async (letter: Parameters<typeof publicLetter>[0], bytes: Uint8Array) =>
    uploadVerdict(letter, createHash('sha256').update(bytes).digest('hex'), await readPdfSignature(bytes));

  /** The verification pages are for people (a scanned QR code): an unknown letter gets a page saying so. */
  const findForPage = async (c: Context<AppEnv>, id: string) => {
    const letter = LETTER_ID.test(id) ? await deps.letters.get(id) : undefined;
    if (!letter) {
      c.status(404);
      return { page: await render(c, (P) => <P.LetterNotInRegisterPage />) };
    }
    return { letter };
  };

  app.get('/verifikasi/:id', async (c) => {
    const { letter, page } = await findForPage(c, c.req.param('id'));
    if (!letter) return page;
    return render(c, (P) => <P.VerifyPage l={publicLetter(letter)} />);
  });

  app.post('/verifikasi/:id', async (c) => {
    const { letter, page } = await findForPage(c, c.req.param('id'));
    if (!letter) return page;
    const form = await readForm(c);
    const file = form.berkas instanceof File && form.berkas.size > 0 ? form.berkas : undefined;
    if (file) {
      if (file.size > COMPARE_MAX_BYTES) {
        c.status(400);
        return render(c, (P) => (
          <P.VerifyPage l={publicLetter(letter)} problem="Berkas terlalu besar untuk sebuah surat (maksimal 4 MB)." />
        ));
      }
      const verdict = await checkFile(letter, new Uint8Array(await file.arrayBuffer()));
      return render(c, (P) => <P.VerifyPage l={publicLetter(letter)} verdict={verdict} />);
    }
    {
      const sha = normaliseSha256(String(form.sha256 ?? ''));
      if (!sha) {
        c.status(400);
        return render(c, (P) => (
          <P.VerifyPage
            l={publicLetter(letter)}
            problem="Unggah berkas PDF surat, atau tempel sidik jari SHA-256 (64 karakter heksadesimal)."
          />
        ));
      }
      return render(c, (P) => (
        <P.VerifyPage l={publicLetter(letter)} comparison={sha === letter.sha256 ? 'sama' : 'beda'} />
      ));
    }
  });

  /** The signed PDF for any visitor while the letter is in force: it shows no more than the paper does. */
  app.get('/verifikasi/:id/unduh', async (c) => {
    const { letter, page } = await findForPage(c, c.req.param('id'));
    if (!letter) return page;
    if (letter.status !== 'berlaku' || !letter.s3Key) {
      c.status(letter.status === 'dicabut' ? 410 : 404);
      return render(c, (P) => (
        <P.VerifyPage
          l={publicLetter(letter)}
          problem="Surat ini tidak dapat diunduh: belum terbit atau telah dicabut."
        />
      ));
    }
    deps.log.info('letter.downloaded', { letterId: letter.id, caseId: letter.caseId, by: 'verification-page' });
    return c.redirect(await pdfLink(letter.s3Key, letter.number), 302);
  });

  /** The applicant's link from the mail: valid until it expires, then a short-lived link to the PDF itself. */
  app.get('/surat/:id/unduh/:token', async (c) => {
    const letter = await find(c.req.param('id'));
    const hash = hashToken(c.req.param('token').slice(0, 100));
    const now = deps.time.now();
    if (!letter.downloads?.some((d) => d.hash === hash && d.until > now)) {
      throw new LoketError('not_found', 'Tautan unduh tidak berlaku lagi. Surat dapat diminta di loket.');
    }
    // A revoked letter is no longer handed out, whatever link the applicant holds.
    if (letter.status === 'dicabut') {
      c.status(410);
      return render(c, (P) => <P.LetterRevokedPage letterId={letter.id} />);
    }
    if (!letter.s3Key)
      throw new LoketError('not_found', 'Surat belum ditandatangani; tautan berlaku setelah surat terbit.');
    deps.log.info('letter.downloaded', { letterId: letter.id, caseId: letter.caseId, by: 'applicant-link' });
    return c.redirect(await pdfLink(letter.s3Key, letter.number), 302);
  });

  return app;
};
