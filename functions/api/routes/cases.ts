import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import {
  availableTransitions, type CaseRecord, Instant, MailAddress, maskDigitRuns, requirePlausibleInstant, Channel, findService, formatWib, LoketError, maskEmail, maskedAnswers, maskPhone, notFound, openIssues,
  requestAttachmentRetry, ROLE_LABELS, slaState, STAFF_ROLES, stateOf, toWibIso, workflowFor,
} from '@loket/core';
import type { Deps } from '../../deps';
import { copyAttachments, INLINE_COPY_BUDGET_MS } from '../../intake/attachments';
import { documentLink } from '../../cases/documents';
import { jsonBody } from './body';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

const ATTACHMENT_TEXT = {
  pending: 'Menunggu disalin dari Google Drive',
  stored: 'Tersimpan',
  failed: 'Gagal disalin dari Google Drive',
  rejected: 'Ditolak (ukuran atau jenis berkas)',
} as const;
const CASE_ID = /^[0-9A-Za-z_-]{1,64}$/;

const iso = (ms?: number) => (ms === undefined ? null : toWibIso(ms));

/** A case as officers see it: personal data masked, deadlines in WIB, the actions this officer may take. */
export const staffCaseView = (c: CaseRecord, actorRoles: string[], now: number) => {
  const service = findService(c.serviceId)!;
  const wf = workflowFor(service);
  const state = stateOf(wf, c.state);
  return {
    id: c.id,
    trackingNumber: c.trackingNumber,
    version: c.version,
    service: { id: service.id, name: service.name, sla: service.sla.text },
    state: { id: state.id, label: state.label, kind: state.kind, responsible: state.role ? ROLE_LABELS[state.role] : null },
    channel: c.channel,
    applicant: c.confidential
      ? { name: 'Dirahasiakan' }
      : { name: c.applicant.name, email: c.applicant.email && maskEmail(c.applicant.email), phone: c.applicant.phone && maskPhone(c.applicant.phone) },
    answers: maskedAnswers(service, c),
    // Answers to questions the mapping did not know: free text, so any NIK/KK-shaped number is masked.
    unmatchedAnswers: (c.unmatchedAnswers ?? []).map((u) => ({ title: u.title, values: u.values.map(maskDigitRuns) })),
    checklist: c.checklist,
    openIssues: openIssues(c),
    attachments: c.attachments.map((a) => ({
      fieldId: a.fieldId, fileName: maskDigitRuns(a.fileName), mimeType: a.mimeType, status: a.status, size: a.size ?? null, attempts: a.attempts,
      statusText: ATTACHMENT_TEXT[a.status] + (a.status === 'failed' && a.nextAttemptAt !== undefined ? `; dicoba lagi ${formatWib(a.nextAttemptAt)}` : ''),
      problem: a.lastError ?? null,
      file: a.status === 'stored' ? `/api/cases/${c.id}/files/${a.fieldId}/${a.sha256}` : null,
    })),
    assigneeId: c.assigneeId ?? null,
    sla: {
      state: slaState(c.clock, now, c.closedAt),
      receivedAt: iso(c.clock.receivedAt),
      countFrom: iso(c.clock.countFrom),
      targetAt: iso(c.clock.targetAt),
      atRiskAt: iso(c.clock.atRiskAt),
      dueAt: iso(c.clock.dueAt),
      dueAtText: c.clock.dueAt === undefined ? 'Dijeda: menunggu perbaikan dari pemohon' : formatWib(c.clock.dueAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
      estimated: c.clock.estimated,
      pauses: c.clock.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to) })),
      closedAt: iso(c.closedAt),
    },
    letterNumber: c.letterNumber ?? null,
    actions: availableTransitions(wf, c.state)
      .filter((t) => t.roles.some((r) => actorRoles.includes(r)))
      .map((t) => ({ event: t.event, label: t.label, noteRequired: !!t.noteRequired })),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
};

const Answers = z.record(z.string().max(64), z.array(z.string().max(10_000)).max(20)).refine((a) => Object.keys(a).length <= 60, 'paling banyak 60 isian');
const RegisterCase = z.object({
  serviceId: z.string().max(64),
  channel: Channel.exclude(['google_form', 'sp4n_lapor']),
  receivedAt: Instant.optional(),
  applicant: z.object({ name: z.string().trim().min(1).max(200), email: MailAddress.optional(), phone: z.string().max(30).optional() }),
  answers: Answers.default({}),
});
const Versioned = { expectedVersion: z.number().int().positive() };
const Act = z.object({ event: z.string().max(64), note: z.string().max(5000).optional(), ...Versioned });
const Check = z.object({ requirementId: z.string().max(64), status: z.enum(['ok', 'invalid']), note: z.string().max(2000).optional(), ...Versioned });
const Assign = z.object({ assigneeId: z.string().max(64), ...Versioned });

