import * as z from 'zod';
import type { CaseRecord } from '../case/model';
import type { Service } from '../standard/schema';
import { workflowFor } from '../workflow/definitions';
import { formatWib, nextMonth, wibInstant, wibMonth } from '../sla/wib';
import { office, services } from '../standard/current';

/**
 * The Klinik KUKM's monthly schedule (docs/RULES.md §1, klinik-kukm): consultation and training
 * sessions by date, time, topic (the five product areas) and konsultan, each with a capacity. An
 * applicant qualified for a topic is booked into a session when the Admin Klinik schedules them.
 */
export const KLINIK_TOPICS = [
  'Legalitas Usaha',
  'Manajemen Usaha',
  'Proses Produksi',
  'Pemasaran',
  'Permodalan',
] as const;

export const SessionInput = z.lazy(() =>
  z.object({
    // Each message names its field as the form labels it: the officer reads it beside that field.
    date: z
      .string({ error: 'Tanggal wajib diisi.' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk tahun-bulan-tanggal, contoh: 2026-12-08.'),
    time: z
      .string({ error: 'Jam mulai wajib diisi.' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam mulai harus berbentuk jam:menit, contoh: 09:00.'),
    topic: z.enum(KLINIK_TOPICS, { error: 'Pilih topik sesi.' }),
    konsultanId: z.string({ error: 'Pilih konsultan.' }).min(1, 'Pilih konsultan.').max(64, 'Pilih konsultan.'),
    capacity: z.coerce
      .number({ error: 'Kapasitas harus berupa angka.' })
      .int('Kapasitas harus bilangan bulat.')
      .min(1, 'Kapasitas sedikitnya 1 orang.')
      .max(200, 'Kapasitas paling banyak 200 orang.'),
  }),
);
export type SessionInput = z.infer<typeof SessionInput>;

export interface KlinikSession extends SessionInput {
  id: string;
  konsultanName: string;
  /** Cases booked into it, in booking order. */
  booked: string[];
  createdBy: string;
}

export const sessionStart = (s: Pick<KlinikSession, 'date' | 'time'>) => wibInstant(s.date, s.time);
export const seatsLeft = (s: KlinikSession) => s.capacity - s.booked.length;

/** The topics a klinik request asks for (its "jenis layanan yang dibutuhkan" answers). */
export const topicsOf = (c: CaseRecord) =>
  (c.answers.kebutuhan ?? []).filter((t): t is (typeof KLINIK_TOPICS)[number] =>
    (KLINIK_TOPICS as readonly string[]).includes(t),
  );

/** Sessions a case can be booked into: not started yet, seats left, on a topic it asked for. */
export const sessionsFor = (c: CaseRecord, sessions: KlinikSession[], now: number) => {
  const topics = topicsOf(c);
  return sessions
    .filter(
      (s) =>
        sessionStart(s) > now &&
        seatsLeft(s) > 0 &&
        (topics.length === 0 || topics.includes(s.topic)) &&
        !s.booked.includes(c.id),
    )
    .sort((a, b) => sessionStart(a) - sessionStart(b));
};

/** What the applicant is told (the scheduling step's note, mailed with it). */
export const scheduleNote = (s: KlinikSession) =>
  `Jadwal ${scheduleName()}: ${formatWib(sessionStart(s))}, topik ${s.topic}, konsultan ${s.konsultanName}. Mohon hadir 15 menit sebelumnya di ${office().address}.`;

/** The month's evaluation the standard asks for: sessions, seats, bookings, per topic. */
export const klinikEvaluation = (sessions: KlinikSession[]) => {
  const capacity = sessions.reduce((n, s) => n + s.capacity, 0);
  const booked = sessions.reduce((n, s) => n + s.booked.length, 0);
  return {
    sessions: sessions.length,
    capacity,
    booked,
    fillRate: capacity ? Math.round((booked / capacity) * 1000) / 10 : undefined,
    byTopic: KLINIK_TOPICS.map((topic) => {
      const of = sessions.filter((s) => s.topic === topic);
      return { topic, sessions: of.length, booked: of.reduce((n, s) => n + s.booked.length, 0) };
    }),
  };
};

export const monthOfSession = (date: string) => date.slice(0, 7);

/** The months a booking can look at: this one and the next. */
export const bookableMonths = (now: number) => {
  const month = wibMonth(now);
  return [month, nextMonth(month)];
};

/** Whether a service books its requests into clinic sessions (a step of it takes a seat). */
export const usesKlinikSessions = (s: Service) => workflowFor(s).transitions.some((t) => t.requires === 'klinik_seat');

/** The service whose applicants are booked into sessions, if the office has one. */
export const sessionService = () => services().find(usesKlinikSessions);
/** What the office calls its session schedule ("Klinik KUKM"), from its standard. */
export const scheduleName = () => sessionService()?.schedule?.name ?? 'Jadwal layanan';
