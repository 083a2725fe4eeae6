import { letterSeal, type LetterSigner, LoketError, type SignLetterInput } from '@loket/core';
import { renderLetterPdf } from '../pdf/letter-pdf';

/**
 * Signs through the office's BSrE gateway, the "esign client" an office runs in front of BSSN's
 * signing service (README, "Letters, the register and public verification"): `POST /api/sign/pdf`, multipart with the file, the
 * signer's NIK and passphrase and the appearance (`tampilan`, with its page and box), HTTP Basic auth.
 * The answer is the signed PDF, or a document id to fetch from `GET /api/sign/download/{id}`; a refusal
 * is JSON `{ "status_code", "error" }`. The passphrase goes into that one request and nowhere else: it
 * is not kept, logged or echoed back in an error.
 */
export interface BsreOptions {
  url: string;
  user: string;
  password: string;
  timeoutMs: number;
  tampilan: 'visible' | 'invisible';
}

/** BSrE's own refusal codes as the esign client passes them on (an assumption beyond 2031: the message decides too). */
const WRONG_PASSPHRASE = new Set([2031, 2011]);
const CERT_PROBLEM = new Set([2021, 2022, 2051, 2052]);

const redact = (text: string, secret: string) => (secret ? text.split(secret).join('***') : text).slice(0, 300);

export class BsreSigner implements LetterSigner {
  readonly channel = 'bsre' as const;
  readonly asksPassphrase = true;

  constructor(private readonly o: BsreOptions) {}

  private get auth() {
    return `Basic ${Buffer.from(`${this.o.user}:${this.o.password}`).toString('base64')}`;
  }

  private async call(path: string, init: RequestInit) {
    try {
      return await fetch(new URL(path, this.o.url), {
        ...init,
        headers: { authorization: this.auth, accept: 'application/pdf, application/json' },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      throw new LoketError(
        'unavailable',
        timedOut
          ? `Layanan tanda tangan BSrE tidak menjawab dalam ${(this.o.timeoutMs / 1000).toLocaleString('id-ID')} detik. Surat tetap menunggu; coba lagi.`
          : 'Layanan tanda tangan BSrE tidak dapat dihubungi. Surat tetap menunggu; coba lagi.',
        [],
        `bsre ${path}: ${timedOut ? 'timeout' : (e as Error).message}`,
      );
    }
  }

  private async refusal(r: Response, passphrase: string): Promise<LoketError> {
    const body = (await r.json().catch(() => ({}))) as {
      status_code?: number | string;
      error?: string;
      message?: string;
    };
    const code = Number(body.status_code);
    const said = redact(String(body.error ?? body.message ?? ''), passphrase);
    if (r.status >= 500)
      return new LoketError(
        'unavailable',
        'Layanan tanda tangan BSrE sedang gangguan. Surat tetap menunggu; coba lagi nanti.',
        [],
        `bsre ${r.status}: ${said}`,
      );
    if (r.status === 401 || r.status === 403)
      return new LoketError(
        'unavailable',
        'Gateway BSrE menolak akun aplikasi ini. Administrator memeriksa pengaturan BSrE.',
        [],
        `bsre ${r.status}`,
      );
    if (WRONG_PASSPHRASE.has(code) || /passphrase/i.test(said))
      return new LoketError('validation', 'Passphrase salah. Ketik ulang passphrase sertifikat elektronik Anda.', [
        { field: 'passphrase', message: 'Passphrase salah.' },
      ]);
    if (CERT_PROBLEM.has(code) || /sertifikat|certificate/i.test(said))
      return new LoketError(
        'invalid_transition',
        `Sertifikat elektronik penanda tangan tidak dapat dipakai: ${said || 'tidak berlaku'}. Hubungi pengelola TTE (BSrE) untuk memperbarui sertifikat.`,
      );
    return new LoketError(
      'invalid_transition',
      `BSrE menolak penandatanganan${said ? `: ${said}` : ''}.`,
      [],
      `bsre ${r.status} ${code}`,
    );
  }

  async sign(input: SignLetterInput): Promise<Uint8Array> {
    if (!input.passphrase)
      throw new LoketError('validation', 'Ketik passphrase sertifikat elektronik Anda.', [
        { field: 'passphrase', message: 'Passphrase wajib diisi.' },
      ]);
    const { pdf, box } = await renderLetterPdf(
      input.content,
      { issuedAt: input.signedAt, letterId: input.letterId },
      { kind: 'signed', seal: letterSeal('bsre', input.signedAt) },
    );
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `${input.letterId}.pdf`);
    form.set('nik', input.signerNik ?? '');
    form.set('passphrase', input.passphrase);
    form.set('tampilan', this.o.tampilan);
    if (this.o.tampilan === 'visible') {
      const [x1, y1, x2, y2] = box.rect;
      form.set('page', String(box.page + 1));
      form.set('image', 'false');
      form.set('xAxis', String(Math.round(x1)));
      form.set('yAxis', String(Math.round(y1)));
      form.set('width', String(Math.round(x2 - x1)));
      form.set('height', String(Math.round(y2 - y1)));
    }
    const r = await this.call('/api/sign/pdf', { method: 'POST', body: form });
    if (!r.ok) throw await this.refusal(r, input.passphrase);
    if (r.headers.get('content-type')?.includes('application/pdf')) return new Uint8Array(await r.arrayBuffer());
    // Some gateways answer with the document's id and hand the file out separately.
    const body = (await r.json().catch(() => ({}))) as { id_dokumen?: string; id?: string };
    const id = body.id_dokumen ?? body.id ?? r.headers.get('id_dokumen');
    if (!id) throw new LoketError('unavailable', 'Jawaban BSrE tidak berisi berkas bertanda tangan. Coba lagi.');
    const d = await this.call(`/api/sign/download/${encodeURIComponent(id)}`, { method: 'GET' });
    if (!d.ok) throw await this.refusal(d, input.passphrase);
    return new Uint8Array(await d.arrayBuffer());
  }
}
