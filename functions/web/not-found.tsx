/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Page } from './layout';

/** A person's browser asking for an address that does not exist gets a page, an API client gets JSON. */
export const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

export const notFoundPage = (c: Context, what = 'Halaman tidak ditemukan') => {
  c.status(404);
  return c.html(
    <Page title={what}>
      <h1>{what}</h1>
      <p>Alamat yang Anda buka tidak ada atau sudah tidak berlaku.</p>
      <p>
        <a href="/">Lihat daftar layanan</a> · <a href="/status">Cek status permohonan</a>
      </p>
    </Page>,
  );
};

/**
 * A person's browser whose request the desk refused before any page could answer it (a form too
 * large or unreadable, too many requests): a page with the reason and a way back, not JSON.
 */
export const refusedPage = (c: Context, status: ContentfulStatusCode, message: string) => {
  c.status(status);
  return c.html(
    <Page title="Permintaan tidak dapat diproses">
      <h1>Permintaan tidak dapat diproses</h1>
      <p>{message}</p>
      <p>Kembali ke halaman sebelumnya, periksa isian Anda, lalu kirim lagi.</p>
      <p>
        <a href="/">Lihat daftar layanan</a> · <a href="/status">Cek status permohonan</a>
      </p>
    </Page>,
  );
};
