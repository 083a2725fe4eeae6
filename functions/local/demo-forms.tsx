/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import {
  demoFormId,
  findService,
  services,
  parseMailAddress,
  type Field,
  type Service,
  serviceFields,
} from '@loket/core';
import type { AppEnv } from '../api/app';
import type { Deps } from '../deps';
import { signBody } from '../intake/signature';
import { DemoFormPage, DemoSentPage, type DemoAnswers } from '../web/demo-form-page';
import type { FieldError } from '../web/components';
import type { GoogleApi } from './google-emulator';

/** Google Forms' own item types, as `item.getType()` names them to the Apps Script. */
const GOOGLE_TYPE: Partial<Record<Field['kind'], string>> = {
  textarea: 'PARAGRAPH_TEXT',
  choice: 'LIST',
  date: 'DATE',
  document: 'FILE_UPLOAD',
};

type FormsApiAnswer = {
  questionId: string;
  textAnswers?: { answers: { value: string }[] };
  fileUploadAnswers?: { answers: { fileId: string; fileName: string; mimeType: string }[] };
};
type FormsApiResponse = {
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: Record<string, FormsApiAnswer>;
};

const pagePath = (s: Service) => `/contoh/formulir/${s.id}`;
const editPath = (s: Service, responseId: string) => `${pagePath(s)}/ubah/${responseId}`;

/**
 * The local desk's demo forms (issue: a newcomer tries the citizen's whole path in a browser). Each
 * service's form is what its Google Form asks; sending it does what Google and the Apps Script do on a
 * stage: the files go to (emulated) Drive, the response is kept where the Forms API lists it (so the
 * reconciliation finds it too), and the body is signed and posted to the same webhook route.
 */
