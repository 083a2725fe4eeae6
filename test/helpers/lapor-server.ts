import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A LAPOR!-compatible HTTP server, written from the shapes public client code shows (README,
 * "SP4N-LAPOR!"): the two auth headers, `results.data` / `results.data_logs`, `d-m-Y H:i:s` times in
 * WIB, multipart follow-ups. Faults are queued per path and served once each.
 */
export const LAPOR_AUTH = 'test-lapor-auth';
export const LAPOR_TOKEN = 'test-lapor-token';

export type Fault = '500' | 'timeout' | 'malformed' | 'html-prefix' | 'unreadable-2xx' | 'refuse' | '404';

interface StoredComplaint {
  data: Record<string, unknown>;
  logs: Record<string, unknown>[];
  followups: Record<string, unknown>[];
}

export interface LaporServer {
  url: string;
  /** Adds or replaces a complaint; `followups` as LAPOR! lists them. */
  put(id: string, data: Record<string, unknown>, logs?: Record<string, unknown>[]): void;
  addFollowup(id: string, f: { id: string; content: string; created_at: string; user?: { name: string } }): void;
  setStatus(id: string, code: string, name: string): void;
  /** The next request whose path contains `path` gets `fault` (once). */
  fail(path: string, fault: Fault, times?: number): void;
  posts: { path: string; fields: Record<string, string>; files: { name: string; type: string; size: number }[] }[];
  rejects: { id: string; body: Record<string, unknown> }[];
  requests: string[];
  close(): Promise<void>;
}

/** `d-m-Y H:i:s` in WIB, as LAPOR! writes times. */
export const laporTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};

const body = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

export const startLaporServer = async (opts: { timeoutDelayMs?: number } = {}): Promise<LaporServer> => {
  const complaints = new Map<string, StoredComplaint>();
  const faults: { path: string; fault: Fault }[] = [];
  const server: Omit<LaporServer, 'url' | 'close'> = {
    put: (id, data, logs = []) => complaints.set(id, { data, logs, followups: complaints.get(id)?.followups ?? [] }),
    addFollowup: (id, f) => complaints.get(id)!.followups.push(f),
    setStatus: (id, code, name) => Object.assign(complaints.get(id)!.data, { status_code: code, status_name: name }),
    fail: (path, fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push({ path, fault });
    },
    posts: [],
    rejects: [],
    requests: [],
  };
  const json = (res: ServerResponse, status: number, value: unknown, prefix = '') => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(prefix + JSON.stringify(value));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    server.requests.push(`${req.method} ${path}`);
    if (req.headers.auth !== `Bearer ${LAPOR_AUTH}` || req.headers.token !== LAPOR_TOKEN)
      return json(res, 401, { message: 'Unauthenticated' });
    const i = faults.findIndex((f) => path.includes(f.path));
    const fault = i >= 0 ? faults.splice(i, 1)[0]!.fault : undefined;
    if (fault === 'timeout') {
      await new Promise((r) => setTimeout(r, opts.timeoutDelayMs ?? 1500));
      if (res.destroyed) return;
    }
    if (fault === '500') return json(res, 502, { message: 'Bad gateway' });
    if (fault === '404') return json(res, 404, { message: 'Not found' });
    if (fault === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"results": {"data": [');
    }
    const prefix =
      fault === 'html-prefix'
        ? '<html><body><b>Warning</b>: Undefined index in /var/www/app.php on line 12</body></html>\n'
        : '';

    let m = /^\/complaints\/([^/]+)\/complaint$/.exec(path);
    if (m && req.method === 'GET') {
      const c = complaints.get(decodeURIComponent(m[1]!));
      return c
        ? json(res, 200, { results: { data: c.data, data_logs: c.logs } }, prefix)
        : json(res, 404, { message: 'Pengaduan tidak ditemukan' });
    }
    m = /^\/complaints\/([^/]+)\/followups$/.exec(path);
    if (m && req.method === 'GET') {
      const c = complaints.get(decodeURIComponent(m[1]!));
      return c
        ? json(res, 200, { results: { data: c.followups } }, prefix)
        : json(res, 404, { message: 'Pengaduan tidak ditemukan' });
    }
    if (path === '/complaints/followup/add' && req.method === 'POST') {
      const form = await new Response(await body(req), {
        headers: { 'content-type': req.headers['content-type'] ?? '' },
      }).formData();
      const fields: Record<string, string> = {};
      const files: { name: string; type: string; size: number }[] = [];
      form.forEach((v, k) => {
        if (typeof v === 'string') fields[k] = v;
        else files.push({ name: v.name, type: v.type, size: v.size });
      });
      const c = complaints.get(fields.complaint_id ?? '');
      if (!c) return json(res, 404, { message: 'Pengaduan tidak ditemukan' });
      if (fault === 'refuse') return json(res, 200, { success: false, message: 'Konten tidak boleh kosong' });
      server.posts.push({ path, fields, files });
      c.followups.push({
        id: `fu-${c.followups.length + 1}-${Date.now()}`,
        content: fields.content,
        created_at: laporTime(new Date().toISOString()),
        user: { name: 'Dinas Koperasi dan UKM Kab. Pasuruan' },
      });
      if (fault === 'unreadable-2xx') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>OK</html>');
      }
      return json(res, 200, { success: true, results: { message: 'Tindak lanjut berhasil ditambahkan' } });
    }
    m = /^\/complaints\/process\/([^/]+)\/reject$/.exec(path);
    if (m && req.method === 'POST') {
      server.rejects.push({ id: decodeURIComponent(m[1]!), body: JSON.parse((await body(req)).toString() || '{}') });
      return json(res, 200, { success: true });
    }
    m = /^\/files\/(.+)$/.exec(path);
    if (m && req.method === 'GET') {
      const pdf = Buffer.from('%PDF-1.4\n% LAPOR test attachment\n%%EOF\n');
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'content-disposition': `attachment; filename="${m[1]}"`,
      });
      return res.end(pdf);
    }
    if (path === '/complaints/inbox' && req.method === 'GET') {
      return json(res, 200, { results: { data: [...complaints.keys()].map((id) => ({ id })) } });
    }
    return json(res, 404, { message: 'Not found' });
  };
  const http = createServer((req, res) => void handle(req, res).catch((e) => json(res, 500, { message: String(e) })));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as { port: number }).port;
  return {
    ...server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        http.closeAllConnections();
        http.close(() => r());
      }),
  } as LaporServer;
};
