import { describe, expect, it } from 'vitest';
import { findService, howToFix, openIssuesByRequirement } from '@loket/core';

/** What the applicant is told to fix, and how: view logic the receipt, the revision mail and /status share. */
describe('telling the applicant what to fix and how', () => {
  const formCase = {
    channel: 'google_form' as const,
    source: { kind: 'google_form' as const, externalId: 'r1', editUrl: 'https://docs.google.com/forms/d/e/x/edit' },
  };

  it('gives the form edit link only where the text is private to the applicant', () => {
    expect(howToFix(formCase, true)).toContain('https://docs.google.com/forms/d/e/x/edit');
    expect(howToFix(formCase, false)).not.toContain('docs.google.com');
    expect(howToFix(formCase, false)).toContain('Edit jawaban');
  });

  it('says how per channel, always with the office counter as the other way', () => {
    for (const channel of ['google_form', 'sp4n_lapor', 'walk_in', 'letter'] as const) {
      expect(howToFix({ channel }, true)).toMatch(/loket Dinas .*dokumen aslinya/);
    }
    expect(howToFix({ channel: 'sp4n_lapor' }, true)).toContain('SP4N-LAPOR!');
  });

  it("lists each requirement once, in the standard's order, and can leave the officer's note out", () => {
    const service = findService('rekomendasi-bbm')!;
    const checklist = {
      foto_usaha: { status: 'invalid' as const, issues: ['Foto usaha belum diisi.', 'Foto buram.'] },
      ktp: { status: 'invalid' as const, issues: ['Foto buram.', 'Foto buram.'] },
      kk: { status: 'ok' as const, issues: [] },
    };
    expect(openIssuesByRequirement({ checklist }, service)).toEqual([
      'Fotokopi KTP — Foto buram.',
      'Foto Usaha — Foto usaha belum diisi. Foto buram.',
    ]);
    expect(openIssuesByRequirement({ checklist }, service, 'Foto buram.')).toEqual([
      'Fotokopi KTP',
      'Foto Usaha — Foto usaha belum diisi.',
    ]);
  });
});