export const demoFormRoutes = (deps: Deps, google: GoogleApi) => (app: Hono<AppEnv>) => {
  const formOf = (s: Service) => {
    const id = demoFormId(s);
    let form = google.forms.get(id);
    if (!form) {
      form = {
        items: serviceFields(s).map((f) => ({
          questionId: f.id,
          title: f.label,
          kind: f.kind === 'document' ? ('file' as const) : ('text' as const),
        })),
        responses: [],
      };
      google.forms.set(id, form);
    }
    return form;
  };
  // Each form exists from the start, as on Google, whether or not anyone has opened it yet.
  services()
    .filter((s) => s.channels.includes('google_form'))
    .forEach(formOf);
  const responseOf = (s: Service, responseId: string) =>
    formOf(s).responses.find((r) => r.responseId === responseId) as FormsApiResponse | undefined;

  /** What the edit page shows of a kept response. */
  const answersOf = (r: FormsApiResponse): DemoAnswers => ({
    email: r.respondentEmail,
    values: Object.fromEntries(
      Object.values(r.answers).flatMap((a) =>
        a.textAnswers ? [[a.questionId, a.textAnswers.answers.map((x) => x.value).join('\n')]] : [],
      ),
    ),
    files: Object.fromEntries(
      Object.values(r.answers).flatMap((a) =>
        a.fileUploadAnswers ? [[a.questionId, a.fileUploadAnswers.answers.map((x) => x.fileName)]] : [],
      ),
    ),
  });

  const serviceOr404 = (id: string) => {
    const s = findService(id);
    return s && s.channels.includes('google_form') ? s : undefined;
  };

  /** The posted form → a Forms API response (files uploaded to Drive); a kept file stays unless replaced. */
  const toResponse = async (s: Service, body: Record<string, unknown>, previous?: FormsApiResponse) => {
    const now = new Date(deps.time.now()).toISOString();
    const answers: Record<string, FormsApiAnswer> = {};
    for (const f of serviceFields(s)) {
      const given = body[`f-${f.id}`];
      if (f.kind === 'document') {
        const uploads = (Array.isArray(given) ? given : [given]).filter(
          (x): x is File => x instanceof File && x.size > 0,
        );
        const files = await Promise.all(
          uploads.map(async (file) => ({
            fileId: google.upload({
              name: file.name,
              mimeType: file.type || 'application/octet-stream',
              bytes: Buffer.from(await file.arrayBuffer()),
            }),
            fileName: file.name,
            mimeType: file.type || 'application/octet-stream',
          })),
        );
        const kept = previous?.answers[f.id]?.fileUploadAnswers;
        if (files.length) answers[f.id] = { questionId: f.id, fileUploadAnswers: { answers: files } };
        else if (kept) answers[f.id] = { questionId: f.id, fileUploadAnswers: kept };
        continue;
      }
      // The form's own email question is the address collected at its top (DemoFormPage asks it once).
      const text = f.kind === 'email' ? String(body.email ?? '').trim() : typeof given === 'string' ? given.trim() : '';
      if (text) answers[f.id] = { questionId: f.id, textAnswers: { answers: [{ value: text }] } };
    }
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    return {
      responseId: previous?.responseId ?? google.newId(),
      createTime: previous?.createTime ?? now,
      lastSubmittedTime: now,
      ...(email ? { respondentEmail: email } : {}),
      answers,
    } satisfies FormsApiResponse;
  };

  /** The webhook body exactly as integrations/google-forms/Code.gs builds it from the response. */
  const webhookBody = (s: Service, r: FormsApiResponse) =>
    JSON.stringify({
      formId: demoFormId(s),
      responseId: r.responseId,
      submittedAt: r.lastSubmittedTime,
      ...(r.respondentEmail ? { respondentEmail: r.respondentEmail } : {}),
      editUrl: `${deps.config.LOKET_PUBLIC_URL.replace(/\/$/, '')}${editPath(s, r.responseId)}`,
      answers: serviceFields(s).flatMap((f) => {
        const a = r.answers[f.id];
        if (!a) return [];
        const files = a.fileUploadAnswers?.answers;
        return [
          {
            questionId: f.id,
            title: f.label,
            type: GOOGLE_TYPE[f.kind] ?? 'TEXT',
            values: files ? files.map((x) => x.fileId) : a.textAnswers!.answers.map((x) => x.value),
            ...(files ? { files } : {}),
          },
        ];
      }),
    });

  /** Google Forms itself refuses a response without its required answers: so does the demo. */
  const missingAnswers = (s: Service, r: FormsApiResponse): FieldError[] => [
    ...(parseMailAddress(r.respondentEmail)
      ? []
      : [{ field: 'email', message: 'Email: isi satu alamat email yang valid, contoh nama@contoh.id.' }]),
    ...serviceFields(s)
      .filter((f) => f.required && f.kind !== 'document' && !r.answers[f.id])
      .map((f) => ({ field: `f-${f.id}`, message: `${f.label}: wajib diisi.` })),
  ];

  const send = async (c: Context<AppEnv>, s: Service, previous?: FormsApiResponse) => {
    const body = await c.req.parseBody({ all: true });
    const response = await toResponse(s, body, previous);
    const errors = missingAnswers(s, response);
    if (errors.length) {
      c.status(400);
      return c.html(
        <DemoFormPage
          service={s}
          action={c.req.path}
          answers={answersOf(response)}
          editing={Boolean(previous)}
          errors={errors}
        />,
      );
    }
    const form = formOf(s);
    form.responses = [...form.responses.filter((x) => x.responseId !== response.responseId), response];
    const raw = webhookBody(s, response);
    const ts = String(Math.floor(deps.time.now() / 1000));
    const delivered = await app.request('/webhooks/google-forms', {
      method: 'POST',
      body: raw,
      headers: {
        'content-type': 'application/json',
        'x-loket-timestamp': ts,
        'x-loket-signature': signBody(deps.config.GOOGLE_FORMS_WEBHOOK_SECRET, ts, raw),
      },
    });
    // A refused delivery is what the Apps Script would retry and the reconciliation would find: say so.
    if (delivered.status >= 300) deps.log.warn('demo_form.delivery_refused', { status: delivered.status });
    return c.redirect(`${pagePath(s)}/terkirim/${response.responseId}`, 303);
  };

  app.get('/contoh/formulir/:service', (c) => {
    const s = serviceOr404(c.req.param('service'));
    if (!s) return c.notFound();
    return c.html(<DemoFormPage service={s} action={pagePath(s)} />);
  });
  app.post('/contoh/formulir/:service', async (c) => {
    const s = serviceOr404(c.req.param('service'));
    if (!s) return c.notFound();
    return send(c, s);
  });
  app.get('/contoh/formulir/:service/ubah/:response', (c) => {
    const s = serviceOr404(c.req.param('service'));
    const r = s && responseOf(s, c.req.param('response'));
    if (!s || !r) return c.notFound();
    return c.html(<DemoFormPage service={s} action={c.req.path} answers={answersOf(r)} editing />);
  });
  app.post('/contoh/formulir/:service/ubah/:response', async (c) => {
    const s = serviceOr404(c.req.param('service'));
    const r = s && responseOf(s, c.req.param('response'));
    if (!s || !r) return c.notFound();
    return send(c, s, r);
  });
  app.get('/contoh/formulir/:service/terkirim/:response', async (c) => {
    const s = serviceOr404(c.req.param('service'));
    const r = s && responseOf(s, c.req.param('response'));
    if (!s || !r) return c.notFound();
    const known = await deps.repo.getByExternalKey({ kind: 'google_form', id: r.responseId });
    return c.html(
      <DemoSentPage
        service={s}
        trackingNumber={known?.trackingNumber}
        editUrl={editPath(s, r.responseId)}
        resubmitted={r.createTime !== r.lastSubmittedTime}
      />,
    );
  });
};
