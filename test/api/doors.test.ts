import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICANT_ROLE,
  ADMIN_ROLE,
  availableTransitions,
  type CaseEvent,
  type CaseRecord,
  type Field,
  type KlinikSession,
  type LetterStep,
  nextLetterStep,
  type Role,
  type Service,
  services,
  serviceFields,
  STEP_DATA,
  type StepRecord,
  SHARED_EVENTS,
  stateOf,
  type TransitionDef,
  wibDate,
  WITHDRAWN,
  workflowFor,
} from '@loket/core';
import { issueStaffToken } from '../../functions/api/auth';
import { createSession } from '../../functions/klinik/schedule';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { consoleCookie, manualClock, useTestWorld } from '../helpers/deps';

/**
 * One rulebook, two doors. Random walks through every service's procedure take each step twice at the
 * same instant: on one case through the JSON API, on its twin through the console's forms. Both doors
 * must answer alike (done, 403, 422) and leave the same records, timeline and mails; so must steps
 * that are refused (a role that does not work the step, a step that does not leave it).
 */
const clock = manualClock('2026-11-25T09:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true });
const WALKS_PER_SERVICE = 4;

/** A deterministic generator (mulberry32), so a failing walk is replayed by its seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
type Rng = ReturnType<typeof random>;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** A valid answer for each kind of field (a walk-in's document is on paper: any value). */
const sampleAnswer = (f: Field): string =>
  ({
    nik: '3514014107900001',
    kk: '3514010101200003',
    nib: '1234567890123',
    phone: '081234567890',
    email: 'pemohon@contoh.id',
    number: '3',
    money: '2500000',
    date: '2026-11-02',
    choice: f.options?.[0] ?? 'Ya',
    document: 'berkas-kertas',
  })[f.kind as string] ?? 'Contoh isian';
const answersFor = (s: Service) => Object.fromEntries(serviceFields(s).map((f) => [f.id, [sampleAnswer(f)]]));

/** What each kind of step records (STEP_DATA), as the same valid values for both doors. */
const stepData = (
  requires: StepRecord | undefined,
  s: Service,
  sessionId: string,
  today: string,
): Record<string, string | string[]> | undefined => {
  if (!requires) return undefined;
  const values: Record<StepRecord, Record<string, string | string[]>> = {
    refusal_ground: {
      ground: 'h',
      consequenceTest: 'Membuka data keuangan pribadi anggota merugikan privasi mereka.',
      exemptionPeriod: 'Selama pemilik data tidak memberi izin',
    },
    outside_approval: { approvedOn: today, notaNumber: '005/123/424.085/2026' },
    forward_target: { institutionId: '42' },
    revision_items: { requirements: s.requirements.slice(0, 2).map((r) => r.id) },
    klinik_seat: { sessionId },
  };
  expect(Object.keys(values[requires]).sort()).toEqual(STEP_DATA[requires].map((f) => f.name).sort());
  return values[requires];
};

type Outcome = 'done' | number;
interface Door {
  act(
    id: string,
    staffId: string,
    event: string,
    note: string,
    data: Record<string, string | string[]> | undefined,
  ): Promise<Outcome>;
  check(id: string, staffId: string, requirementId: string): Promise<Outcome>;
  /** The letter's next paraf, or its signature (the desk certificate: no passphrase). */
  letterStep(letterId: string, staffId: string, kind: LetterStep['kind']): Promise<Outcome>;
}

const version = async (id: string) => (await world.deps.cases.get(id)).version;

const apiDoor: Door = {
  async act(id, staffId, event, note, data) {
    const body = {
      event,
      note,
      expectedVersion: await version(id),
      ...(data ? { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, [v].flat().join(',')])) } : {}),
    };
    return outcome(await world.app.request(`/api/cases/${id}/transitions`, json(staffId, body)), 200);
  },
  async check(id, staffId, requirementId) {
    return outcome(
      await world.app.request(
        `/api/cases/${id}/checklist`,
        json(staffId, { requirementId, status: 'ok', expectedVersion: await version(id) }),
      ),
      200,
    );
  },
  async letterStep(letterId, staffId, kind) {
    const path = `/api/letters/${letterId}/${kind === 'initial' ? 'paraf' : 'sign'}`;
    return outcome(await world.app.request(path, json(staffId, kind === 'sign' ? { passphrase: '' } : {})), 200);
  },
};
const json = (staffId: string, body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: {
    authorization: `Bearer ${issueStaffToken(world.deps.config.LOKET_AUTH_SECRET, staffId, clock.now())}`,
    'content-type': 'application/json',
  },
});
const outcome = async (res: Response, ok: number): Promise<Outcome> => {
  await res.arrayBuffer();
  // The console answers a step done with a redirect to the case and its message.
  if (ok === 303 && res.status === 303)
    expect(res.headers.get('location')).toMatch(/^\/konsol\/berkas\/[^/?]+\?pesan=/);
  return res.status === ok ? 'done' : res.status;
};

