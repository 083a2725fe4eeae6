import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeProblem, readStandard } from '../packages/adapters/src/standard-file';

/**
 * The office this stage serves (DEPLOY.md): `LOKET_STANDARD=<file> npx sst deploy`, by default the
 * repository's own (package.json `loket.standard`). A document that does not check stops the deploy
 * with every problem; one that does is written, defaults filled in, as the checked JSON the functions
 * read at start (`*.checked.json`: parsed, not re-validated, so a cold start pays no schema check).
 */
const file =
  process.env.LOKET_STANDARD ||
  (JSON.parse(readFileSync('package.json', 'utf8')) as { loket: { standard: string } }).loket.standard;
const { standard, problems } = readStandard(resolve(file));
if (!standard)
  throw new Error(
    `LOKET_STANDARD ${file} does not check (npx loket standard check ${file}):\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`,
  );

export const officeStandard = standard;
const CHECKED = resolve('.sst/loket/standard.checked.json');
mkdirSync(dirname(CHECKED), { recursive: true });
writeFileSync(CHECKED, JSON.stringify(standard));

/** Copied into every function's bundle; LOKET_STANDARD names it relative to the task root. */
export const STANDARD_FILE = { from: CHECKED, to: 'standard.checked.json' };

/** The office's sender, as its standard names it. */
export const MAIL_SENDER = standard.office.email;
export const MAIL_FROM = `Loket ${standard.office.shortName} <${standard.office.email}>`;
