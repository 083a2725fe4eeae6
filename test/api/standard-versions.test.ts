import { describe, expect, it } from 'vitest';
import { DynamoStandardArchive } from '@loket/adapters';
import {
  actionsFor,
  caseService,
  installStandard,
  type Standard,
  stateOf,
  theStandard,
  workflowFor,
} from '@loket/core';
import { manualClock, useTestWorld, walkIn } from '../helpers/deps';

/**
 * A change to a live standard is a new version: cases opened before it keep the procedure they were
 * opened under, new cases take the new one, and every version the desk ran is kept in its table.
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });

/** The next version of the standard: the BBM letter's signing step is renamed and signed by the Sekretaris. */
const nextVersion = (s: Standard): Standard => {
  const next = structuredClone(s);
  next.version = '2024.2';
  const bbm = next.services.find((x) => x.id === 'rekomendasi-bbm')!;
  bbm.steps[1] = { ...bbm.steps[1]!, label: 'Paraf dan tanda tangan Sekretaris', role: 'sekretaris_dinas' };
  return next;
};

describe('versions of the standard', () => {
  it('keeps an open case on the version it was opened under and stores every version run', async () => {
    const first = theStandard();
    const before = await walkIn(world.deps, 'rekomendasi-bbm');
    expect(before.standardVersion).toBe(first.version);
    const archive = new DynamoStandardArchive(world.deps.db, world.deps.config.LOKET_TABLE);
    expect((await archive.get(first.version))?.services.length).toBe(first.services.length);

    installStandard(nextVersion(first));
    const after = await walkIn(world.deps, 'rekomendasi-bbm');
    expect(after.standardVersion).toBe('2024.2');
    expect((await archive.get('2024.2'))?.version).toBe('2024.2');

    // The old case reads and is worked by its own version: the Kepala Dinas still signs it.
    const signing = (c: typeof before) => stateOf(workflowFor(caseService(c)), 'tanda_tangan_kadis').label;
    expect(signing(before)).toBe('Tanda tangan Kepala Dinas');
    expect(signing(after)).toBe('Paraf dan tanda tangan Sekretaris');
    const atSigning = { ...before, state: 'tanda_tangan_kadis' };
    expect(actionsFor(atSigning, ['kepala_dinas']).map((t) => t.event)).toContain('tandatangani');
    expect(actionsFor({ ...after, state: 'tanda_tangan_kadis' }, ['kepala_dinas']).map((t) => t.event)).not.toContain(
      'tandatangani',
    );

    // A repeated record of the same version with other content is reported, never overwritten.
    const changed = { ...nextVersion(first), title: 'Diubah tanpa versi baru' };
    expect(await archive.record(changed)).toEqual({ changedWithoutNewVersion: true });
    expect((await archive.get('2024.2'))?.title).toBe(first.title);
    expect(await archive.record(nextVersion(first))).toEqual({ changedWithoutNewVersion: false });
    installStandard(first);
  });
});
