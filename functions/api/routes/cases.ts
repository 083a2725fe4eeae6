import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { apiRouter, jsonBody, jsonOk } from '../openapi';
import {
  actionsFor,
  attachmentName,
  CASE_ID,
  caseworkRoles,
  type CaseRecord,
  Instant,
  MailAddress,
  maskDigitRuns,
  requirePlausibleInstant,
  Channel,
  findService,
  formatWib,
  LoketError,
  maskEmail,
  maskedAnswers,
  maskPhone,
  mayOpenDocuments,
  notFound,
  openIssues,
  requestAttachmentRetry,
  roleLabel,
  slaState,
  stateOf,
  STEP_DATA,
  stepRoles,
  toWibIso,
  workflowFor,
  ADMIN_ROLE,
  dutyRoles,
  caseService,
} from '@loket/core';
import type { Deps } from '../../deps';
import { copyAttachments, INLINE_COPY_BUDGET_MS } from '../../intake/attachments';
import { documentLink } from '../../cases/documents';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

const ATTACHMENT_TEXT = {
  pending: 'Menunggu disalin dari Google Drive',
  stored: 'Tersimpan',
  failed: 'Gagal disalin dari Google Drive',
  rejected: 'Ditolak (ukuran atau jenis berkas)',
} as const;

const iso = (ms?: number) => (ms === undefined ? null : toWibIso(ms));

/** A case as officers see it: personal data masked, deadlines in WIB, the actions this officer may take. */
const staffCaseView = (c: CaseRecord, actorRoles: string[], now: number) => {
  const service = caseService(c);
  const wf = workflowFor(service);
  const state = stateOf(wf, c.state);
  return {
    id: c.id,
    trackingNumber: c.trackingNumber,
    version: c.version,
    service: { id: service.id, name: service.name, sla: service.sla.text },
    state: {
      id: state.id,
      label: state.label,
      kind: state.kind,
      responsible:
        stepRoles(wf, state.id)
          .map((r) => roleLabel(r))
          .join(', ') || null,
    },
    channel: c.channel,
    applicant: c.confidential
      ? { name: 'Dirahasiakan' }
      : {
          name: c.applicant.name,
          email: c.applicant.email && maskEmail(c.applicant.email),
          phone: c.applicant.phone && maskPhone(c.applicant.phone),
        },
    answers: maskedAnswers(service, c),
    // Answers to questions the mapping did not know: free text, so any NIK/KK-shaped number is masked.
    unmatchedAnswers: (c.unmatchedAnswers ?? []).map((u) => ({ title: u.title, values: u.values.map(maskDigitRuns) })),
    checklist: c.checklist,
    openIssues: openIssues(c),
    attachments: c.attachments.map((a) => ({
      fieldId: a.fieldId,
      fileName: attachmentName(c, actorRoles, a.fileName),
      mimeType: a.mimeType,
      status: a.status,
      size: a.size ?? null,
      attempts: a.attempts,
      statusText:
        ATTACHMENT_TEXT[a.status] +
        (a.status === 'failed' && a.nextAttemptAt !== undefined ? `; dicoba lagi ${formatWib(a.nextAttemptAt)}` : ''),
      problem: a.lastError ?? null,
      file:
        a.status === 'stored' && mayOpenDocuments(c, actorRoles)
          ? `/api/cases/${c.id}/files/${a.fieldId}/${a.sha256}`
          : null,
    })),
    assigneeId: c.assigneeId ?? null,
    sla: {
      state: slaState(c.clock, now, c.closedAt),
      receivedAt: iso(c.clock.receivedAt),
      countFrom: iso(c.clock.countFrom),
      targetAt: iso(c.clock.targetAt),
      atRiskAt: iso(c.clock.atRiskAt),
      dueAt: iso(c.clock.dueAt),
      dueAtText:
        c.clock.dueAt === undefined
          ? 'Dijeda: menunggu perbaikan dari pemohon'
          : formatWib(c.clock.dueAt) + (c.clock.estimated ? ' (perkiraan)' : ''),
      estimated: c.clock.estimated,
      pauses: c.clock.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to) })),
      closedAt: iso(c.closedAt),
    },
    letterNumber: c.letterNumber ?? null,
    actions: actionsFor(c, actorRoles).map((t) => ({ event: t.event, label: t.label, noteRequired: !!t.noteRequired })),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
};

const Answers = z
  .record(z.string().max(64), z.array(z.string().max(10_000)).max(20))
  .refine((a) => Object.keys(a).length <= 60, 'paling banyak 60 isian');
