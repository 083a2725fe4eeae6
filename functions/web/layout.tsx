/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { STYLESHEET_PATH } from './assets';

export const DINAS = 'Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Pasuruan';
/** As the signed standard prints them; the hours are the calendar's default service hours. */
export const CONTACT = {
  phone: '(0343) 5616140',
  address: 'Kompleks Perkantoran Pemerintah Daerah Kabupaten Pasuruan, Jl. Raya Raci Km 9, Bangil',
  hours: 'Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB',
  website: 'http://dinkop.pasuruankab.go.id/',
};

interface PageProps {
  /** The page's own name: the document title is "<title> — Loket Dinkop UKM Kab. Pasuruan". Never personal data. */
  title: string;
  children: Child;
  /** Navigation links shown in the header. */
  nav?: { href: string; label: string }[];
  /** Shown right of the brand: e.g. the signed-in officer's name and the sign-out form. */
  account?: Child;
}

const PUBLIC_NAV = [
  { href: '/', label: 'Layanan' },
  { href: '/status', label: 'Cek status' },
  { href: '/pengaduan', label: 'Pengaduan' },
  { href: '/kinerja', label: 'Kinerja' },
];

/** The frame of every page: skip link, header, one <main>, footer; Indonesian, no script. */
export const Page = ({ title, children, nav = PUBLIC_NAV, account }: PageProps) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Loket Dinkop UKM Kab. Pasuruan`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip" href="#isi">
          Langsung ke isi
        </a>
        <header class="header">
          <div class="header-inner">
            <a class="brand" href="/">
              Loket Layanan<small>Dinas Koperasi dan UKM Kab. Pasuruan</small>
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
            {DINAS} · {CONTACT.address} · Telepon {CONTACT.phone}
          </p>
          <p>
            Semua layanan gratis. Pengaduan melalui telepon di atas atau SP4N-LAPOR! (
            <a href="https://www.lapor.go.id">lapor.go.id</a>).
          </p>
        </footer>
      </body>
    </html>
  </>
);
