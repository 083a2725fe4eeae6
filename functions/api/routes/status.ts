import type { Context } from 'hono';
import { apiRouter, jsonOk } from '../openapi';
import * as z from 'zod';
import { DynamoRateLimiter } from '@loket/adapters';
import {
  type CaseRecord,
  formatWib,
  LoketError,
  parseTrackingNumber,
  slaState,
  stateOf,
  workflowFor,
  caseService,
  howToFix,
} from '@loket/core';
import type { Deps } from '../../deps';
import type { AppEnv } from '../app';
import { clientKey } from '../client-address';

/** Wrong tracking numbers one client may try per 10 minutes before it is slowed down. */
export const MAX_MISSES = 10;

const SLA_TEXT = {
  on_track: 'Sesuai jadwal',
  at_risk: 'Mendekati batas waktu',
  breached: 'Melewati batas waktu',
  met: 'Selesai tepat waktu',
  missed: 'Selesai melewati batas waktu',
  paused: 'Batas waktu berhenti sementara',
  not_started: 'Kelengkapan berkas sedang diperiksa; batas waktu dihitung sejak berkas lengkap',
} as const;

export type PublicStatus = ReturnType<typeof publicStatus>;

/** What anyone holding the tracking number may see: no name, no NIK, no contact, no documents. */
export const publicStatus = (c: CaseRecord, now: number) => {
  const service = caseService(c);
  const wf = workflowFor(service);
  const state = stateOf(wf, c.state);
  const stepIndex = service.steps.findIndex((s) => s.id === c.state);
  const sla = slaState(c.clock, now, c.closedAt);
  return {
    trackingNumber: c.trackingNumber,
    service: { id: service.id, name: service.name, sla: service.sla.text },
    status: {
      id: state.id,
      label: state.label,
      step: stepIndex >= 0 ? stepIndex + 1 : null,
      steps: service.steps.length,
      finished: state.kind === 'terminal',
    },
    receivedAt: formatWib(c.clock.receivedAt),
    expectedCompletion:
      c.clock.targetAt === undefined ? null : formatWib(c.clock.targetAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
    deadline: c.clock.dueAt === undefined ? null : formatWib(c.clock.dueAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
    timeliness: SLA_TEXT[sla],
    needsRevision: state.kind === 'waiting_applicant',
    /** How to send the fix, without the form's private edit link. */
    howToFix: howToFix(c, false),
    /** Requirement labels only: never the officer's note or the applicant's answer. */
    missing: service.requirements
      .filter((r) => ['missing', 'invalid'].includes(c.checklist[r.id]?.status ?? ''))
      .map((r) => r.text),
    lastUpdate: formatWib(c.updatedAt),
  };
};

export type StatusLookupFn = (c: Context<AppEnv>, input: string) => Promise<PublicStatus>;
/** Finds one case for a public lookup; a miss counts against the client like a wrong tracking number. */
export type CaseLookupFn = (
  c: Context<AppEnv>,
  find: () => Promise<CaseRecord | undefined>,
  missMessage: string,
) => Promise<CaseRecord>;

/**
 * Every public lookup of one case (the status page and API by tracking number, Open311 by its id)
 * goes through this one limit: misses are counted per client address and, once there are too many,
 * slowed down (429 with Retry-After), whichever door they came through.
 */
export const caseLookup = (deps: Deps): CaseLookupFn => {
  const limiter = new DynamoRateLimiter(deps.db, deps.config.LOKET_TABLE);

  /**
   * The limiter guards against guessing; it must never be what fails a citizen's lookup. Should the
   * table refuse the counter (throttling, an outage), the lookup goes on and the fault is logged.
   */
  const limited = async <T>(c: Context<AppEnv>, what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      c.get('log').warn('status.rate_limiter_failed', { what, error: String(e) });
      return undefined;
    }
  };

  return async (c, find, missMessage) => {
    const now = deps.time.now();
    const client = clientKey(c);
    if (((await limited(c, 'count', () => limiter.count(client, now))) ?? 0) >= MAX_MISSES) {
      const retryAfter = limiter.retryAfterSeconds(now);
      c.header('Retry-After', String(retryAfter));
      throw new LoketError(
        'rate_limited',
        `Terlalu banyak nomor registrasi yang salah. Coba lagi dalam ${Math.ceil(retryAfter / 60)} menit.`,
      );
    }
    const found = await find();
    if (!found) {
      await limited(c, 'hit', () => limiter.hit(client, now));
      throw new LoketError('not_found', missMessage);
    }
    return found;
  };
};

/** The lookup by tracking number, shared by the JSON API and the status page. */
export const statusLookup = (deps: Deps, lookup: CaseLookupFn): StatusLookupFn => {
  return async (c, input) => {
    const tn = parseTrackingNumber(input);
    const found = await lookup(
      c,
      async () => (tn ? deps.repo.getByTrackingNumber(tn) : undefined),
      'Nomor registrasi tidak ditemukan. Periksa kembali penulisannya, contoh: BBM-2611-7KQ4XHM.',
    );
    return publicStatus(found, deps.time.now());
  };
};

export const statusRoutes = (lookup: StatusLookupFn) => {
  const app = apiRouter<AppEnv>('');
  app.openapi(
    {
      method: 'get',
      path: '/api/status/{tn}',
      tags: ['Publik'],
      summary: 'Public status of a request by its tracking number (no personal data)',
      request: {
        params: z.object({
          tn: z
            .string()
            .meta({ description: 'tracking number, e.g. BBM-2611-7KQ4XHM (case and O/0, I/1 confusions forgiven)' }),
        }),
      },
      responses: jsonOk('the public status'),
      errorStatuses: [404, 429],
    },
    async (c) => c.json(await lookup(c, c.req.valid('param').tn), 200),
  );

  return app;
};
