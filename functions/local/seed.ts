import { ensureTable } from '@loket/adapters';
import { ADMIN_ROLE, delegateRoles, nameAnswer, office, services, type StaffMember, theStandard } from '@loket/core';
import type { Deps } from '../deps';

/**
 * The demo staff directory: the standard's own `demo.staff` where it has one, else one officer per
 * role (reporting as the roles' `supervisor` say) and an administrator. E-mails go to the local SMTP
 * catcher only.
 */
export const demoStaff = (): StaffMember[] => {
  const standard = theStandard();
  if (standard.demo) return standard.demo.staff.map((m) => ({ ...m, active: true }));
  const idOf = (role: string) => role.replaceAll('_', '-');
  const officers = Object.entries(standard.roles).map(([role, r]) => ({
    id: idOf(role),
    name: `${r.label} (demo)`,
    email: `${idOf(role)}@demo.loket.local`,
    roles: [role],
    ...(r.supervisor ? { superiorId: idOf(r.supervisor) } : {}),
    active: true,
  }));
  return [
    ...officers,
    { id: 'admin', name: 'Administrator (demo)', email: 'admin@demo.loket.local', roles: [ADMIN_ROLE], active: true },
  ];
};

/** Idempotent: tables, bucket and calendar are created if missing; demo staff written once. */
export const prepareStorage = async (deps: Deps) => {
  const table = await ensureTable(deps.db, deps.config.LOKET_TABLE);
  await deps.files.ensure();
  const calendarSeeded = await deps.calendars.seed();
  return { table, calendarSeeded };
};

export const seedDemoStaff = async (deps: Deps) => {
  const existing = new Set((await deps.staff.list()).map((s) => s.id));
  let added = 0;
  for (const member of demoStaff()) {
    if (existing.has(member.id)) continue;
    await deps.staff.put(member);
    added++;
  }
  return added;
};

/**
 * One demo case per service, received now, so the desk has work to show. Keyed by a fixed external id,
 * so seeding twice (or two desks racing) still gives one case per service.
 */
export const seedDemoCases = async (deps: Deps) => {
  let added = 0;
  for (const s of services()) {
    const { created } = await deps.cases.open({
      serviceId: s.id,
      channel: 'google_form',
      externalKey: { kind: 'google_form', id: `demo-seed-${s.id}` },
      applicant: { name: 'Pemohon Contoh' },
      answers: nameAnswer(s, 'Pemohon Contoh'),
      receivedAt: deps.time.now(),
      actorId: 'demo-seed',
    });
    if (created) added++;
  }
  return added;
};

/**
 * The local desk's letter settings: the demo officers as signatories, each with a made-up NIP, so
 * demo letters can be signed (with the desk certificate). Written only when nobody saved settings yet;
 * a deployed stage starts with the standard's, whose names and NIPs are empty until an administrator
 * fills them, and signs nothing before.
 */
export const seedDemoLetterSettings = async (deps: Deps) => {
  const { data, version } = await deps.letters.settings();
  if (version > 0) return false;
  const person = (role: string, i: number) => ({
    name: demoStaff().find((m) => m.roles.includes(role))?.name ?? `Penanda tangan (demo)`,
    nip: `1970010119950310${String(i).padStart(2, '0')}`,
  });
  await deps.letters.saveSettings(
    {
      ...data,
      signatory: { ...data.signatory, ...person(office().signatory.role, 1) },
      delegates: Object.fromEntries(delegateRoles().map((r, i) => [r, { ...data.delegates[r]!, ...person(r, i + 2) }])),
    },
    0,
  );
  return true;
};
