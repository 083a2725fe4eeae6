import { complaintService, services as standardServices } from '../standard/current';
import { serviceTerms } from '../standard/view';
import { ADMIN_ROLE } from '../catalog/roles';
import type { CaseRecord } from '../case/model';
import type { StaffMember } from '../ports';
import type { WorkingCalendar } from '../sla/calendar';
import { slaState, workingTimeBetween } from '../sla/deadline';
import { computeIkm, type IkmResult, requiredSample, type SurveyAnswers } from '../survey/ikm';
import type { Period } from './period';

/**
 * The head of office's report of a period: per service, per officer, complaints and the satisfaction
 * index. Built from the period's cases (received in it), the cases open now and the period's survey
 * answers: nothing else is read (README, "Reports").
 */
interface ServiceRow {
  serviceId: string;
  name: string;
  sla: string;
  received: number;
  finished: number;
  onTime: number;
  late: number;
  /** Finished on time / finished, in percent (undefined when none finished). */
  onTimeRate?: number;
  /** Working time from receipt to finish (service hours, pauses for revision left out). */
  medianWorkingHours?: number;
  p90WorkingHours?: number;
  openNow: number;
  overdueNow: number;
  ikm?: number;
  respondents: number;
}

interface OfficerRow {
  staffId: string;
  name: string;
  open: number;
  overdue: number;
  finished: number;
}

export interface Report {
  period: { label: string; from: string; to: string };
  services: ServiceRow[];
  officers: OfficerRow[];
  complaints: {
    received: number;
    finished: number;
    fromLapor: number;
    medianWorkingHours?: number;
    p90WorkingHours?: number;
  };
  ikm: IkmResult & {
    population: number;
    requiredSample: number;
    sampleReached: boolean;
    byService: Record<string, IkmResult>;
  };
  totals: { received: number; finished: number; onTime: number; onTimeRate?: number };
}

const HOUR = 3_600_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : undefined;

const hours = (ms?: number) => (ms === undefined ? undefined : round1(ms / HOUR));
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : undefined);

export const buildReport = (input: {
  period: Period;
  cases: CaseRecord[];
  openNow: CaseRecord[];
  surveys: { serviceId: string; answers: SurveyAnswers }[];
  staff: StaffMember[];
  calendar: WorkingCalendar;
  now: number;
}): Report => {
  const { period, calendar, now } = input;
  const inPeriod = input.cases.filter((c) => c.clock.receivedAt >= period.from && c.clock.receivedAt < period.to);
  const took = (c: CaseRecord) => workingTimeBetween(calendar, c.clock.receivedAt, c.closedAt!, c.clock.pauses);
  const byService = new Map<string, CaseRecord[]>();
  for (const c of inPeriod) byService.set(c.serviceId, [...(byService.get(c.serviceId) ?? []), c]);

  const services = standardServices().map((s): ServiceRow => {
    const cases = byService.get(s.id) ?? [];
    const finished = cases.filter((c) => c.closedAt !== undefined);
    const onTime = finished.filter((c) => slaState(c.clock, now, c.closedAt) === 'met').length;
    const times = finished.map(took).sort((a, b) => a - b);
    const open = input.openNow.filter((c) => c.serviceId === s.id);
    const answers = input.surveys.filter((r) => r.serviceId === s.id).map((r) => r.answers);
    const ikm = computeIkm(answers);
    return {
      serviceId: s.id,
      name: s.name,
      sla: serviceTerms(s).duration,
      received: cases.length,
      finished: finished.length,
      onTime,
      late: finished.length - onTime,
      onTimeRate: rate(onTime, finished.length),
      medianWorkingHours: hours(percentile(times, 50)),
      p90WorkingHours: hours(percentile(times, 90)),
      openNow: open.length,
      overdueNow: open.filter((c) => slaState(c.clock, now) === 'breached').length,
      ikm: ikm.ikm,
      respondents: ikm.respondents,
    };
  });

  const officers = input.staff
    .filter((s) => s.active && !s.roles.every((r) => r === ADMIN_ROLE))
    .map((s): OfficerRow => {
      const open = input.openNow.filter((c) => c.assigneeId === s.id);
      return {
        staffId: s.id,
        name: s.name,
        open: open.length,
        overdue: open.filter((c) => slaState(c.clock, now) === 'breached').length,
        finished: inPeriod.filter((c) => c.closedAt !== undefined && (c.closedBy ?? c.assigneeId) === s.id).length,
      };
    })
    .filter((o) => o.open + o.finished > 0);

  const complaints = byService.get(complaintService()?.id ?? '') ?? [];
  const complaintTimes = complaints
    .filter((c) => c.closedAt !== undefined)
    .map(took)
    .sort((a, b) => a - b);
  const overall = computeIkm(input.surveys.map((r) => r.answers));
  // The population of the survey: the requests finished in the period.
  const population = inPeriod.filter((c) => c.closedAt !== undefined).length;
  const finishedAll = services.reduce((n, s) => n + s.finished, 0);
  const onTimeAll = services.reduce((n, s) => n + s.onTime, 0);
  return {
    period: { label: period.label, from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    services,
    officers,
    complaints: {
      received: complaints.length,
      finished: complaintTimes.length,
      fromLapor: complaints.filter((c) => c.channel === 'sp4n_lapor').length,
      medianWorkingHours: hours(percentile(complaintTimes, 50)),
      p90WorkingHours: hours(percentile(complaintTimes, 90)),
    },
    ikm: {
      ...overall,
      population,
      requiredSample: requiredSample(population),
      sampleReached: overall.respondents >= requiredSample(population),
      byService: Object.fromEntries(
        standardServices().map((s) => [
          s.id,
          computeIkm(input.surveys.filter((r) => r.serviceId === s.id).map((r) => r.answers)),
        ]),
      ),
    },
    totals: {
      received: inPeriod.length,
      finished: finishedAll,
      onTime: onTimeAll,
      onTimeRate: rate(onTimeAll, finishedAll),
    },
  };
};
