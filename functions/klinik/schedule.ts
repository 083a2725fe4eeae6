import { randomBytes } from 'node:crypto';
import { type Actor, type KlinikSession, LoketError, SessionInput, hasDuty } from '@loket/core';
import type { Deps } from '../deps';

/** The ports this use-case reaches (not the whole composition root). */
export type KlinikDeps = Pick<Deps, 'klinik' | 'staff'>;

export const sessionsOfMonths = async (deps: KlinikDeps, months: string[]) =>
  (await Promise.all(months.map((m) => deps.klinik.month(m)))).flat();

/** The Admin Klinik adds a session; the konsultan must be an active officer holding that role. */
export const createSession = async (deps: KlinikDeps, form: Record<string, unknown>, actor: Actor) => {
  if (!hasDuty(actor.roles, 'klinikSchedule'))
    throw new LoketError('forbidden', 'Hanya Admin Klinik yang menyusun jadwal.');
  const parsed = SessionInput.safeParse(form);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
    throw new LoketError('validation', fields[0]!.message, fields);
  }
  const konsultan = await deps.staff.get(parsed.data.konsultanId);
  if (!konsultan?.active || !hasDuty(konsultan.roles, 'klinikConsultant')) {
    throw new LoketError('validation', 'Pilih konsultan yang aktif.', [
      { field: 'konsultanId', message: 'Konsultan tidak dikenal.' },
    ]);
  }
  const session: KlinikSession = {
    ...parsed.data,
    id: randomBytes(6).toString('hex'),
    konsultanName: konsultan.name,
    booked: [],
    createdBy: actor.id,
  };
  await deps.klinik.put(session);
  return session;
};
