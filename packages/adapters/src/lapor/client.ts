import type { LaporAttachmentRef, LaporComplaint, LaporFollowup, LaporLogEntry } from '@loket/core';
import { FileFetchError, type RemoteFile, type RemoteFiles } from '../remote-files';
import { LaporApiError, LaporUnconfirmed } from './errors';

/**
 * The SP4N-LAPOR! API (v3 behind the national gateway), as far as public client code shows it
 * (README, "SP4N-LAPOR!"): two headers on every request, complaint and follow-up reads, follow-up and
 * "bukan wewenang" posts. Everything it answers is read leniently (field names vary between
 * instances) and every failure is classified: transient ones are retried by the caller, permanent
 * ones are reported.
 */
export interface LaporSettings {
  baseUrl: string;
  /** Sent as `auth: Bearer <auth>`. */
  auth: string;
  /** Sent as `token: <token>`. */
  token: string;
  /** The Dinas's user and institution in LAPOR!, required by the follow-up form. */
  userId?: string;
  institutionId?: string;
  timeoutMs: number;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (...vs: unknown[]): string | undefined => {
  for (const v of vs) if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
  return undefined;
};
const flag = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';

/** `d-m-Y H:i:s` in WIB (LAPOR!'s own format) or ISO-8601; undefined when neither. */
const parseLaporTime = (v: unknown): number | undefined => {
  const s = str(v);
  if (!s) return undefined;
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, d, mo, y, h = '0', mi = '0', se = '0'] = m;
    const t = Date.parse(
      `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${se.padStart(2, '0')}+07:00`,
    );
    return Number.isNaN(t) ? undefined : t;
  }
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}+07:00`);
  return Number.isNaN(t) ? undefined : t;
};

/**
 * The JSON in a body that may carry an HTML error page before (or after) it, as the gateway sometimes
 * sends. Throws a transient error when there is no JSON to be found.
 */
const salvageJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.search(/[{[]/);
    const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(text.slice(start, end + 1));
      } catch {
        /* fall through */
      }
    }
    throw new LaporApiError(`LAPOR! answered with a body that is not JSON (${text.length} bytes)`, true);
  }
};

const resultsOf = (body: unknown) => {
  const root = obj(body);
  return root.results !== undefined ? obj(root.results) : root;
};

const statusRef = (v: unknown) => {
  const o = obj(v);
  const name = str(o.name, o.status_name, typeof v === 'string' ? v : undefined) ?? '';
  const code = str(o.code, o.status_code, o.id);
  return { ...(code !== undefined ? { code } : {}), name };
};

const attachmentRefs = (v: unknown): LaporAttachmentRef[] =>
  (Array.isArray(v) ? v : []).flatMap((a, i) => {
    const o = obj(a);
    const url = str(typeof a === 'string' ? a : undefined, o.url, o.file_url, o.path, o.file);
    return url ? [{ url, name: str(o.name, o.file_name, o.filename, o.original_name) ?? `lampiran-${i + 1}` }] : [];
  });

/** The complaint in `GET /complaints/{id}/complaint`: `results.data` and `results.data_logs`. */
const readComplaint = (id: string, body: unknown, now: number): LaporComplaint => {
  const results = resultsOf(body);
  const data = obj(results.data);
  if (!Object.keys(data).length) throw new LaporApiError(`LAPOR! complaint ${id}: no data in the answer`, true);
  const reporter = obj(data.user ?? data.reporter ?? data.pelapor);
  const logs: LaporLogEntry[] = (Array.isArray(results.data_logs) ? results.data_logs : []).flatMap((l) => {
    const o = obj(l);
    const at = parseLaporTime(o.created_at ?? o.date);
    return at === undefined ? [] : [{ at, from: statusRef(o.status_old), to: statusRef(o.status_new) }];
  });
  const code = str(data.status_code, obj(data.status).code, obj(data.status).id);
  return {
    id,
    title: str(data.title, data.judul) ?? '',
    content: str(data.content, data.isi, data.description) ?? '',
    category: str(obj(data.category).name, data.category, data.category_name),
    location: str(obj(data.location).name, obj(data.location).address, data.location, data.location_name),
    ...(code !== undefined ? { status: { code, name: str(data.status_name, obj(data.status).name) ?? '' } } : {}),
    createdAt: parseLaporTime(data.created_at ?? data.date_of_complaint) ?? now,
    logs,
    reporter: {
      name: str(reporter.name, data.user_name, data.name),
      email: str(reporter.email),
      phone: str(reporter.phone, reporter.phone_number),
    },
    isSecret: flag(data.is_secret),
    isAnonymous: flag(data.is_anonymous),
    attachments: attachmentRefs(data.attachments),
  };
};

/** `GET /complaints/{id}/followups`: `results.data[]`. An entry without an id gets one from its time and text. */
const readFollowups = (body: unknown, now: number): LaporFollowup[] => {
  const list = resultsOf(body).data;
  return (Array.isArray(list) ? list : []).flatMap((f) => {
    const o = obj(f);
    const content = str(o.content, o.message, o.isi);
    if (!content) return [];
    const at = parseLaporTime(o.created_at) ?? now;
    const author = str(obj(o.user).name, obj(o.institution).name, o.institution_name, o.user_name);
    return [
      {
        id: str(o.id, o.followup_id) ?? `${at}-${content.length}-${content.slice(0, 16)}`,
        at,
        content,
        ...(author ? { author } : {}),
      },
    ];
  });
};

/** A post is accepted on 2xx unless the body says otherwise; a 2xx without a readable body is unconfirmed. */
const acceptedOrThrow = (text: string, what: string) => {
  let body: Json;
  try {
    body = obj(salvageJson(text));
  } catch {
    throw new LaporUnconfirmed(`${what}: LAPOR! answered 2xx without a readable body`, true);
  }
  const results = resultsOf(body);
  const refused =
    body.success === false ||
    results.success === false ||
    /^(error|failed|gagal)$/i.test(str(body.status, results.status) ?? '');
  if (refused)
    throw new LaporApiError(`${what} refused: ${str(body.message, results.message) ?? 'no reason given'}`, false);
};

export class LaporApi implements RemoteFiles {
  constructor(private readonly settings: LaporSettings) {}

  private url(path: string) {
    return /^https?:\/\//.test(path)
      ? path
      : `${this.settings.baseUrl.replace(/\/$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        ...init,
        headers: {
          auth: `Bearer ${this.settings.auth}`,
          token: this.settings.token,
          accept: 'application/json',
          ...init.headers,
        },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      throw new LaporApiError(
        name === 'TimeoutError'
          ? `LAPOR! did not answer within ${this.settings.timeoutMs} ms`
          : `LAPOR! unreachable: ${(e as Error).message}`,
        true,
      );
    }
    if (!res.ok) {
      await res.body?.cancel();
      // 408/429 and 5xx pass; other 4xx (bad credentials, unknown complaint) will not by retrying.
      const transient = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new LaporApiError(
        `LAPOR! answered ${res.status} for ${init.method ?? 'GET'} ${path.split('?')[0]}`,
        transient,
        res.status,
      );
    }
    return res;
  }

  private async getJson(path: string) {
    const text = await (await this.send(path)).text();
    return { text, body: salvageJson(text) };
  }

  /** The complaint and the raw text it came as (archived before anything is made of it). */
  async complaint(id: string, now: number): Promise<{ complaint: LaporComplaint; raw: string }> {
    const { text, body } = await this.getJson(`/complaints/${encodeURIComponent(id)}/complaint`);
    return { complaint: readComplaint(id, body, now), raw: text };
  }

  async followups(id: string, now: number): Promise<LaporFollowup[]> {
    return readFollowups((await this.getJson(`/complaints/${encodeURIComponent(id)}/followups`)).body, now);
  }

  /** `POST /complaints/followup/add`, multipart, with files from the desk's bucket. */
  async postFollowup(input: {
    complaintId: string;
    content: string;
    isSecret: boolean;
    files?: RemoteFile[];
  }): Promise<void> {
    const form = new FormData();
    const fields: Record<string, string> = {
      user_id: this.settings.userId ?? '',
      institution_from_id: this.settings.institutionId ?? '',
      institution_to_id: this.settings.institutionId ?? '',
      complaint_id: input.complaintId,
      info_disposition: '',
      template_code: '',
      rating: '',
      is_secret: input.isSecret ? '1' : '0',
      content: input.content,
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    (input.files ?? []).forEach((f, i) =>
      form.append(`attachment[${i}]`, new Blob([new Uint8Array(f.bytes)], { type: f.mimeType }), f.name),
    );
    const res = await this.send('/complaints/followup/add', { method: 'POST', body: form });
    acceptedOrThrow(await res.text(), `follow-up on ${input.complaintId}`);
  }

  /** "Bukan wewenang": the complaint goes to the agency that is responsible. */
  async reject(input: { complaintId: string; institutionId?: string; reason: string }): Promise<void> {
    const res = await this.send(`/complaints/process/${encodeURIComponent(input.complaintId)}/reject`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        is_request: 1,
        reason: input.institutionId ?? '',
        reason_description: input.reason,
        not_authority: 1,
      }),
    });
    acceptedOrThrow(await res.text(), `forward of ${input.complaintId}`);
  }

  /** Complaint ids from a configured listing (discovery; LAPOR! publishes no endpoint for it). */
  async listIds(path: string): Promise<string[]> {
    const list = resultsOf((await this.getJson(path)).body).data;
    return (Array.isArray(list) ? list : []).flatMap(
      (c) => str(obj(c).id, obj(c).complaint_id, obj(c).tracking_id) ?? [],
    );
  }

  /** An attachment of a complaint (RemoteFiles, so the desk's file copy handles it like a Drive file). */
  async fetch(url: string, maxBytes: number): Promise<RemoteFile> {
    try {
      const res = await this.send(url, { headers: { accept: '*/*' } });
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new FileFetchError(`attachment is ${declared} bytes, limit ${maxBytes}`, 'too_large', declared);
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength > maxBytes)
        throw new FileFetchError(
          `attachment is ${bytes.byteLength} bytes, limit ${maxBytes}`,
          'too_large',
          bytes.byteLength,
        );
      const name =
        /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
        decodeURIComponent(url.split('/').pop() ?? 'lampiran');
      return { name, mimeType: res.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream', bytes };
    } catch (e) {
      if (e instanceof FileFetchError) throw e;
      const status = (e as LaporApiError).status;
      throw new FileFetchError(
        (e as Error).message,
        status === 404 ? 'not_found' : status === 401 || status === 403 ? 'denied' : 'unavailable',
      );
    }
  }
}
