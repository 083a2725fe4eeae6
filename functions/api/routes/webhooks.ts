import { apiRouter, ErrorBody, jsonOk } from '../openapi';
import * as z from 'zod';
import { FormSubmission, LoketError } from '@loket/core';
import type { Deps } from '../../deps';
import { intakeFormSubmission, receiveKeepingRaw } from '../../intake/google-forms';
import { checkSignature } from '../../intake/signature';
import type { AppEnv } from '../app';
import { fromZod } from '../errors';

const SIGNATURE_MESSAGES = {
  missing: 'Tanda tangan webhook atau stempel waktu tidak ada.',
  stale: 'Stempel waktu webhook di luar batas 5 menit.',
  mismatch: 'Tanda tangan webhook tidak cocok.',
};

export const webhookRoutes = (deps: Deps) => {
  const app = apiRouter<AppEnv>('/webhooks');
  // Documented, not validated by the router: the signature covers the raw bytes, so the handler checks it
  // first and only then parses the body with this same schema.
  app.describe({
    method: 'post',
    path: '/google-forms',
    tags: ['Webhook'],
    summary: 'A Google Form response from the Apps Script (HMAC-signed)',
    signed: true,
    request: {
      headers: z.object({
        'x-loket-timestamp': z.string().meta({ description: 'Unix seconds; 5-minute window' }),
        'x-loket-signature': z.string().meta({ description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">' }),
      }),
      body: { required: true, content: { 'application/json': { schema: FormSubmission } } },
    },
    responses: {
      ...jsonOk('a new case {caseId, trackingNumber, status}', 201),
      ...jsonOk('a repeat, an edit, or an empty response (ignored)'),
      ...Object.fromEntries(
        [400, 401, 404, 413].map((s) => [
          s,
          { description: 'refused', content: { 'application/json': { schema: ErrorBody } } },
        ]),
      ),
    },
  });
  // Its body limit (1 MiB) is the app's, by route (functions/api/body-limits.ts).
  app.post('/google-forms', async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    let raw: string;
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new LoketError('validation', 'Isi permintaan bukan teks UTF-8 yang valid.', [
        { field: '(body)', message: 'UTF-8 tidak valid.' },
      ]);
    }
    const problem = checkSignature(
      deps.config.GOOGLE_FORMS_WEBHOOK_SECRET,
      c.req.header('x-loket-timestamp'),
      c.req.header('x-loket-signature'),
      raw,
      deps.time.now(),
    );
    if (problem) throw new LoketError('unauthorized', SIGNATURE_MESSAGES[problem], [], `webhook signature ${problem}`);
    // Signed by our own script: kept whatever happens next, so nothing it carried can be lost.
    const result = await receiveKeepingRaw(deps, 'google-forms', raw, async (rawBody, rawKey) => {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new LoketError(
          'validation',
          'Isi permintaan harus berupa JSON yang valid.',
          [{ field: '(body)', message: 'JSON tidak valid.' }],
          `raw at ${rawKey}`,
        );
      }
      const parsed = FormSubmission.safeParse(json);
      if (!parsed.success) throw fromZod(parsed.error, 'Data formulir');
      const received = await intakeFormSubmission(deps, parsed.data, rawKey, rawBody);
      c.get('log').info('form response received', {
        caseId: received.caseId,
        outcome: received.outcome,
        formId: parsed.data.formId,
      });
      return received;
    });
    const { outcome, ...body } = result;
    return c.json(body, outcome === 'created' ? 201 : 200);
  });
  return app;
};
