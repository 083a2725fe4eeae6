import { randomBytes } from 'node:crypto';
import { type Actor, wibMonth, nextMonth, type KlinikSession, LoketError, scheduleNote, SessionInput } from '@loket/core';
import type { Deps } from '../deps';

/** The months a booking can look at: this one and the next. */
export const bookableMonths = (now: number) => {
  const month = wibMonth(now);
  return [month, nextMonth(month)];
};

export const sessionsOfMonths = async (deps: Deps, months: string[]) => (await Promise.all(months.map((m) => deps.klinik.month(m)))).flat();

/** The Admin Klinik adds a session; the konsultan must be an active officer holding that role. */
export const createSession = async (deps: Deps, form: Record<string, unknown>, actor: Actor) => {
  if (!actor.roles.includes('admin_klinik')) throw new LoketError('forbidden', 'Hanya Admin Klinik yang menyusun jadwal.');
  const parsed = SessionInput.safeParse(form);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: `${String(i.path[0])}: ${i.message.startsWith('tanggal') || i.message.startsWith('jam') ? i.message : 'isian tidak valid'}` }));
    throw new LoketError('validation', fields[0]!.message, fields);
  }
  const konsultan = await deps.staff.get(parsed.data.konsultanId);
  if (!konsultan?.active || !konsultan.roles.includes('konsultan_klinik')) {
    throw new LoketError('validation', 'Pilih konsultan Klinik KUKM yang aktif.', [{ field: 'konsultanId', message: 'Konsultan tidak dikenal.' }]);
  }
  const session: KlinikSession = { ...parsed.data, id: randomBytes(6).toString('hex'), konsultanName: konsultan.name, booked: [], createdBy: actor.id };
  await deps.klinik.put(session);
  return session;
};

/**
 * Schedules a qualified klinik request into a session: the seat is taken first (atomically, never over
 * capacity), then the scheduling step is stored with the session in its note (which the applicant is
 * mailed); should the step fail, the seat is given back.
 */
export const scheduleIntoSession = async (deps: Deps, caseId: string, input: { sessionId: string; actor: Actor; expectedVersion?: number; note?: string }) => {
  const session = (await sessionsOfMonths(deps, bookableMonths(deps.time.now()))).find((s) => s.id === input.sessionId);
  if (!session) throw new LoketError('validation', 'Pilih sesi jadwal Klinik KUKM.', [{ field: 'sessionId', message: 'Pilih sesi.' }]);
  await deps.klinik.book(session, caseId);
  try {
    return await deps.cases.act(caseId, {
      event: 'jadwalkan', actor: input.actor, expectedVersion: input.expectedVersion,
      note: [scheduleNote(session), input.note?.trim()].filter(Boolean).join('\n'), data: { sessionId: session.id },
    });
  } catch (e) {
    await deps.klinik.unbook(session, caseId);
    throw e;
  }
};
