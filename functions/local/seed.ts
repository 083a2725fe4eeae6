import { ensureTable } from '@loket/adapters';
import { services, type StaffMember } from '@loket/core';
import type { Deps } from '../deps';

/**
 * Demo staff directory: one officer per role of the standard, each reporting to the head of their
 * field, the Kepala Dinas at the top. E-mails go to the local SMTP catcher only.
 */
const DEMO_STAFF: StaffMember[] = [
  { id: 'kadis', name: 'Kepala Dinas (demo)', email: 'kadis@demo.loket.local', roles: ['kepala_dinas'], active: true },
  {
    id: 'sekdis',
    name: 'Sekretaris Dinas (demo)',
    email: 'sekdis@demo.loket.local',
    roles: ['sekretaris_dinas'],
    superiorId: 'kadis',
    active: true,
  },
  {
    id: 'kabid-kp',
    name: 'Kabid Kelembagaan dan Pengawasan (demo)',
    email: 'kabid.kp@demo.loket.local',
    roles: ['kabid_kelembagaan_pengawasan'],
    superiorId: 'kadis',
    active: true,
  },
  {
    id: 'kabid-um',
    name: 'Kabid Usaha Mikro (demo)',
    email: 'kabid.um@demo.loket.local',
    roles: ['kabid_usaha_mikro'],
    superiorId: 'kadis',
    active: true,
  },
  {
    id: 'kabid-pk',
    name: 'Kabid Pemberdayaan Koperasi (demo)',
    email: 'kabid.pk@demo.loket.local',
    roles: ['kabid_pemberdayaan_koperasi'],
    superiorId: 'kadis',
    active: true,
  },
  {
    id: 'subkoor',
    name: 'Sub Koordinator (demo)',
    email: 'subkoor@demo.loket.local',
    roles: ['sub_koordinator'],
    superiorId: 'kabid-pk',
    active: true,
  },
  {
    id: 'kasi-hukum',
    name: 'Kasi Hukum dan Advokasi (demo)',
    email: 'kasi.hukum@demo.loket.local',
    roles: ['kasi_hukum_advokasi'],
    superiorId: 'kabid-kp',
    active: true,
  },
  {
    id: 'pengawas',
    name: 'Pengawas Koperasi (demo)',
    email: 'pengawas@demo.loket.local',
    roles: ['pengawas_koperasi'],
    superiorId: 'kabid-kp',
    active: true,
  },
  {
    id: 'surveyor',
    name: 'Petugas Survei Lapangan (demo)',
    email: 'survei@demo.loket.local',
    roles: ['petugas_survei'],
    superiorId: 'kasi-hukum',
    active: true,
  },
  {
    id: 'admin-klinik',
    name: 'Admin Klinik KUKM (demo)',
    email: 'admin.klinik@demo.loket.local',
    roles: ['admin_klinik'],
    superiorId: 'kabid-pk',
    active: true,
  },
  {
    id: 'konsultan',
    name: 'Konsultan Klinik KUKM (demo)',
    email: 'konsultan@demo.loket.local',
    roles: ['konsultan_klinik'],
    superiorId: 'kabid-pk',
    active: true,
  },
  {
    id: 'fungsional',
    name: 'Fungsional Umum (demo)',
    email: 'fungsional@demo.loket.local',
    roles: ['fungsional_umum'],
    superiorId: 'kabid-um',
    active: true,
  },
  {
    id: 'penelaah',
    name: 'Penelaah Pengembangan Usaha (demo)',
    email: 'penelaah@demo.loket.local',
    roles: ['penelaah_pengembangan_usaha'],
    superiorId: 'kabid-um',
    active: true,
  },
  {
    id: 'pengelola-data',
    name: 'Pengelola Data (demo)',
    email: 'data@demo.loket.local',
    roles: ['pengelola_data'],
    superiorId: 'kabid-um',
    active: true,
  },
  {
    id: 'pengaduan',
    name: 'Petugas Pengaduan (demo)',
    email: 'pengaduan@demo.loket.local',
    roles: ['petugas_pengaduan'],
    superiorId: 'sekdis',
    active: true,
  },
  {
    id: 'frontdesk',
    name: 'Petugas Layanan (demo)',
    email: 'frontdesk@demo.loket.local',
    roles: ['petugas_layanan'],
    superiorId: 'sekdis',
    active: true,
  },
  {
    id: 'admin',
    name: 'Administrator (demo)',
    email: 'admin@demo.loket.local',
    roles: ['admin'],
    superiorId: 'sekdis',
    active: true,
  },
];

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
  for (const member of DEMO_STAFF) {
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
      answers: { nama_pemohon: ['Pemohon Contoh'] },
      receivedAt: deps.time.now(),
      actorId: 'demo-seed',
    });
    if (created) added++;
  }
  return added;
};
