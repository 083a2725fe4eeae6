import { createServer, type ServerResponse } from 'node:http';
import { PDFDocument } from 'pdf-lib';
import {
  createDeskCa,
  issueSignerCertificate,
  type PemPair,
  toP12,
} from '../../packages/adapters/src/signing/desk-pki';
import { addSignaturePlaceholder, signWithP12 } from '../../packages/adapters/src/signing/pades';

/**
 * A BSrE-compatible "esign client" of our own (README, "Letters, the register and public verification"): `POST /api/sign/pdf`
 * multipart (file, nik, passphrase, tampilan, page/xAxis/yAxis/width/height), HTTP Basic auth, the
 * signed PDF back (or, in `byId` mode, `{ id_dokumen }` and `GET /api/sign/download/{id}`). It signs
 * with a CA of its own named like BSrE's, so a letter it signs is a real PAdES that pdfsig checks.
 * Refusals are BSrE's JSON `{ status_code, error }`; faults are queued and served once each.
 */
export const BSRE_USER = 'esign';
export const BSRE_PASSWORD = 'test-esign-basic-password';

export type BsreFault = 'timeout' | '500';

interface Signer {
  passphrase: string;
  name: string;
  expired?: boolean;
  pem?: PemPair;
}

export interface BsreServer {
  url: string;
  /** Registers a signer's NIK with their passphrase (and an expired certificate if so). */
  enrol(nik: string, s: Signer): void;
  fail(fault: BsreFault): void;
  byId: boolean;
  /** What the gateway received (the passphrase too: it is BSrE's side, the one place it may go). */
  requests: { nik: string; passphrase: string; tampilan: string; page?: string; box?: number[] }[];
  close(): Promise<void>;
}

export const startBsreServer = async (): Promise<BsreServer> => {
  const now = Date.now();
  const ca = createDeskCa('Balai Besar Sertifikasi Elektronik (uji)', now);
  // Named like BSrE's issuing CA, so pages show what a real one would; it is this test's own.
  const signers = new Map<string, Signer>();
  const faults: BsreFault[] = [];
  const documents = new Map<string, Uint8Array>();
  const held: ServerResponse[] = [];
  const server: BsreServer = {
    url: '',
    byId: false,
    requests: [],
    enrol: (nik, s) => signers.set(nik, s),
    fail: (f) => faults.push(f),
    close: async () => {
      for (const r of held) r.destroy();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const expected = `Basic ${Buffer.from(`${BSRE_USER}:${BSRE_PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return json(res, 401, { status_code: 401, error: 'Unauthorized' });
    const fault = faults.shift();
    if (fault === 'timeout') return void held.push(res);
    if (fault === '500') return json(res, 500, { status_code: 500, error: 'Internal Server Error' });
    const download = req.url?.match(/^\/api\/sign\/download\/([\w-]+)$/);
    if (req.method === 'GET' && download) {
      const pdf = documents.get(download[1]!);
      if (!pdf) return json(res, 404, { status_code: 404, error: 'Dokumen tidak ditemukan' });
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end(Buffer.from(pdf));
    }
    if (req.method !== 'POST' || req.url !== '/api/sign/pdf') return json(res, 404, { error: 'Not found' });
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type']! },
      body: Buffer.concat(chunks),
    }).formData();
    const field = (k: string) => String(form.get(k) ?? '');
    const nik = field('nik');
    const box = ['xAxis', 'yAxis', 'width', 'height'].map((k) => Number(field(k)));
    server.requests.push({
      nik,
      passphrase: field('passphrase'),
      tampilan: field('tampilan'),
      page: field('page') || undefined,
      box: field('xAxis') ? box : undefined,
    });
    const signer = signers.get(nik);
    if (!signer) return json(res, 400, { status_code: 2021, error: 'NIK tidak terdaftar' });
    if (field('passphrase') !== signer.passphrase)
      return json(res, 400, { status_code: 2031, error: 'Passphrase anda salah' });
    if (signer.expired) return json(res, 400, { status_code: 2051, error: 'Sertifikat sudah kadaluarsa' });
    const file = form.get('file');
    if (!(file instanceof Blob)) return json(res, 400, { status_code: 2001, error: 'File tidak ditemukan' });
    signer.pem ??= issueSignerCertificate(ca, { name: signer.name, nip: '', title: 'Penanda tangan' }, 'BSrE uji', now);
    const doc = await PDFDocument.load(new Uint8Array(await file.arrayBuffer()));
    const page = doc.getPage(Math.max(0, Number(field('page') || 1) - 1));
    const [x, y, w, h] = box;
    const at = new Date();
    addSignaturePlaceholder(doc, page, {
      reason: 'Tanda tangan elektronik',
      name: signer.name,
      location: 'Indonesia',
      contactInfo: 'BSrE',
      signingTime: at,
      widgetRect: field('tampilan') === 'visible' ? [x!, y!, x! + w!, y! + h!] : [0, 0, 0, 0],
    });
    const signed = await signWithP12(await doc.save({ useObjectStreams: false }), toP12(signer.pem, ca, 'p'), 'p', at);
    if (server.byId) {
      const id = `doc-${documents.size + 1}`;
      documents.set(id, signed);
      return json(res, 200, { id_dokumen: id });
    }
    res.writeHead(200, { 'content-type': 'application/pdf', id_dokumen: 'inline' });
    res.end(Buffer.from(signed));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const addr = http.address() as { port: number };
  server.url = `http://127.0.0.1:${addr.port}`;
  return server;
};
