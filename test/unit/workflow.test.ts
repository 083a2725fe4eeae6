import { describe, expect, it } from 'vitest';
import {
  type Actor,
  LoketError,
  type Role,
  services,
  staffRoles,
  stateOf,
  transition,
  type WorkflowDefinition,
  workflowFor,
} from '@loket/core';

const ALL_ROLES: Role[] = [...staffRoles(), 'pemohon'];
const ctxOk = { incompleteRequirements: [] as string[], channel: 'walk_in', letterIssued: true };
const noteFor = 'Catatan petugas';

/** Every path from the initial state to a terminal state, taking each revision loop at most once. */
const allPaths = (def: WorkflowDefinition) => {
  const paths: string[][] = [];
  const walk = (state: string, path: string[], seen: Map<string, number>) => {
    if (stateOf(def, state).kind === 'terminal') {
      paths.push(path);
      return;
    }
    for (const t of def.transitions.filter((x) => x.from.includes(state))) {
      const key = `${state}:${t.event}`;
      if ((seen.get(key) ?? 0) >= 1) continue;
      walk(t.to, [...path, t.event], new Map(seen).set(key, (seen.get(key) ?? 0) + 1));
    }
  };
  walk(def.initial, [], new Map());
  return paths;
};

const errCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof LoketError ? e.code : 'other';
  }
  return 'none';
};

describe.each(services().map((s) => [s.id, workflowFor(s)] as const))('workflow %s', (_id, def) => {
  it('walks every path to an end with the right roles', () => {
    const paths = allPaths(def);
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      let state = def.initial;
      for (const event of path) {
        const t = def.transitions.find((x) => x.event === event && x.from.includes(state))!;
        const actor: Actor = { id: 'x', roles: [t.roles[0]!] };
        state = transition(def, state, event, actor, ctxOk, noteFor).to;
      }
      expect(stateOf(def, state).kind).toBe('terminal');
    }
  });

  it('refuses every transition to a role that does not hold it', () => {
    for (const t of def.transitions) {
      for (const from of t.from) {
        for (const role of ALL_ROLES.filter((r) => !t.roles.includes(r))) {
          expect(
            errCode(() => transition(def, from, t.event, { id: 'x', roles: [role] }, ctxOk, noteFor)),
            `${from} ${t.event} as ${role}`,
          ).toBe('forbidden');
        }
      }
    }
  });

  it('refuses events that do not leave the current state, and anything after the end', () => {
    const events = [...new Set(def.transitions.map((t) => t.event))];
    for (const s of def.states) {
      for (const event of events) {
        if (def.transitions.some((t) => t.event === event && t.from.includes(s.id))) continue;
        expect(errCode(() => transition(def, s.id, event, { id: 'x', roles: ALL_ROLES }, ctxOk, noteFor))).toBe(
          'invalid_transition',
        );
      }
    }
    expect(errCode(() => transition(def, def.initial, 'terbang', { id: 'x', roles: ALL_ROLES }, ctxOk))).toBe(
      'invalid_transition',
    );
  });

  it('asks for a written reason where one is required, and holds guarded steps until the file is complete', () => {
    for (const t of def.transitions) {
      const actor = { id: 'x', roles: t.roles };
      if (t.noteRequired)
        expect(errCode(() => transition(def, t.from[0]!, t.event, actor, ctxOk, '  '))).toBe('validation');
      if (t.guard === 'requirements_complete') {
        expect(
          errCode(() =>
            transition(def, t.from[0]!, t.event, actor, { ...ctxOk, incompleteRequirements: ['KTP'] }, noteFor),
          ),
        ).toBe('validation');
      }
    }
  });

  it('lets the requester withdraw from every open state and stops the clock at the end', () => {
    // An internal request (sosialisasi) is withdrawn by the organising unit's officers, not an applicant.
    const requester = def.transitions.find((t) => t.event === 'batalkan')!.roles[0]!;
    expect(def.serviceId === 'sosialisasi' ? requester : 'pemohon').toBe(
      def.serviceId === 'sosialisasi' ? 'sub_koordinator' : requester,
    );
    for (const s of def.states.filter((x) => x.kind !== 'terminal')) {
      const r = transition(def, s.id, 'batalkan', { id: 'p', roles: [requester] }, ctxOk, 'Tidak jadi');
      expect(r.to).toBe('dibatalkan');
      expect(r.effects).toContain('stop_clock');
    }
  });
});

describe('workflow specifics', () => {
  const byId = (id: string) => workflowFor(services().find((s) => s.id === id)!);
  const act = (def: WorkflowDefinition, state: string, event: string, role: Role, ctx = ctxOk) =>
    transition(def, state, event, { id: 'x', roles: [role] }, ctx, noteFor);

  it('a revision request pauses the clock and the resubmission resumes it at the same check', () => {
    const def = byId('rekomendasi-bbm');
    const r = act(def, 'kualifikasi_pemohon', 'minta_perbaikan', 'fungsional_umum');
    expect(r).toMatchObject({ to: 'perbaikan', effects: ['pause_clock', 'notify_applicant'] });
    expect(act(def, 'perbaikan', 'serahkan_perbaikan', 'pemohon')).toMatchObject({
      to: 'kualifikasi_pemohon',
      effects: ['resume_clock', 'notify_assignee'],
    });
  });

  it('a BBM recommendation asks for a letter number when it is issued', () => {
    expect(act(byId('rekomendasi-bbm'), 'penomoran', 'beri_nomor', 'fungsional_umum').effects).toContain(
      'request_letter_number',
    );
  });

  it('a branch approval is handed over only once its letter is signed and issued', () => {
    const def = byId('kantor-cabang-ksp');
    const handover = def.transitions.find((t) => t.guard === 'letter_issued')!;
    expect(handover.from).toEqual(['penyerahan']);
    const role = handover.roles[0]!;
    expect(errCode(() => act(def, 'penyerahan', handover.event, role, { ...ctxOk, letterIssued: false }))).toBe(
      'validation',
    );
    expect(act(def, 'penyerahan', handover.event, role).to).toBe('selesai');
  });

  it('online consultations have no third tier (Kepala Unit)', () => {
    const def = byId('konsultasi');
    expect(
      errCode(() =>
        act(def, 'konsultasi_sub_koordinator', 'eskalasi', 'sub_koordinator', { ...ctxOk, channel: 'google_form' }),
      ),
    ).toBe('validation');
    expect(act(def, 'konsultasi_sub_koordinator', 'eskalasi', 'sub_koordinator').to).toBe('arahan_kepala_unit');
  });

  it('a survey that finds the office unfit ends in refusal', () => {
    expect(act(byId('kantor-cabang-ksp'), 'survei_lapangan', 'survei_tidak_layak', 'petugas_survei').to).toBe(
      'ditolak',
    );
  });

  it('an exempted information request ends in a numbered refusal letter', () => {
    const r = act(byId('data-informasi'), 'analisis', 'dikecualikan', 'sub_koordinator');
    expect(r.to).toBe('ditolak');
    expect(r.effects).toEqual(['request_letter_number', 'stop_clock', 'notify_applicant']);
  });
});
