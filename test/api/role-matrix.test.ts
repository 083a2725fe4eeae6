import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  type CaseRecord,
  defaultCalendar,
  type Role,
  type Service,
  services,
  staffRoles,
  startClock,
  type StepRecord,
  type WorkflowDefinition,
  WorkingCalendar,
  workflowFor,
} from '@loket/core';
import { issueStaffToken } from '../../functions/api/auth';
import { manualClock, useTestWorld } from '../helpers/deps';

/**
 * Every role against every action of every service: allowed → done, otherwise 403 (wrong role) or 422
 * (not possible at this step). Exhaustively over every state with the pure engine, and over the HTTP
 * API at each service's first step, where officers act most.
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock });
const ROLES: Role[] = [...staffRoles(), 'pemohon'];
const calendar = new WorkingCalendar(defaultCalendar());

const recordAt = (serviceId: string, state: string): CaseRecord => {
  const service = services().find((s) => s.id === serviceId)!;
  return {
    id: 'matrix',
    trackingNumber: 'KON-2611-0000000',
    serviceId,
    state,
    version: 1,
    channel: 'walk_in',
    applicant: { name: 'A' },
    answers: {},
    checklist: Object.fromEntries(service.requirements.map((r) => [r.id, { status: 'ok' as const, issues: [] }])),
    attachments: [],
    // Every guard met (requirements checked, walk-in, letter signed): only the roles decide here.
    letterIssuedAt: clock.now(),
    clock: startClock(service.sla, calendar, clock.now()),
    createdAt: clock.now(),
    updatedAt: clock.now(),
  };
};

/** What each kind of step records besides a note (`STEP_DATA`), as a valid sample for a service. */
const SEAT = {
  id: 'sesi-1',
  date: '2026-12-08',
  time: '09:00',
  topic: 'Pemasaran' as const,
  konsultanId: 'k',
  konsultanName: 'K',
  capacity: 5,
  booked: [],
  createdBy: 'a',
};
const SAMPLE: Record<StepRecord, (s: Service) => Record<string, string>> = {
  refusal_ground: () => ({
    ground: 'h',
    consequenceTest: 'Membuka data keuangan pribadi anggota merugikan privasi mereka.',
    exemptionPeriod: 'Selama pemilik data tidak memberi izin',
  }),
  outside_approval: () => ({ approvedOn: '2026-11-25', notaNumber: '005/123/424.085/2026' }),
  forward_target: () => ({}),
  revision_items: (s) => ({ requirements: s.requirements[0]!.id }),
  klinik_seat: () => ({ sessionId: SEAT.id }),
};
const dataFor = (service: Service, wf: WorkflowDefinition, event: string) => {
  const requires = wf.transitions.find((t) => t.event === event && t.requires)?.requires;
  return requires ? SAMPLE[requires](service) : undefined;
};

describe('every role × every action × every service', () => {
  it('the engine allows exactly the roles each step names, and refuses the rest with 403 or 422', () => {
    let checked = 0;
    for (const service of services()) {
      const wf = workflowFor(service);
      const events = [...new Set(wf.transitions.map((t) => t.event))];
      for (const state of wf.states.filter((s) => s.kind !== 'terminal')) {
        for (const event of events) {
          const t = wf.transitions.find((x) => x.event === event && x.from.includes(state.id));
          for (const role of ROLES) {
            const attempt = () =>
              applyTransition(recordAt(service.id, state.id), service, wf, calendar, {
                event,
                actor: { id: 'x', roles: [role] },
                note: 'Alasan tertulis.',
                data: dataFor(service, wf, event),
                seat: SEAT,
                now: clock.now(),
              });
            checked++;
            if (!t)
              expect(attempt, `${service.id} ${state.id} ${event} ${role}`).toThrow(
                expect.objectContaining({ code: 'invalid_transition' }),
              );
            else if (!t.roles.includes(role))
              expect(attempt, `${service.id} ${state.id} ${event} ${role}`).toThrow(
                expect.objectContaining({ code: 'forbidden' }),
              );
            else expect(attempt().record.state, `${service.id} ${state.id} ${event} ${role}`).toBe(t.to);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it("the HTTP API answers 200, 403 or 422 for every role and every action at each service's first step", async () => {
    const tokens = new Map(
      ROLES.filter((r) => r !== 'pemohon').map((r) => [
        r,
        `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, `matrix-${r}`, clock.now())}`,
      ]),
    );
    for (const role of tokens.keys())
      await world.deps.staff.put({
        id: `matrix-${role}`,
        name: role,
        email: `${role}@matrix.local`,
        roles: [role],
        active: true,
      });
    const fresh = async (serviceId: string) => {
      const { record } = await world.deps.cases.open({
        serviceId,
        channel: 'walk_in',
        applicant: { name: 'A' },
        answers: {},
        receivedAt: clock.now(),
        actorId: 'frontdesk',
      });
      const done = await world.deps.cases.applySystemChange(record.id, (c) => ({
        record: {
          ...c,
          version: c.version + 1,
          checklist: Object.fromEntries(
            Object.keys(c.checklist).map((k) => [k, { status: 'ok' as const, issues: [] }]),
          ),
        },
        event: { caseId: c.id, seq: c.version + 1, at: clock.now(), actorId: 'test', type: 'checklist_updated' },
        effects: [],
      }));
      return done!.record;
    };
    const counts = { 200: 0, 403: 0, 422: 0 } as Record<number, number>;
    for (const service of services()) {
      const wf = workflowFor(service);
      const events = [...new Set(wf.transitions.map((t) => t.event))];
      let shared = await fresh(service.id);
      for (const [role, token] of tokens) {
        for (const event of events) {
          const t = wf.transitions.find((x) => x.event === event && x.from.includes(wf.initial));
          const expected = !t ? 422 : t.roles.includes(role) ? 200 : 403;
          const target = expected === 200 ? await fresh(service.id) : shared;
          const res = await world.app.request(`/api/cases/${target.id}/transitions`, {
            method: 'POST',
            headers: { authorization: token, 'content-type': 'application/json' },
            body: JSON.stringify({
              event,
              note: 'Alasan tertulis.',
              data: dataFor(service, wf, event),
              expectedVersion: target.version,
            }),
          });
          expect(res.status, `${service.id} ${wf.initial} ${event} ${role}`).toBe(expected);
          counts[res.status]!++;
          if (expected !== 200) shared = await world.deps.cases.get(shared.id);
        }
      }
    }
    expect(counts[200]).toBeGreaterThan(9);
    expect(counts[403]).toBeGreaterThan(100);
    expect(counts[422]).toBeGreaterThan(100);
  });
});