export const caseRoutes = (deps: Deps) => {
  const app = new Hono<StaffEnv>();
  app.use(requireStaff(deps));
  // Case ids are ULIDs; anything else cannot name a case (and must not reach a storage key).
  const caseIdOnly = createMiddleware(async (c, next) => {
    if (!CASE_ID.test(c.req.param('id') ?? '')) throw notFound('Berkas');
    await next();
  });
  app.use('/:id', caseIdOnly);
  app.use('/:id/*', caseIdOnly);
  const view = (c: CaseRecord, roles: string[]) => staffCaseView(c, roles, deps.time.now());

  /** Walk-in, paper letter or internal request registered by an officer. */
  app.post('/', async (c) => {
    const actor = c.get('actor');
    requireRole(actor, STAFF_ROLES.filter((r) => r !== 'admin'), 'mendaftarkan permohonan');
    const body = await jsonBody(c, RegisterCase);
    if (!findService(body.serviceId)) throw notFound(`Layanan "${body.serviceId}"`);
    const { record } = await deps.cases.open({
      serviceId: body.serviceId, channel: body.channel, applicant: body.applicant, answers: body.answers,
      receivedAt: body.receivedAt ? requirePlausibleInstant(Date.parse(body.receivedAt), deps.time.now(), 'receivedAt') : deps.time.now(), actorId: actor.id,
    });
    c.get('log').info('case registered', { caseId: record.id, serviceId: record.serviceId });
    return c.json(view(record, actor.roles), 201);
  });

  app.get('/', async (c) => {
    const actor = c.get('actor');
    const assignee = c.req.query('assignee') === 'me' ? actor.id : c.req.query('assignee');
    const list = assignee ? await deps.repo.listByAssignee(assignee) : await deps.repo.listOpen();
    return c.json({ cases: list.map((x) => view(x, actor.roles)) });
  });

  app.get('/:id', async (c) => c.json(view(await deps.cases.get(c.req.param('id')), c.get('actor').roles)));

  app.get('/:id/events', async (c) => {
    await deps.cases.get(c.req.param('id'));
    const events = await deps.cases.events(c.req.param('id'));
    return c.json({ events: events.map((e) => ({ ...e, at: toWibIso(e.at) })) });
  });

  /**
   * A short-lived link to one stored document. Every look is written to the case's access log first;
   * administrators configure the desk and do not read applicants' documents.
   */
  app.get('/:id/files/:fieldId/:sha256', async (c) => {
    const actor = c.get('actor');
    requireRole(actor, STAFF_ROLES.filter((r) => r !== 'admin'), 'membuka dokumen pemohon');
    const record = await deps.cases.get(c.req.param('id'));
    return c.json(await documentLink(deps, record, c.req.param('fieldId'), c.req.param('sha256'), actor.id));
  });

  /** Copies given up after every retry are tried again now (e.g. once the Drive folder is shared). */
  app.post('/:id/files/retry', async (c) => {
    const actor = c.get('actor');
    requireRole(actor, STAFF_ROLES.filter((r) => r !== 'admin'), 'meminta salin ulang berkas');
    const id = c.req.param('id');
    const change = await deps.cases.applySystemChange(id, (x) => requestAttachmentRetry(x, { actorId: actor.id, now: deps.time.now() }));
    if (!change) throw new LoketError('invalid_transition', 'Tidak ada berkas yang menunggu salin ulang.');
    await copyAttachments(deps, id, INLINE_COPY_BUDGET_MS);
    return c.json(view(await deps.cases.get(id), actor.roles));
  });

  /** Who opened which document of a case, and when. */
  app.get('/:id/access-log', async (c) => {
    requireRole(c.get('actor'), ['kepala_dinas', 'sekretaris_dinas', 'admin'], 'melihat log akses dokumen');
    await deps.cases.get(c.req.param('id'));
    const log = await deps.repo.documentAccessLog(c.req.param('id'));
    return c.json({ accesses: log.map((a) => ({ ...a, at: toWibIso(a.at) })) });
  });

  app.post('/:id/transitions', async (c) => {
    const body = await jsonBody(c, Act);
    const change = await deps.cases.act(c.req.param('id'), { ...body, actor: c.get('actor') });
    c.get('log').info('case transition', { caseId: change.record.id, event: body.event, from: change.event.from, to: change.event.to });
    return c.json(view(change.record, c.get('actor').roles));
  });

  app.post('/:id/checklist', async (c) => {
    const body = await jsonBody(c, Check);
    const change = await deps.cases.checkRequirement(c.req.param('id'), { ...body, actor: c.get('actor') });
    return c.json(view(change.record, c.get('actor').roles));
  });

  app.post('/:id/assign', async (c) => {
    const actor = c.get('actor');
    const body = await jsonBody(c, Assign);
    const assignee = await deps.staff.get(body.assigneeId);
    if (!assignee?.active) throw notFound(`Petugas "${body.assigneeId}"`);
    const change = await deps.cases.assign(c.req.param('id'), { assignee, expectedVersion: body.expectedVersion, actor });
    return c.json(view(change.record, actor.roles));
  });
  return app;
};
