import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LoketError } from '@loket/core';

/**
 * A Lambda behind API Gateway takes at most 6 MB per synchronous request, and a multipart body
 * arrives there base64-encoded (4/3 as long): 4.4 MB of upload is what fits.
 */
const UPLOAD_BYTES = 4_400_000;

/**
 * The largest body each route may send, checked before anything reads it (from Content-Length at
 * once, or while a chunked body streams): a body over its route's limit is never parsed. The first
 * matching row wins; the last row covers every other route (the console's and public forms carry
 * text fields only).
 */
const BODY_LIMITS: { path: RegExp; bytes: number; shown: string }[] = [
  // A Google Form response as Apps Script sends it: answers and Drive file ids, never the files.
  { path: /^\/webhooks\/google-forms$/, bytes: 1024 * 1024, shown: '1 MiB' },
  // An SP4N-LAPOR! complaint registered by hand: the form and up to 4 MiB of attachments.
  { path: /^\/konsol\/lapor\/baru$/, bytes: UPLOAD_BYTES, shown: '4,4 MB' },
  // An officer's scan of a paper document (functions/cases/documents.ts SCAN_MAX_BYTES).
  { path: /^\/konsol\/berkas\/[^/]+\/lampiran$/, bytes: UPLOAD_BYTES, shown: '4,4 MB' },
  // A letter's PDF uploaded to compare with the register.
  { path: /^\/verifikasi\/[^/]+$/, bytes: UPLOAD_BYTES, shown: '4,4 MB' },
  { path: /^\/api\/verify\/[^/]+\/check$/, bytes: UPLOAD_BYTES, shown: '4,4 MB' },
  // The local desk's demo forms carry the files themselves, as Google Forms does (it takes files of up
  // to 10 MB each); a file over its field's limit must arrive to be refused as a checklist problem.
  { path: /^\/contoh\/formulir\//, bytes: 25 * 1024 * 1024, shown: '25 MB' },
  // Officers' JSON, and the form-mapping editor (a pasted sample response).
  { path: /^\/api\/|^\/konsol\/admin\/formulir\//, bytes: 256 * 1024, shown: '256 KiB' },
  { path: /^/, bytes: 64 * 1024, shown: '64 KiB' },
];

/** Bounds every request body by its route's row of BODY_LIMITS (413, `payload_too_large`). */
export const limitBodies = (): MiddlewareHandler => {
  const limiters = BODY_LIMITS.map((l) => ({
    path: l.path,
    limit: bodyLimit({
      maxSize: l.bytes,
      onError: () => {
        throw new LoketError('payload_too_large', `Isi permintaan melebihi ${l.shown}.`, [
          { field: '(body)', message: `Kirim paling banyak ${l.shown}.` },
        ]);
      },
    }),
  }));
  return (c, next) => limiters.find((l) => l.path.test(c.req.path))!.limit(c, next);
};
