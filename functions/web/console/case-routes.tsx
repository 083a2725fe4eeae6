/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import {
  actionsFor,
  bookableMonths,
  stepAt,
  type CaseRecord,
  type Channel,
  doesCasework,
  findService,
  mayRevealApplicant,
  parseMailAddress,
  readTrackingQuery,
  trackingExample,
  nameAnswer,
  services,
  sessionsFor,
  type StaffMember,
  stepDataFromForm,
  type TransitionDef,
} from '@loket/core';
import { attachScan, documentLink, letterLink, logReveal } from '../../cases/documents';
import { sessionsOfMonths } from '../../klinik/schedule';
import type { FieldError } from '../components';
import { applyFilter, PAGE_SIZE, parseFilter } from './case-filter';
import { DESK_CHANNELS, deskFields } from './desk-intake';
import { homeCases } from './home-cases';
import { readForm, readFormAll } from '../read-form';

/** Casework: the officer's home, the case list, a case and its steps, the front desk's registration. */
export const caseRoutes = (
  app: Hono<ConsoleEnv>,
  deps: Deps,
  { render, staffMap, loadCase, casePage, failure, statusOf, flashOf }: ConsoleKit,
) => {
  app.get('/', async (c) => {
    const officer = c.get('officer');
    const [mine, open] = await Promise.all([deps.repo.listByAssignee(officer.id), deps.repo.listOpen()]);
    const { own, unassigned } = homeCases(mine, open, officer);
    return render(c, async (P) => (
      <P.HomePage
        officer={officer}
        own={own}
        unassigned={unassigned}
        now={deps.time.now()}
        staff={await staffMap()}
        flash={flashOf(c)}
      />
    ));
  });

  /** Candidates come from one index (tracking number, assignee, service-month, or open cases); the rest filters them. */
  app.get('/berkas', async (c) => {
    const officer = c.get('officer');
    const { filter, problems } = parseFilter((k) => c.req.query(k));
    const search = filter.nomor ? readTrackingQuery(filter.nomor) : undefined;
    if (search?.kind === 'none')
      problems.push({
        field: 'nomor',
        message: `Nomor registrasi tidak dikenali: tulis nomor lengkap (contoh: ${trackingExample(deps.time.now())}) atau sedikitnya 3 huruf/angka darinya.`,
      });
    const assignee = filter.petugas === 'saya' ? officer.id : filter.petugas;
    let candidates: CaseRecord[];
    if (search?.kind === 'exact') {
      const found = await deps.repo.getByTrackingNumber(search.number);
      candidates = found ? [found] : [];
    } else if (search?.kind === 'none') {
      candidates = [];
    } else if (assignee) {
      candidates = (await deps.repo.listByAssignee(assignee)).filter(
        (x) => !filter.bulan || x.createdAt >= Date.parse(`${filter.bulan}-01T00:00:00+07:00`),
      );
    } else if (filter.bulan) {
      const serviceIds = filter.layanan ? [filter.layanan] : services().map((s) => s.id);
      candidates = (await Promise.all(serviceIds.map((s) => deps.repo.listByServiceMonth(s, filter.bulan!)))).flat();
    } else {
      candidates = await deps.repo.listOpen();
    }
    const matching = applyFilter(
      candidates,
      filter,
      deps.time.now(),
      search?.kind === 'fragment' ? search.text : undefined,
    );
    const page = matching.slice((filter.halaman - 1) * PAGE_SIZE, filter.halaman * PAGE_SIZE);
    if (problems.length) c.status(400);
    return render(c, async (P) => (
      <P.CaseListPage
        officer={officer}
        cases={page}
        total={matching.length}
        filter={filter}
        search={search}
        problems={problems}
        now={deps.time.now()}
        staff={await staffMap()}
      />
    ));
  });

  app.get('/berkas/:id', async (c) => casePage(c, await loadCase(c), { flash: flashOf(c) }));

  app.post('/berkas/:id/tampilkan', async (c) => {
    const record = await loadCase(c);
    const officer = c.get('officer');
    if (!mayRevealApplicant(record, officer.roles)) {
      c.status(403);
      return casePage(c, record, {
        errors: [{ field: 'identitas', message: 'Anda tidak berwenang menampilkan data pribadi pemohon berkas ini.' }],
      });
    }
    await logReveal(deps, record, officer.id);
    return casePage(c, record, { revealed: true });
  });

  app.get('/berkas/:id/dokumen/:fieldId/:sha256', async (c) => {
    const { url } = await documentLink(
      deps,
      await loadCase(c),
      c.req.param('fieldId'),
      c.req.param('sha256'),
      c.get('actor'),
    );
    return c.redirect(url, 302);
  });

  const actionOf = (record: CaseRecord, officer: StaffMember, event: string) =>
    actionsFor(record, officer.roles).find((a) => a.event === event);

  /** Sessions a klinik request can be booked into (scheduling step only). */
  const sessionChoices = async (record: CaseRecord, action: TransitionDef) => {
    if (action.requires !== 'klinik_seat') return undefined;
    return sessionsFor(record, await sessionsOfMonths(deps, bookableMonths(deps.time.now())), deps.time.now());
  };

  app.get('/berkas/:id/tindakan/:event', async (c) => {
    const record = await loadCase(c);
    const action = actionOf(record, c.get('officer'), c.req.param('event'));
    if (!action) {
      c.status(403);
      return casePage(c, record, {
        errors: [{ field: 'tindakan', message: 'Tindakan itu tidak tersedia untuk peran Anda pada tahap ini.' }],
      });
    }
    const sessions = await sessionChoices(record, action);
    return render(c, async (P) => (
      <P.ActionPage c={record} officer={c.get('officer')} action={action} sessions={sessions} />
    ));
  });

  app.post('/berkas/:id/tindakan/:event', async (c) => {
    const record = await loadCase(c);
    const officer = c.get('officer');
    const actor = c.get('actor');
    const event = c.req.param('event');
    const form = await readFormAll(c);
    const note = String(form.note ?? '').slice(0, 5000);
    const expectedVersion = Number(form.expectedVersion);
    // The command decides whether this officer may take the step here (403, 422), exactly as for the API.
    const data = stepDataFromForm(stepAt(record, event)?.requires, form);
    try {
      await deps.cases.act(record.id, { event, actor, expectedVersion, note: note || undefined, data });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=tindakan`, 303);
    } catch (e) {
      const action = actionOf(record, officer, event);
      c.status(statusOf(e) as 400);
      const errors = failure(e);
      const fresh = await deps.cases.get(record.id);
      const sessions = action && (await sessionChoices(fresh, action));
      return action
        ? render(c, async (P) => (
            <P.ActionPage
              c={fresh}
              officer={officer}
              action={action}
              errors={errors}
              note={note}
              values={stepDataFromForm(action.requires, form)}
              sessions={sessions}
            />
          ))
        : casePage(c, fresh, { errors });
    }
  });

  app.post('/berkas/:id/persyaratan', async (c) => {
    const record = await loadCase(c);
    const form = await readForm(c);
    try {
      const status = form.status === 'invalid' ? 'invalid' : 'ok';
      await deps.cases.checkRequirement(record.id, {
        requirementId: String(form.requirementId ?? '').slice(0, 64),
        status,
        note: typeof form.note === 'string' ? form.note.slice(0, 2000) : undefined,
        actor: c.get('actor'),
        expectedVersion: Number(form.expectedVersion),
      });
      const message = status === 'ok' ? 'persyaratan' : 'persyaratan-tidak';
      return c.redirect(`/konsol/berkas/${record.id}?pesan=${message}#persyaratan`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  app.post('/berkas/:id/lampiran', async (c) => {
    const record = await loadCase(c);
    const form = await readForm(c);
    const file = form.file instanceof File ? form.file : undefined;
    const fieldId = String(form.fieldId ?? '').slice(0, 64);
    try {
      await attachScan(deps, record, {
        fieldId,
        fileName: file?.name ?? '',
        bytes: new Uint8Array((await file?.arrayBuffer()) ?? new ArrayBuffer(0)),
        actor: c.get('actor'),
        expectedVersion: Number(form.expectedVersion),
      });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=lampiran#persyaratan`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      // The page has one file input per document: the message points at the one that was used.
      const errors = failure(e).map((f) => (f.field === 'file' ? { ...f, field: `file-${fieldId}` } : f));
      return casePage(c, await deps.cases.get(record.id), { errors });
    }
  });

  app.post('/berkas/:id/disposisi', async (c) => {
    const record = await loadCase(c);
    const form = await readForm(c);
    try {
      await deps.cases.assign(record.id, {
        assigneeId: String(form.assigneeId ?? '').slice(0, 64),
        actor: c.get('actor'),
        expectedVersion: Number(form.expectedVersion),
      });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=disposisi`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  app.get('/berkas/:id/surat', async (c) => {
    return c.redirect(await letterLink(deps, await loadCase(c), c.get('actor'), 'case'), 302);
  });

  app.post('/berkas/:id/perpanjang', async (c) => {
    const record = await loadCase(c);
    const form = await readForm(c);
    try {
      await deps.cases.extendKipDeadline(record.id, {
        reason: String(form.reason ?? '').slice(0, 2000),
        actor: c.get('actor'),
        expectedVersion: Number(form.expectedVersion),
      });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=perpanjang`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  app.get('/baru', (c) => {
    const service = findService(c.req.query('layanan') ?? '');
    return render(c, async (P) => (
      <P.NewCasePage officer={c.get('officer')} service={service && deskFields(service) ? service : undefined} />
    ));
  });

  app.post('/baru', async (c) => {
    const officer = c.get('officer');
    const service = findService(c.req.query('layanan') ?? '');
    if (!service) return c.redirect('/konsol/baru', 303);
    const form = await readForm(c);
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v).slice(0, 5000)]));
    const errors: FieldError[] = [];
    if (!doesCasework(officer.roles))
      errors.push({ field: 'nama', message: 'Administrator tidak mendaftarkan permohonan.' });
    if (!values.nama?.trim()) errors.push({ field: 'nama', message: 'Masukkan nama pemohon.' });
    const email = values.email?.trim() ? parseMailAddress(values.email) : undefined;
    if (values.email?.trim() && !email)
      errors.push({ field: 'email', message: 'Masukkan satu alamat email yang valid, atau kosongkan.' });
    const channel = (
      values.channel && values.channel in DESK_CHANNELS && service.channels.includes(values.channel as Channel)
        ? values.channel
        : undefined
    ) as Channel | undefined;
    if (!channel) errors.push({ field: 'channel', message: 'Pilih cara permohonan diterima.' });
    if (errors.length) {
      c.status(400);
      return render(c, async (P) => (
        <P.NewCasePage officer={officer} service={service} values={values} errors={errors} />
      ));
    }
    const answers = Object.fromEntries(
      deskFields(service)
        .filter((f) => values[`f-${f.id}`]?.trim())
        .map((f) => [f.id, [values[`f-${f.id}`]!.trim()]]),
    );
    const { record } = await deps.cases.open({
      serviceId: service.id,
      channel: channel!,
      applicant: { name: values.nama!.trim(), email, phone: values.hp?.trim() || undefined },
      answers: { ...answers, ...nameAnswer(service, values.nama!.trim()) },
      receivedAt: deps.time.now(),
      actorId: officer.id,
    });
    return c.redirect(`/konsol/baru/selesai/${record.id}`, 303);
  });

  app.get('/baru/selesai/:id', async (c) =>
    render(c, async (P) => (
      <P.RegisteredPage officer={c.get('officer')} c={await loadCase(c)} publicUrl={deps.config.LOKET_PUBLIC_URL} />
    )),
  );
};
