import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandard } from '@loket/adapters';
import type { Standard } from '@loket/core';

/**
 * Nothing specific to one office lives in code: its name, government, address, phone, website, mail
 * domain, letterhead, signatory, decree, places, role names and service names are its standard's
 * (standards/*.yaml). A second office changes its document, not the code. Checked for the shipped
 * office and for the invented second one. Tests, the docs and the documents themselves are exempt.
 */
const CODE = ['packages/core/src', 'packages/adapters/src', 'functions', 'infra', 'bench', 'bin', 'scripts'];
const GENERIC = new Set(['Pemerintah', 'Kabupaten', 'Provinsi', 'Daerah', 'Dinas', 'Kecamatan', 'Badan', 'Kantor']);

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'fonts' ? [] : sources(path);
    return /\.(tsx?|mjs|sh|gs)$/.test(f) ? [path] : [];
  });

/** The phrases and words that name this office and nothing else. */
const officeMarks = (s: Standard) => {
  const o = s.office;
  const phrases = [
    o.name,
    o.shortName,
    o.parent,
    o.address,
    o.phone,
    o.website.replace(/^https?:\/\/|\/$/g, ''),
    o.email.split('@')[1]!,
    o.letterhead.government,
    o.letterhead.office,
    o.letterhead.address,
    o.signatory.title,
    s.decree,
    s.title,
    ...(s.registry ? [s.registry.name] : []),
    ...Object.values(s.roles).map((r) => r.label),
    ...s.services.map((x) => x.name),
  ].filter((p) => p.length >= 8);
  // The proper names in the parent government ("Pasuruan"), and the office's places.
  const words = [
    ...o.parent.split(/\s+/).filter((w) => /^[A-Z][a-z]{3,}$/.test(w) && !GENERIC.has(w)),
    ...(o.places?.values ?? []),
  ];
  return { phrases, words };
};

const scan = (s: Standard) => {
  const { phrases, words } = officeMarks(s);
  const wordRe = new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);
  const found: string[] = [];
  for (const file of CODE.flatMap(sources)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const lower = line.toLowerCase();
        const phrase = phrases.find((p) => lower.includes(p.toLowerCase()));
        const word = line.match(wordRe)?.[1];
        if (phrase || word) found.push(`${file}:${i + 1} "${phrase ?? word}"`);
      });
  }
  return found;
};

describe('no office written into code', () => {
  it.each(['standards/dinkop-pasuruan.yaml', 'test/fixtures/standards/kecamatan-sumberwaras.yaml'])(
    'finds nothing of %s in packages, functions, infra, bench, bin or scripts',
    (file) => {
      expect(scan(loadStandard(file))).toEqual([]);
    },
  );
});