const consoleDoor: Door = {
  async act(id, staffId, event, note, data) {
    const form = new URLSearchParams({ note, expectedVersion: String(await version(id)) });
    for (const [k, v] of Object.entries(data ?? {})) for (const x of [v].flat()) form.append(k, x);
    return outcome(await world.app.request(`/konsol/berkas/${id}/tindakan/${event}`, await post(staffId, form)), 303);
  },
  async check(id, staffId, requirementId) {
    const form = new URLSearchParams({ requirementId, expectedVersion: String(await version(id)) });
    return outcome(await world.app.request(`/konsol/berkas/${id}/persyaratan`, await post(staffId, form)), 303);
  },
  async letterStep(letterId, staffId, kind) {
    const form = new URLSearchParams(kind === 'sign' ? { passphrase: '' } : {});
    const path = `/konsol/surat/${letterId}/${kind === 'initial' ? 'paraf' : 'tandatangan'}`;
    const res = await world.app.request(path, await post(staffId, form));
    await res.arrayBuffer();
    // Done, the console goes back to the letter's page with its message; refused, it says why there too.
    return res.status === 303 && /\?pesan=/.test(res.headers.get('location') ?? '') ? 'done' : res.status;
  },
};
/** A form post in the officer's console session; a walk outlasts the idle timeout, so each post signs in afresh. */
const post = async (staffId: string, form: URLSearchParams) => {
  const cookie = await consoleCookie(world.app, staffId);
  return {
    method: 'POST',
    headers: { origin: 'http://localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  };
};

/** A case and its timeline with everything that names the case itself (ids, numbers, survey token) replaced. */
const comparable = async (id: string) => {
  const c = await world.deps.cases.get(id);
  const events = await world.deps.repo.events(id);
  // A letter's PDF differs by its number, so its hash does too.
  const timeline = events.map(({ caseId: _, ...e }: CaseEvent) =>
    e.data?.sha256 ? { ...e, data: { ...e.data, sha256: 'SHA' } } : e,
  );
  return normalise(c, { record: { ...c, survey: c.survey && { until: c.survey.until } }, events: timeline });
};
const normalise = (c: CaseRecord, value: unknown) => {
  let text = JSON.stringify(value);
  for (const [own, placeholder] of [
    [c.id, 'ID'],
    [c.trackingNumber, 'TRK'],
    [c.applicant.email!, 'EMAIL'],
    [c.letterNumber, 'NOMOR'],
    [c.letterId, 'SURAT'],
    [c.survey?.token, 'TOKEN'],
  ] as const) {
    if (own) text = text.replaceAll(own, placeholder);
  }
  // A letter's download link is signed for that letter.
  return JSON.parse(text.replace(/\/unduh\/[\w-]+/g, '/unduh/TAUTAN')) as unknown;
};
/** The mails a case caused (to the applicant or to officers), in a stable order. */
const mailsOf = async (id: string) => {
  const c = await world.deps.cases.get(id);
  const mine = world.catcher.mail.filter(
    (m) => [m.subject, m.text].some((t) => t.includes(c.trackingNumber)) || m.to.includes(c.applicant.email!),
  );
  return mine
    .map((m) => normalise(c, { to: m.to, subject: m.subject, text: m.text }))
    .map((m) => JSON.stringify(m))
    .sort();
};

describe('the JSON API and the console enforce one rulebook: random walks with the same steps get the same records, mails and refusals', () => {
  let session: KlinikSession;
  /** Every kind of step that records data, and the shared revision loop and refusal, are walked somewhere. */
  const taken = new Set<string>();
  afterAll(() => {
    const wanted = [...Object.keys(STEP_DATA), SHARED_EVENTS.resubmit, SHARED_EVENTS.refuse, SHARED_EVENTS.withdraw];
    expect(wanted.filter((w) => !taken.has(w))).toEqual([]);
  });
  beforeAll(async () => {
    await seedDemoLetterSettings(world.deps);
    session = await createSession(
      world.deps,
      { date: '2026-12-08', time: '09:00', topic: 'Legalitas Usaha', konsultanId: 'konsultan', capacity: '50' },
      { id: 'admin-klinik', roles: ['admin_klinik'] },
    );
  });

  for (const [index, service] of services().entries()) {
    it(
      service.id,
      async () => {
        const staff = await world.deps.staff.list();
        const officerOf = (role: Role) => staff.find((s) => s.active && s.roles.includes(role))!.id;
        let steps = 0;
        let refusals = 0;
        const wf = workflowFor(service);
        const events = [...new Set(wf.transitions.map((t) => t.event))];
        const officerRoles = (t: TransitionDef) => t.roles.filter((r) => r !== APPLICANT_ROLE);
        for (let walk = 0; walk < WALKS_PER_SERVICE; walk++) {
          const seed = index * 100 + walk;
          const rng = random(seed);
          const open = (who: string) =>
            world.deps.cases.open({
              serviceId: service.id,
              channel: (['walk_in', 'internal', 'letter'] as const).find((ch) => service.channels.includes(ch))!,
              applicant: { name: 'Pemohon Dua Pintu', email: `${who}-${seed}@pintu.test` },
              answers: answersFor(service),
              receivedAt: clock.now(),
              actorId: 'frontdesk',
            });
          const viaApi = (await open('api')).record.id;
          const viaConsole = (await open('konsol')).record.id;
          const both = async (label: string, fn: (door: Door, id: string) => Promise<Outcome>) => {
            const a = await fn(apiDoor, viaApi);
            const b = await fn(consoleDoor, viaConsole);
            expect(b, `${label} (seed ${seed}): console vs API`).toEqual(a);
            expect(await comparable(viaConsole), `${label} (seed ${seed})`).toEqual(await comparable(viaApi));
            return a;
          };
          for (let n = 0; n < 14; n++) {
            const state = (await world.deps.cases.get(viaApi)).state;
            if (stateOf(wf, state).kind === 'terminal') break;
            const here = availableTransitions(wf, state);
            // Refused alike: a step that does not leave this state, and a role that does not work the step.
            const elsewhere = events.filter((e) => !here.some((t) => t.event === e));
            if (elsewhere.length) {
              const event = pick(rng, elsewhere);
              expect(
                await both(`${state} ${event} not here`, (d, id) =>
                  d.act(
                    id,
                    officerOf(
                      pick<Role>(rng, officerRoles(here[0]!).length ? officerRoles(here[0]!) : ['kepala_dinas']),
                    ),
                    event,
                    'Catatan.',
                    undefined,
                  ),
                ),
              ).toBe(422);
              refusals++;
            }
            const workable = here.filter((t) => officerRoles(t).length);
            const chosen = pick(
              rng,
              workable.filter((t) => t.to !== WITHDRAWN || rng() < 0.15).concat(workable.slice(0, 1)),
            );
            const outsider = staff.find(
              (s) =>
                s.active &&
                s.roles.length &&
                !s.roles.some((r) => chosen.roles.includes(r as Role)) &&
                !s.roles.includes(ADMIN_ROLE),
            );
            if (outsider) {
              expect(
                await both(`${state} ${chosen.event} by ${outsider.id}`, (d, id) =>
                  d.act(id, outsider.id, chosen.event, 'Catatan.', undefined),
                ),
              ).toBe(403);
              refusals++;
            }
            if (chosen.guard === 'requirements_complete') {
              const checker = officerOf(officerRoles(chosen)[0]!);
              for (const r of service.requirements)
                await both(`${state} check ${r.id}`, (d, id) => d.check(id, checker, r.id));
            }
            if (chosen.guard === 'letter_issued')
              for (const [door, id] of [
                [apiDoor, viaApi],
                [consoleDoor, viaConsole],
              ] as const) {
                // Not numbered yet, the guard refuses the step alike on both doors.
                const letterId = (await world.deps.cases.get(id)).letterId;
                for (let step = letterId && nextLetterStep((await world.deps.letters.get(letterId))!); step;) {
                  expect(await door.letterStep(letterId!, officerOf(step.role as Role), step.kind)).toBe('done');
                  step = nextLetterStep((await world.deps.letters.get(letterId!))!);
                }
              }
            const actor = officerOf(pick(rng, officerRoles(chosen)));
            const data = stepData(chosen.requires, service, session.id, wibDate(clock.now()));
            const result = await both(`${state} ${chosen.event} by ${actor}`, (d, id) =>
              d.act(id, actor, chosen.event, 'Alasan dan catatan tertulis.', data),
            );
            // Only a guard that this case cannot meet (a face-to-face step on a written request) refuses a valid step.
            if (result !== 'done')
              expect(chosen.guard, `${service.id} ${state} ${chosen.event} (seed ${seed}): ${result}`).toBe(
                'face_to_face_channel',
              );
            else {
              steps++;
              taken.add(chosen.event).add(chosen.requires ?? chosen.event);
            }
            // Minutes, not days: the walk stays before the clinic session it books.
            clock.advance(Math.floor(rng() * 30) * 60_000);
          }
          expect(await mailsOf(viaConsole), `${service.id} mails (seed ${seed})`).toEqual(await mailsOf(viaApi));
        }
        expect(steps).toBeGreaterThanOrEqual(WALKS_PER_SERVICE);
        expect(refusals).toBeGreaterThanOrEqual(WALKS_PER_SERVICE);
      },
      120_000,
    );
  }
});
