import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  defaultCalendar,
  findService,
  openCase,
  recordLetterPrepared,
  stepRoles,
  workflowFor,
  WorkingCalendar,
  type CaseRecord,
  type LetterRecord,
} from '@loket/core';

/**
 * What a change writes besides the case is decided by the command (adapters only map it to a put):
 * these run without any store, on the change alone.
 */
const cal = new WorkingCalendar(defaultCalendar());
const now = Date.parse('2026-11-03T09:00:00+07:00');

const atStep = (serviceId: string, state: string, answers: Record<string, string[]> = {}) => {
  const service = findService(serviceId)!;
  const workflow = workflowFor(service);
  const opened = openCase({
    service,
    workflow,
    calendar: cal,
    id: `c-${serviceId}`,
    trackingNumber: 'T-1',
    channel: 'walk_in',
    applicant: { name: 'Siti Aminah' },
    answers,
    receivedAt: now,
    now,
    actorId: 'frontdesk',
  }).record;
  const record: CaseRecord = { ...opened, state };
  const take = (event: string) =>
    applyTransition(record, service, workflow, cal, {
      event,
      now: now + 60_000,
      actor: { id: 'petugas', roles: stepRoles(workflow, state) },
    });
  return { record, take };
};

describe('side writes decided in core', () => {
  it('a step with the effect record_in_registry carries the registry entry, owner masked', () => {
    const { take } = atStep('pendataan-umkm', 'input_ods', {
      nama_usaha: ['Keripik Bu Siti'],
      kecamatan: ['Bangil'],
      tenaga_kerja: ['4'],
    });
    const change = take('tercatat_ods');
    const entry = change.writes?.find((w) => w.kind === 'registry_entry');
    expect(entry).toMatchObject({
      entry: { businessName: 'Keripik Bu Siti', kecamatan: 'Bangil', tenagaKerja: 4, registeredAt: now + 60_000 },
    });
    expect(JSON.stringify(entry)).not.toContain('Siti Aminah');
  });

  it('the issuing step queues its letter, and the letter on the case takes it off the queue', () => {
    const { take } = atStep('kantor-cabang-ksp', 'keputusan_kadis');
    const change = take('setujui');
    expect(change.writes).toEqual([{ kind: 'letter_owed', since: now + 60_000 }]);
    const letter = {
      id: 'L1',
      number: '500/1/424.105/2026',
      issuedBy: 'kadis',
      signing: { role: 'kepala_dinas', initials: [] },
    } as unknown as LetterRecord;
    // Numbered (waiting for its signature), the letter is off the queue; signed later, it writes nothing more.
    expect(recordLetterPrepared(change.record, letter, now + 120_000)?.writes).toEqual([{ kind: 'letter_settled' }]);
  });

  it('a step without such effects writes nothing besides the case', () => {
    expect(atStep('kantor-cabang-ksp', 'survei_lapangan').take('survei_layak').writes).toBeUndefined();
  });
});
