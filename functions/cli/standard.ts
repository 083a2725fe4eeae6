import { existsSync } from 'node:fs';
import { readStandard, describeProblem, standardPath } from '@loket/adapters';
import {
  type Service,
  type Standard,
  roleLabel,
  slaLine,
  spanText,
  standardJsonSchema,
  theStandard,
  workflowFor,
} from '@loket/core';
import { stringify } from 'yaml';
import { CliError } from './target';

/**
 * `loket standard check|show|export`: the tools of the people who keep an office's standard
 * (docs/STANDARD.md). `check` and `show` read a file and need no desk; `export` prints the document the
 * target desk runs (connect() installs it, as the desk does at start).
 */
const readOrFail = (file: string) => {
  const path = standardPath(file);
  if (!existsSync(path)) throw new CliError(`no such file: ${file}`, 1);
  return readStandard(path);
};

const check = (file: string | undefined) => {
  if (!file) throw new CliError('give the document to check: loket standard check <file.yaml>');
  const { standard, problems } = readOrFail(file);
  if (!standard) {
    process.stdout.write(problems.map((p) => `${file}: ${describeProblem(p)}`).join('\n') + '\n');
    throw new CliError(`${problems.length} masalah di ${file}`, 1);
  }
  process.stdout.write(
    `${file}: baik — ${standard.office.name}, versi ${standard.version}: ${standard.services.length} layanan, ${Object.keys(standard.roles).length} peran\n`,
  );
};

const serviceSummary = (s: Service) => {
  const wf = workflowFor(s);
  const clock = `${slaLine(s)} — batas ${spanText(s.sla.limit)}`;
  const lines = [
    `${s.number}. ${s.name} [${s.id}, kode ${s.code}]`,
    `   Jangka waktu : ${clock}`,
    `   Biaya        : ${s.cost}`,
    `   Produk       : ${s.product}${s.letter ? ` (surat bernomor, klasifikasi ${s.letter.classificationCode})` : ''}`,
    ...(s.referral ? [`   Diterbitkan  : ${s.referral.system}${s.referral.url ? ` (${s.referral.url})` : ''}`] : []),
    `   Persyaratan  : ${s.requirements.length}, kanal: ${s.channels.join(', ')}`,
    '   Langkah:',
    ...s.steps.map((st, i) => `     ${i + 1}) ${st.label} — ${roleLabel(st.role)}`),
    '   Alur:',
    ...wf.transitions.map(
      (t) => `     ${t.from.join('|')} → ${t.to}: ${t.label} [${t.roles.map(roleLabel).join(', ')}]`,
    ),
  ];
  return lines.join('\n');
};

export const showStandard = (doc: Standard) =>
  [
    `${doc.title} (versi ${doc.version})`,
    doc.decree,
    `Kantor : ${doc.office.name}, ${doc.office.address}; ${doc.office.phone}`,
    `Jam    : ${doc.office.hoursText}${doc.office.hoursOverrides.length ? ` (+${doc.office.hoursOverrides.length} jadwal khusus)` : ''}`,
    `Nomor surat: ${doc.office.letterNumber.format} (wilayah ${doc.office.letterNumber.regionCode}, unit ${doc.office.letterNumber.unitCode}); penanda tangan: ${doc.office.signatory.title}`,
    `Peran  : ${Object.entries(doc.roles)
      .map(([id, r]) => `${r.label} (${id})`)
      .join(', ')}`,
    '',
    ...doc.services.map(serviceSummary).flatMap((s) => [s, '']),
  ].join('\n');

export const standardCommand = async (argv: string[], connect: () => Promise<{ db: { destroy(): void } }>) => {
  const [sub, file, ...extra] = argv;
  if (extra.length) throw new CliError(`unexpected arguments: ${extra.join(' ')}`);
  if (sub === 'check') return check(file);
  if (sub === 'show') {
    if (!file) return void process.stdout.write(showStandard(theStandard()) + '\n');
    const { standard, problems } = readOrFail(file);
    if (!standard)
      throw new CliError(`${file} does not check (${problems.length} problems): run loket standard check ${file}`, 1);
    // Labels and workflows resolve against the installed standard: show the file's own.
    const { installStandard } = await import('@loket/core');
    installStandard(standard);
    return void process.stdout.write(showStandard(standard) + '\n');
  }
  if (sub === 'export') {
    if (file) throw new CliError(`unexpected arguments: ${file}`);
    const deps = await connect();
    deps.db.destroy();
    const header = `# The standard the desk runs (version ${theStandard().version}), defaults filled in. Check: npx loket standard check <file>\n`;
    return void process.stdout.write(header + stringify(theStandard(), { lineWidth: 0 }));
  }
  if (sub === 'schema') {
    if (file) throw new CliError(`unexpected arguments: ${file}`);
    return void process.stdout.write(standardJsonSchema() + '\n');
  }
  throw new CliError('loket standard check <file> | standard show [file] | standard export | standard schema');
};
