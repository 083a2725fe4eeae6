import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services, theStandard, workflowFor } from '@loket/core';

/**
 * The standard is data: a service, an office role or a step event is named only in the office's
 * document (standards/*.yaml); the shared steps every procedure gets are named once, in
 * workflow/build.ts. Code asks the document for a concept (a duty, an effect, a step's `requires` or
 * `laporReply`, a service's `letter`, `publicInformation` or `laporIntake`, a field's `applicantName`),
 * never for an id, so a second office changes its document, not the code. Tests are exempt.
 */
const CATALOG = [/^packages\/core\/src\/workflow\/build\.ts$/];
const EXEMPT: RegExp[] = [];

const ids = new Map<string, string>();
for (const s of services()) {
  ids.set(s.id, 'service');
  for (const t of workflowFor(s).transitions) ids.set(t.event, 'step event');
}
for (const r of Object.keys(theStandard().roles)) ids.set(r, 'role');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(f) ? [path] : [];
  });

describe('no service, role or step event named outside the catalog', () => {
  it('finds none as a string literal in packages/core, packages/adapters or functions', () => {
    const files = ['packages/core/src', 'packages/adapters/src', 'functions']
      .flatMap(sources)
      .filter((f) => !CATALOG.some((re) => re.test(f)) && !EXEMPT.some((re) => re.test(f)));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(['"`])([a-z][a-z0-9_-]*)\1/g)) {
        const kind = ids.get(m[2]!);
        if (kind) found.push(`${file}:${text.slice(0, m.index).split('\n').length} ${kind} "${m[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
