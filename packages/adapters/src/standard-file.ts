import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { checkStandard, formatPath, type Standard, type StandardProblem } from '@loket/core';
import type { LineCounter, Node } from 'yaml';

/**
 * The YAML parser, loaded only when a document is read and checked (locally, by the CLI, at deploy).
 * A deployed function reads the deploy's checked JSON and never loads it, so it stays out of the
 * functions' bundles (a required module is not bundled) and off their cold start.
 */
const yaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** A problem as `standard check` prints it: the document's path, its line when known, what is expected. */
export interface LocatedProblem extends StandardProblem {
  where: string;
  line?: number;
}

/** Where a path of keys ends in a parsed YAML document (the deepest node that exists on it). */
const lineOf = (root: Node | null, path: (string | number)[], lines: LineCounter): number | undefined => {
  const { isMap, isSeq } = yaml();
  let node: Node | null | undefined = root;
  let found = node;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true) as Node | undefined;
    else if (isSeq(node) && typeof key === 'number') node = node.get(key, true) as Node | undefined;
    else break;
    if (!node) break;
    found = node;
  }
  return found?.range ? lines.linePos(found.range[0]).line : undefined;
};

/**
 * Reads and checks an office's standard (YAML or JSON). Never throws for a bad document: the problems
 * come back with their paths and lines; only a file that cannot be read throws.
 */
export const readStandard = (file: string): { standard?: Standard; problems: LocatedProblem[] } => {
  const text = readFileSync(file, 'utf8');
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length)
    return {
      problems: doc.errors.map((e) => ({
        path: [],
        where: '(sintaks)',
        line: lines.linePos(e.pos[0]).line,
        message: `YAML/JSON tidak dapat dibaca: ${e.code === 'DUPLICATE_KEY' ? 'kunci ganda' : e.message.split('\n')[0]}`,
      })),
    };
  const { standard, problems } = checkStandard(doc.toJS({ maxAliasCount: 1000 }));
  return {
    standard,
    problems: problems.map((p) => ({ ...p, where: formatPath(p.path), line: lineOf(doc.contents, p.path, lines) })),
  };
};

export const describeProblem = (p: LocatedProblem) => `${p.where}${p.line ? ` (baris ${p.line})` : ''}: ${p.message}`;

/** Where the standard file is: relative paths from the task root in Lambda, the working directory locally. */
export const standardPath = (file: string) => resolve(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), file);

/**
 * Loads a standard the desk will run, or fails with every problem it has. A `*.checked.json` is the
 * deploy's own output of a document that checked (infra/standard.ts): it is parsed, not checked again.
 */
export const loadStandard = (file: string): Standard => {
  if (file.endsWith('.checked.json')) return JSON.parse(readFileSync(standardPath(file), 'utf8')) as Standard;
  const { standard, problems } = readStandard(standardPath(file));
  if (!standard)
    throw new Error(
      `office standard ${file} does not check:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`,
    );
  return standard;
};