const RegisterCase = z.object({
  serviceId: z.string().max(64),
  channel: Channel.exclude(['google_form', 'sp4n_lapor']),
  receivedAt: Instant.optional(),
  applicant: z.object({
    name: z.string().trim().min(1).max(200),
    email: MailAddress.optional(),
    phone: z.string().max(30).optional(),
  }),
  answers: Answers.default({}),
});
const Versioned = { expectedVersion: z.number().int().positive() };
const CaseId = z.object({ id: z.string().regex(CASE_ID).meta({ description: 'case id (ULID)' }) });
const FileParams = CaseId.extend({ fieldId: z.string().max(64), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const ListQuery = z.object({ assignee: z.string().max(64).optional().meta({ description: '"me" or a staff id' }) });
/** `data`: what some steps need besides the note (a refusal's Pasal 17 ground, a forward's target agency). */
/** What each kind of step records in `data`, from the one declaration the console's forms also read. */
const STEP_DATA_DOC =
  "What the step records besides its note, by the transition's `requires`: " +
  Object.entries(STEP_DATA)
    .map(
      ([kind, fields]) =>
        `${kind}: ${fields.map((f) => `${f.name}${f.required ? '' : '?'} (${f.description})`).join(', ')}`,
    )
    .join('; ');
const Act = z.object({
  event: z.string().max(64),
  note: z.string().max(5000).optional(),
  data: z.record(z.string().max(40), z.string().max(3000)).optional().describe(STEP_DATA_DOC),
  ...Versioned,
});
const Check = z.object({
  requirementId: z.string().max(64),
  status: z.enum(['ok', 'invalid']),
  note: z.string().max(2000).optional(),
  ...Versioned,
});
const Assign = z.object({ assigneeId: z.string().max(64), ...Versioned });

export const caseRoutes = (deps: Deps) => {
  const app = apiRouter<StaffEnv>('/api/cases');
  app.use(requireStaff(deps));
  // Case ids are ULIDs; anything else cannot name a case (and must not reach a storage key): 404.
  const caseIdOnly = createMiddleware(async (c, next) => {
    if (!CASE_ID.test(c.req.param('id') ?? '')) throw notFound('Berkas');
    await next();
  });
  app.use('/:id', caseIdOnly);
  app.use('/:id/*', caseIdOnly);
  const view = (c: CaseRecord, roles: string[]) => staffCaseView(c, roles, deps.time.now());
  const tags = ['Berkas (petugas)'];

  /** Walk-in, paper letter or internal request registered by an officer. */
  app.openapi(
    {
      method: 'post',
      path: '/',
      tags,
      staff: true,
      summary: 'Register a walk-in, letter or internal request',
      request: jsonBody(RegisterCase),
      responses: jsonOk('the new case', 201),
      errorStatuses: [400, 403, 404, 413],
    },
    async (c) => {
      const actor = c.get('actor');
      requireRole(actor, caseworkRoles(), 'mendaftarkan permohonan');
      const body = c.req.valid('json');
      if (!findService(body.serviceId)) throw notFound(`Layanan "${body.serviceId}"`);
      const { record } = await deps.cases.open({
        serviceId: body.serviceId,
        channel: body.channel,
        applicant: body.applicant,
        answers: body.answers,
        receivedAt: body.receivedAt
          ? requirePlausibleInstant(Date.parse(body.receivedAt), deps.time.now(), 'receivedAt')
          : deps.time.now(),
        actorId: actor.id,
      });
      c.get('log').info('case registered', { caseId: record.id, serviceId: record.serviceId });
      return c.json(view(record, actor.roles), 201);
    },
  );

  app.openapi(
    {
      method: 'get',
      path: '/',
      tags,
      staff: true,
      summary: 'Open cases, or the cases of one officer',
      request: { query: ListQuery },
      responses: jsonOk('cases, personal data masked'),
    },
    async (c) => {
      const actor = c.get('actor');
      const q = c.req.valid('query').assignee;
      const assignee = q === 'me' ? actor.id : q;
      const list = assignee ? await deps.repo.listByAssignee(assignee) : await deps.repo.listOpen();
      return c.json({ cases: list.map((x) => view(x, actor.roles)) }, 200);
    },
  );

  app.openapi(
    {
      method: 'get',
      path: '/{id}',
      tags,
      staff: true,
      summary: 'One case',
      request: { params: CaseId },
      responses: jsonOk('the case, personal data masked'),
      errorStatuses: [404],
    },
    async (c) => c.json(view(await deps.cases.get(c.req.valid('param').id), c.get('actor').roles), 200),
  );

  app.openapi(
    {
      method: 'get',
      path: '/{id}/events',
      tags,
      staff: true,
      summary: 'The audit trail of a case',
      request: { params: CaseId },
      responses: jsonOk('events, oldest first'),
      errorStatuses: [404],
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await deps.cases.get(id);
      const events = await deps.cases.events(id);
      return c.json({ events: events.map((e) => ({ ...e, at: toWibIso(e.at) })) }, 200);
    },
  );

  /** Every look is written to the case's access log first; administrators do not read applicants' documents. */
  app.openapi(
    {
      method: 'get',
      path: '/{id}/files/{fieldId}/{sha256}',
      tags,
      staff: true,
      summary: 'A 5-minute link to one stored document (logged)',
      request: { params: FileParams },
      responses: jsonOk('{url, expiresAt}'),
      errorStatuses: [403, 404],
    },
    async (c) => {
      const actor = c.get('actor');
      requireRole(actor, caseworkRoles(), 'membuka dokumen pemohon');
      const p = c.req.valid('param');
      return c.json(await documentLink(deps, await deps.cases.get(p.id), p.fieldId, p.sha256, actor), 200);
    },
  );

  /** Copies given up after every retry are tried again now (e.g. once the Drive folder is shared). */
  app.openapi(
    {
      method: 'post',
      path: '/{id}/files/retry',
      tags,
      staff: true,
      summary: 'Copy again the files given up after every retry',
      request: { params: CaseId },
      responses: jsonOk('the case'),
      errorStatuses: [403, 404, 409, 422],
    },
    async (c) => {
      const actor = c.get('actor');
      requireRole(actor, caseworkRoles(), 'meminta salin ulang berkas');
      const { id } = c.req.valid('param');
      const change = await deps.cases.applySystemChange(id, (x) =>
        requestAttachmentRetry(x, { actorId: actor.id, now: deps.time.now() }),
      );
      if (!change) throw new LoketError('invalid_transition', 'Tidak ada berkas yang menunggu salin ulang.');
      await copyAttachments(deps, id, INLINE_COPY_BUDGET_MS);
      return c.json(view(await deps.cases.get(id), actor.roles), 200);
    },
  );

  app.openapi(
    {
      method: 'get',
      path: '/{id}/access-log',
      tags,
      staff: true,
      summary: 'Who opened which document or showed personal data, when',
      request: { params: CaseId },
      responses: jsonOk('accesses'),
      errorStatuses: [403, 404],
    },
    async (c) => {
      requireRole(c.get('actor'), [...dutyRoles('accessLog'), ADMIN_ROLE], 'melihat log akses dokumen');
      const { id } = c.req.valid('param');
      await deps.cases.get(id);
      const log = await deps.repo.documentAccessLog(id);
      return c.json({ accesses: log.map((a) => ({ ...a, at: toWibIso(a.at) })) }, 200);
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/{id}/transitions',
      tags,
      staff: true,
      summary: "Move a case along its service's procedure",
      request: { params: CaseId, ...jsonBody(Act) },
      responses: jsonOk('the case'),
      errorStatuses: [400, 403, 404, 409, 422],
    },
    async (c) => {
      const body = c.req.valid('json');
      const change = await deps.cases.act(c.req.valid('param').id, { ...body, actor: c.get('actor') });
      c.get('log').info('case transition', {
        caseId: change.record.id,
        event: body.event,
        from: change.event.from,
        to: change.event.to,
      });
      return c.json(view(change.record, c.get('actor').roles), 200);
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/{id}/checklist',
      tags,
      staff: true,
      summary: 'Record the check of one requirement (officers of the current step)',
      request: { params: CaseId, ...jsonBody(Check) },
      responses: jsonOk('the case'),
      errorStatuses: [400, 403, 404, 409, 422],
    },
    async (c) => {
      const change = await deps.cases.checkRequirement(c.req.valid('param').id, {
        ...c.req.valid('json'),
        actor: c.get('actor'),
      });
      return c.json(view(change.record, c.get('actor').roles), 200);
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/{id}/assign',
      tags,
      staff: true,
      summary: 'Assign (disposisi) a case to an officer of its current step',
      request: { params: CaseId, ...jsonBody(Assign) },
      responses: jsonOk('the case'),
      errorStatuses: [400, 403, 404, 409, 422],
    },
    async (c) => {
      const actor = c.get('actor');
      const body = c.req.valid('json');
      const change = await deps.cases.assign(c.req.valid('param').id, {
        assigneeId: body.assigneeId,
        expectedVersion: body.expectedVersion,
        actor,
      });
      return c.json(view(change.record, actor.roles), 200);
    },
  );
  return app;
};
