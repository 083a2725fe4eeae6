/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { allServicesFree, office } from '@loket/core';
import { STYLESHEET_PATH } from './assets';

interface PageProps {
  /** The page's own name: the document title is "<title> — Loket <office short name>". Never personal data. */
  title: string;
  children: Child;
  /** Navigation links shown in the header. */
  nav?: { href: string; label: string }[];
  /** Shown right of the brand: e.g. the signed-in officer's name and the sign-out form. */
  account?: Child;
  /** What a search result says about the page; by default what the desk offers. */
  description?: string;
}

const PUBLIC_NAV = [
  { href: '/', label: 'Layanan' },
  { href: '/status', label: 'Cek status' },
  { href: '/pengaduan', label: 'Pengaduan' },
  { href: '/kinerja', label: 'Kinerja' },
];

/** The frame of every page: skip link, header, one <main>, footer; Indonesian, no script. */
export const Page = ({ title, children, nav = PUBLIC_NAV, account, description }: PageProps) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Loket ${office().shortName}`}</title>
        <meta
          name="description"
          content={
            description ??
            `Loket layanan ${office().name}: ajukan permohonan, cek status, sampaikan pengaduan${allServicesFree() ? '; semua layanan gratis' : ''}.`
          }
        />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip" href="#isi">
          Langsung ke isi
        </a>
        <header class="header">
          <div class="header-inner">
            <a class="brand" href="/">
              Loket Layanan<small>{office().shortName}</small>
            </a>
            <nav aria-label="Menu utama">
              <ul class="nav">
                {nav.map((n) => (
                  <li>
                    <a href={n.href}>{n.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {account}
          </div>
        </header>
        <main class="main" id="isi">
          {children}
        </main>
        <footer class="footer">
          <p>
            {office().name} · {office().address} · Telepon {office().phone}
          </p>
          <p>
            {allServicesFree() ? 'Semua layanan gratis. ' : ''}
            <a href="/maklumat">Maklumat Pelayanan</a> · <a href="/pengaduan">Pengaduan, saran dan masukan</a>
          </p>
        </footer>
      </body>
    </html>
  </>
);
