/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
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
