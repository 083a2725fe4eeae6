import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking the REST paths of Google Drive v3 and Forms v1 that the real
 * `@googleapis/*` clients call when their `rootUrl` points here. It checks the self-signed JWT the
 * client library makes from the service-account key, so the auth path is exercised too. The tests
 * use it as Google's side; the local desk runs one for its demo forms (functions/local/demo-forms.ts),
 * so a file uploaded there is fetched by the same Drive client and a response is found again by the
 * same reconciliation as on a stage. It keeps everything in memory.
 */
export interface DriveFixture {
  name: string;
  mimeType: string;
  bytes: Buffer;
}
export interface FormFixture {
  items: Array<{ questionId: string; title: string; kind?: 'text' | 'file' }>;
  responses: Array<Record<string, unknown> & { responseId: string; lastSubmittedTime: string }>;
}

export const startGoogleApi = async () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serviceAccount = {
    type: 'service_account',
    client_email: 'loket-test@loket-dev.iam.gserviceaccount.com',
    private_key_id: 'test-key',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const files = new Map<string, DriveFixture>();
  const forms = new Map<string, FormFixture>();
  const requests: string[] = [];
  let outages = 0;
  const pageLimit = 2; // small pages so the client's paging is exercised

  const authorized = (req: IncomingMessage) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const [h, p, s] = token.split('.');
    if (!h || !p || !s) return false;
    const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(publicKey, Buffer.from(s, 'base64url'));
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    return ok && claims.iss === serviceAccount.client_email && claims.exp * 1000 > Date.now();
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const notFound = (res: ServerResponse) =>
    json(res, 404, { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (!authorized(req))
      return json(res, 401, {
        error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' },
      });
    const drive = url.pathname.match(/^\/drive\/v3\/files\/([^/]+)$/);
    if (drive) {
      if (outages > 0) {
        outages--;
        return json(res, 503, {
          error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
        });
      }
      const f = files.get(decodeURIComponent(drive[1]!));
      if (!f) return notFound(res);
      if (url.searchParams.get('alt') === 'media')
        return res.writeHead(200, { 'content-type': f.mimeType }).end(f.bytes);
      return json(res, 200, { id: drive[1], name: f.name, mimeType: f.mimeType, size: String(f.bytes.length) });
    }
    const form = url.pathname.match(/^\/v1\/forms\/([^/]+)(\/responses)?$/);
    const fixture = form && forms.get(decodeURIComponent(form[1]!));
    if (!form || !fixture) return notFound(res);
    if (!form[2]) {
      return json(res, 200, {
        formId: form[1],
        items: fixture.items.map((q, i) => ({
          itemId: `item${i}`,
          title: q.title,
          questionItem: {
            question: {
              questionId: q.questionId,
              ...(q.kind === 'file' ? { fileUploadQuestion: { folderId: 'f' } } : { textQuestion: {} }),
            },
          },
        })),
      });
    }
    const filter = url.searchParams.get('filter')?.match(/^timestamp (>=|>) (\S+)$/);
    const since = filter ? Date.parse(filter[2]!) : Number.NEGATIVE_INFINITY;
    const matching = fixture.responses.filter((r) =>
      filter?.[1] === '>' ? Date.parse(r.lastSubmittedTime) > since : Date.parse(r.lastSubmittedTime) >= since,
    );
    const start = Number(url.searchParams.get('pageToken') ?? 0);
    const page = matching.slice(start, start + Math.min(pageLimit, Number(url.searchParams.get('pageSize') ?? 5000)));
    const next = start + page.length < matching.length ? String(start + page.length) : undefined;
    return json(res, 200, { responses: page, ...(next ? { nextPageToken: next } : {}) });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  /** A Drive-style id: URL-safe base64, unguessable. */
  const newId = () => randomBytes(18).toString('base64url');
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    newId,
    /** Keeps a file as a respondent's upload to Drive would, and answers its new id. */
    upload: (file: DriveFixture) => {
      const id = newId();
      files.set(id, file);
      return id;
    },
    serviceAccountKey: JSON.stringify(serviceAccount),
    files,
    forms,
    requests,
    /** The next `n` Drive calls answer 503. */
    failNext: (n: number) => (outages = n),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
export type GoogleApi = Awaited<ReturnType<typeof startGoogleApi>>;
