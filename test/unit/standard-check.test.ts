import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStandard } from '@loket/adapters';
import { standardJsonSchema } from '@loket/core';

/**
 * `standard check` on broken documents: each is the invented second office with one mistake an
 * editor could make, and the check must name where it is (path and line) and what is expected.
 */
const FIXTURE = 'test/fixtures/standards/kecamatan-sumberwaras.yaml';
const text = readFileSync(FIXTURE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'loket-standard-'));
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const broken = (name: string, edit: (t: string) => string) => {
  const file = join(dir, `${name}.yaml`);
  const changed = edit(text);
  expect(changed, `${name} must change the document`).not.toBe(text);
  writeFileSync(file, changed);
  return readStandard(file).problems;
};

describe('loket standard check', () => {
  it('passes both shipped documents', () => {
    for (const f of ['standards/dinkop-pasuruan.yaml', FIXTURE]) expect(readStandard(f).problems, f).toEqual([]);
  });

  const cases: [string, (t: string) => string, string, RegExp, number | undefined][] = [
    [
      'version-as-number',
      (t) => t.replace("version: '2026.2'", 'version: 2026.2'),
      'version',
      /tanda kutip/,
      lineOf('version:'),
    ],
    [
      'unknown-key',
      (t) => t.replace('      startsWhen: complete', '      startWhen: complete'),
      'services[0].sla',
      /startWhen/,
      undefined,
    ],
    [
      'unknown-role',
      (t) => t.replace('          role: kasi_pelayanan,', '          role: kasi_umum,'),
      'services[0].steps[1].role',
      /peran "kasi_umum" tidak ada/,
      lineOf('          role: kasi_pelayanan,'),
    ],
    [
      'arrow-to-nowhere',
      (t) => t.replace('to: tanda_tangan_camat }', 'to: tanda_tangan_lurah }'),
      'services[0].flow.steps[1].to',
      /langkah "tanda_tangan_lurah" tidak ada/,
      lineOf('event: paraf,'),
    ],
    [
      'bad-unit',
      (t) => t.replace('limit: { amount: 7, unit: calendar_days }', 'limit: { amount: 7, unit: hari }'),
      'services[1].sla.limit.unit',
      /calendar_days/,
      lineOf('limit: { amount: 7, unit: calendar_days }'),
    ],
    [
      'duplicate-code',
      (t) => t.replace('code: SWP', 'code: SKD'),
      'services[1].code',
      /sama dengan services\[0\]\.code/,
      lineOf('code: SWP'),
    ],
    [
      'letter-without-letter',
      (t) =>
        t.replace(
          '            effects: [stop_clock, notify_applicant],',
          '            effects: [request_letter_number, stop_clock],',
        ),
      'services[1].flow.steps[1].effects',
      /tidak punya letter/,
      undefined,
    ],
    [
      'no-end',
      (t) => t.replace('pengadu,\n            to: selesai,', 'pengadu,\n            to: penelaahan,'),
      'services[3].flow.steps',
      /tidak ada langkah yang menuju "selesai"/,
      undefined,
    ],
    [
      'bad-hours',
      (t) => t.replace("'3': { open: '08:00', close: '15:00' }", "'3': { open: '8 pagi', close: '15:00' }"),
      'office.hours.3.open',
      /HH:MM/,
      lineOf("'3': { open:"),
    ],
    [
      'bad-number-format',
      (t) =>
        t.replace(
          "format: '{klasifikasi}/{urut}/{wilayah}.{unit}/{bulan}/{tahun}'",
          "format: '{klasifikasi}/{wilayah}/{tahun}'",
        ),
      'office.letterNumber.format',
      /\{urut\}/,
      lineOf('format:'),
    ],
    [
      'two-applicant-names',
      (t) =>
        t.replace(
          'label: Nama usaha, kind: text, required: true, dataClass: none, maxLength: 200 }',
          'label: Nama usaha, kind: text, required: true, dataClass: none, maxLength: 200, applicantName: true }',
        ),
      'services[0].applicantFields',
      /tepat satu kolom nama pemohon/,
      undefined,
    ],
    [
      'choice-without-options',
      (t) => t.replace('              options: *desa,\n', ''),
      'services[0].requirements[0].fields[0].options',
      /perlu options/,
      undefined,
    ],
    [
      'bad-email',
      (t) => t.replace('email: pelayanan@sumberwaras.tirtajaya.invalid', 'email: pelayanan di kantor'),
      'office.email',
      /email/i,
      lineOf('email: pelayanan@'),
    ],
    [
      'duty-unknown-role',
      (t) => t.replace('frontDesk: [staf_pelayanan]', 'frontDesk: [loket]'),
      'duties.frontDesk[0]',
      /peran "loket" tidak ada/,
      lineOf('frontDesk:'),
    ],
    [
      'yaml-syntax',
      (t) => t.replace('  camat: { label: Camat, unit: pimpinan }', '  camat: { label: Camat, unit: pimpinan'),
      '(sintaks)',
      /YAML\/JSON tidak dapat dibaca/,
      undefined,
    ],
  ];

  it.each(cases)('%s: names the path, the line and what is expected', (name, edit, where, message, line) => {
    const problems = broken(name, edit);
    const hit = problems.find((p) => p.where === where);
    expect(hit, `${name}: ${JSON.stringify(problems)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
    if (line) expect(hit!.line).toBe(line);
    else expect(hit!.line).toBeGreaterThan(0);
  });

  it('exits 1 and prints every problem with its path from the CLI', () => {
    const file = join(dir, 'cli.yaml');
    writeFileSync(
      file,
      text.replace('frontDesk: [staf_pelayanan]', 'frontDesk: [loket]').replace('code: SWP', 'code: SKD'),
    );
    let out = '';
    let status = 0;
    try {
      execFileSync('node', ['bin/loket.mjs', 'standard', 'check', file], { encoding: 'utf8' });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      out = err.stdout;
    }
    expect(status).toBe(1);
    expect(out).toContain('duties.frontDesk[0] (baris');
    expect(out).toContain('services[1].code (baris');
  });

  it('publishes the JSON Schema editors read, in step with the schema (npx loket standard schema)', () => {
    expect(readFileSync('docs/standard.schema.json', 'utf8').trim()).toBe(standardJsonSchema());
  });
});
