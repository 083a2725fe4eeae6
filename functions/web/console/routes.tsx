/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { lazyPages } from '../lazy-pages';
import { notFoundPage } from '../not-found';
import {
  actionsFor, CASE_ID, wibMonth, KECAMATAN_PASURUAN, sessionsFor, searchUmkm, SEKTOR_USAHA, SKALA_USAHA, LETTER_SERVICES, letterYear, mayRevokeLetters, monthPeriod, quarterPeriod, yearPeriod, type CaseRecord, doesCasework, type Channel, findService, isLoketError, LoketError, mayRevealApplicant, parseMailAddress, parseTrackingNumber, SERVICES, type StaffMember,
} from '@loket/core';
import type { Deps } from '../../deps';
import { documentLink, letterLink, logReveal } from '../../cases/documents';
import { type ConsoleEnv, requireSession } from '../auth/session';
import type { FieldError } from '../components';
import { applyFilter, PAGE_SIZE, parseFilter } from './case-filter';
import { DESK_CHANNELS, deskFields } from './desk-intake';
import { homeCases } from './home-cases';
import * as pages from './pages';
import { bookableMonths, createSession, scheduleIntoSession, sessionsOfMonths } from '../../klinik/schedule';
import { registerByHand, registerFromLapor } from '../../lapor/register';
import { readManualForm } from '../../lapor/manual-form';
import { registerCsv } from './letter-csv';
import { revokeLetter } from '../../letters/revoke';
import { loadReport } from '../../reports/load';
import { REPORT_TABLES } from '../../reports/csv';
import { umkmCsv } from '../../reports/umkm-csv';

/** The console is itself loaded lazily (console-group.ts), so its pages and helpers are imported statically. */
const render = lazyPages(async () => pages);

const FLASH: Record<string, string> = {
  tindakan: 'Tindakan telah disimpan dan tercatat di riwayat berkas.',
  persyaratan: 'Persyaratan telah dinyatakan sesuai.',
  disposisi: 'Berkas telah didisposisikan.',
  lapor: 'Pengaduan SP4N-LAPOR! telah didaftarkan.',
  'lapor-ada': 'Pengaduan SP4N-LAPOR! ini sudah terdaftar sebelumnya; inilah berkasnya.',
  disalin: 'Tercatat: tanggapan telah disalin ke SP4N-LAPOR!.',
  sesi: 'Sesi Klinik KUKM ditambahkan.',
  perpanjang: 'Batas jawaban diperpanjang 7 hari kerja; alasannya tercatat di riwayat.',
  dicabut: 'Surat telah dicabut. Nomornya tetap tercatat di register dengan status dicabut.',
};
/**
 * What a step needs besides its note, read from the form: a refusal's Pasal 17 ground and consequence
 * test, a forward's target agency. The domain checks them (and names the field of any problem).
 */
const STEP_FIELDS: Record<string, string[]> = {
  dikecualikan: ['ground', 'consequenceTest', 'exemptionPeriod'], bukan_wewenang: ['institutionId'], paraf: ['approvedOn', 'notaNumber'], disetujui_sekda: ['approvedOn', 'notaNumber'],
};
const stepFields = (event: string, form: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries((STEP_FIELDS[event] ?? []).map((k) => [k, String(form[k] ?? '').trim().slice(0, 3000)]).filter(([, v]) => v));
const stepData = (event: string, form: Record<string, unknown>) => {
  const data = stepFields(event, form);
  if (data.institutionId && !/^[0-9A-Za-z-]{1,20}$/.test(data.institutionId)) {
    throw new LoketError('validation', 'ID instansi hanya berisi huruf, angka dan tanda hubung.', [{ field: 'institutionId', message: 'ID instansi tidak valid.' }]);
  }
  return Object.keys(data).length ? data : undefined;
};

const STATUS = { forbidden: 403, invalid_transition: 422, conflict: 409, validation: 400, not_found: 404 } as const;

/** The officers' console: every page needs a live session; what a page offers follows the officer's roles. */
export const consoleRoutes = (deps: Deps) => {
  const app = new Hono<ConsoleEnv>();
  app.use(requireSession(deps));

  const staffMap = async () => new Map((await deps.staff.list()).map((s) => [s.id, s] as const));
  const loadCase = async (c: Context<ConsoleEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!CASE_ID.test(id)) throw new LoketError('not_found', 'Berkas tidak ditemukan.');
    return deps.cases.get(id);
  };
  /**
   * A finished walk-in request: the survey's QR code for the visitor to scan at the desk (the same
   * one-answer link a form applicant gets by mail).
   */
  const surveyQr = async (record: CaseRecord) => {
    if (record.channel !== 'walk_in' || !record.survey || record.closedAt === undefined || record.survey.until < deps.time.now()) return undefined;
    const QRCode = (await import('qrcode')).default;
    return QRCode.toString(`${deps.config.LOKET_PUBLIC_URL}/survei/${record.id}.${record.survey.token}`, { type: 'svg', margin: 2, width: 180 });
  };
  const casePage = async (c: Context<ConsoleEnv>, record: CaseRecord, extra: { revealed?: boolean; flash?: string; errors?: FieldError[] } = {}) =>
    render(c, async (P) => <P.CasePage c={record} officer={c.get('officer')} events={await deps.cases.events(record.id)} staff={await staffMap()} now={deps.time.now()} surveyQr={await surveyQr(record)} {...extra} />);
  const failure = (e: unknown): FieldError[] => {
    if (!isLoketError(e)) throw e;
    // The summary says the whole sentence and links to the field the domain named; when several fields
    // are wrong, each says its own.
    if (e.fields.length > 1) return e.fields.map((f) => ({ field: f.field, message: f.message }));
    return e.fields.length ? e.fields.map((f) => ({ field: f.field, message: e.message })) : [{ field: 'tindakan', message: e.message }];
  };
  const statusOf = (e: unknown) => (isLoketError(e) ? (STATUS as Record<string, number>)[e.code] ?? 400 : 500);

  app.onError((e, c) => {
    if (isLoketError(e) && e.code === 'not_found') {
      return notFoundPage(c, 'Berkas tidak ditemukan');
    }
    throw e;
  });

  app.get('/', async (c) => {
    const officer = c.get('officer');
    const [mine, open] = await Promise.all([deps.repo.listByAssignee(officer.id), deps.repo.listOpen()]);
    const { own, unassigned } = homeCases(mine, open, officer);
    return render(c, async (P) => <P.HomePage officer={officer} own={own} unassigned={unassigned} now={deps.time.now()} staff={await staffMap()} flash={FLASH[c.req.query('pesan') ?? '']} />);
  });

  /** Candidates come from one index (tracking number, assignee, service-month, or open cases); the rest filters them. */
  app.get('/berkas', async (c) => {
    const officer = c.get('officer');
    const filter = parseFilter((k) => c.req.query(k));
    const assignee = filter.petugas === 'saya' ? officer.id : filter.petugas;
    let candidates: CaseRecord[];
    if (filter.nomor) {
      const tn = parseTrackingNumber(filter.nomor);
      const found = tn ? await deps.repo.getByTrackingNumber(tn) : undefined;
      candidates = found ? [found] : [];
    } else if (assignee) {
      candidates = (await deps.repo.listByAssignee(assignee)).filter((x) => !filter.bulan || x.createdAt >= Date.parse(`${filter.bulan}-01T00:00:00+07:00`));
    } else if (filter.bulan) {
      const services = filter.layanan ? [filter.layanan] : SERVICES.map((s) => s.id);
      candidates = (await Promise.all(services.map((s) => deps.repo.listByServiceMonth(s, filter.bulan!)))).flat();
    } else {
      candidates = await deps.repo.listOpen();
    }
    const matching = applyFilter(candidates, filter, deps.time.now());
    const page = matching.slice((filter.halaman - 1) * PAGE_SIZE, filter.halaman * PAGE_SIZE);
    return render(c, async (P) => <P.CaseListPage officer={officer} cases={page} total={matching.length} filter={filter} now={deps.time.now()} staff={await staffMap()} />);
  });

  app.get('/berkas/:id', async (c) => casePage(c, await loadCase(c), { flash: FLASH[c.req.query('pesan') ?? ''] }));

  app.post('/berkas/:id/tampilkan', async (c) => {
    const record = await loadCase(c);
    const officer = c.get('officer');
    if (!mayRevealApplicant(record, officer.roles)) {
      c.status(403);
      return casePage(c, record, { errors: [{ field: 'pemohon', message: 'Anda tidak berwenang menampilkan data pribadi pemohon berkas ini.' }] });
    }
    await logReveal(deps, record, officer.id);
    return casePage(c, record, { revealed: true });
  });

  app.get('/berkas/:id/dokumen/:fieldId/:sha256', async (c) => {
    const officer = c.get('officer');
    if (!doesCasework(officer.roles)) {
      c.status(403);
      return c.text('Administrator tidak membuka dokumen pemohon.');
    }
    const { url } = await documentLink(deps, await loadCase(c), c.req.param('fieldId'), c.req.param('sha256'), officer.id);
    return c.redirect(url, 302);
  });

  const actionOf = (record: CaseRecord, officer: StaffMember, event: string) => actionsFor(record, officer.roles).find((a) => a.event === event);

  /** Sessions a klinik request can be booked into (scheduling step only). */
  const sessionChoices = async (record: CaseRecord, event: string) => {
    if (event !== 'jadwalkan') return undefined;
    return sessionsFor(record, await sessionsOfMonths(deps, bookableMonths(deps.time.now())), deps.time.now());
  };

  app.get('/berkas/:id/tindakan/:event', async (c) => {
    const record = await loadCase(c);
    const action = actionOf(record, c.get('officer'), c.req.param('event'));
    if (!action) {
      c.status(403);
      return casePage(c, record, { errors: [{ field: 'tindakan', message: 'Tindakan itu tidak tersedia untuk peran Anda pada tahap ini.' }] });
    }
    const sessions = await sessionChoices(record, action.event);
    return render(c, async (P) => <P.ActionPage c={record} officer={c.get('officer')} action={action} sessions={sessions} />);
  });

  app.post('/berkas/:id/tindakan/:event', async (c) => {
    const record = await loadCase(c);
    const officer = c.get('officer');
    const actor = c.get('actor');
    const event = c.req.param('event');
    const form = await c.req.parseBody({ all: true });
    const note = String(form.note ?? '').slice(0, 5000);
    const expectedVersion = Number(form.expectedVersion);
    const action = actionOf(record, officer, event);
    try {
      if (!action) throw new LoketError('forbidden', 'Tindakan itu tidak tersedia untuk peran Anda pada tahap ini.');
      let version = expectedVersion;
      if (event === 'minta_perbaikan') {
        // What to fix is marked on the checklist first, so the applicant's e-mail and the status page list it.
        const service = findService(record.serviceId)!;
        const picked = [form.requirements ?? []].flat().map(String).filter((id) => service.requirements.some((r) => r.id === id));
        if (!picked.length) throw new LoketError('validation', 'Pilih persyaratan yang perlu diperbaiki.', [{ field: 'requirements', message: 'Pilih persyaratan yang perlu diperbaiki.' }]);
        if (!note.trim()) throw new LoketError('validation', 'Tulis catatan untuk pemohon.', [{ field: 'note', message: 'Tulis catatan untuk pemohon.' }]);
        for (const requirementId of picked) {
          version = (await deps.cases.checkRequirement(record.id, { requirementId, status: 'invalid', note, actor, expectedVersion: version })).record.version;
        }
        const labels = picked.map((id) => service.requirements.find((r) => r.id === id)!.text);
        await deps.cases.act(record.id, { event, actor, expectedVersion: version, note: `Perlu diperbaiki: ${labels.join('; ')}.\n${note}` });
      } else if (event === 'jadwalkan') {
        await scheduleIntoSession(deps, record.id, { sessionId: String(form.sessionId ?? '').slice(0, 40), actor, expectedVersion: version, note });
      } else {
        await deps.cases.act(record.id, { event, actor, expectedVersion: version, note: note || undefined, data: stepData(event, form) });
      }
      return c.redirect(`/konsol/berkas/${record.id}?pesan=tindakan`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      const errors = failure(e);
      const fresh = await deps.cases.get(record.id);
      const sessions = action && (await sessionChoices(fresh, action.event));
      return action ? render(c, async (P) => <P.ActionPage c={fresh} officer={officer} action={action} errors={errors} note={note} values={stepFields(event, form)} sessions={sessions} />) : casePage(c, fresh, { errors });
    }
  });

  app.post('/berkas/:id/persyaratan', async (c) => {
    const record = await loadCase(c);
    const form = await c.req.parseBody();
    try {
      await deps.cases.checkRequirement(record.id, {
        requirementId: String(form.requirementId ?? '').slice(0, 64), status: 'ok', actor: c.get('actor'), expectedVersion: Number(form.expectedVersion),
      });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=persyaratan#persyaratan`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  app.post('/berkas/:id/disposisi', async (c) => {
    const record = await loadCase(c);
    const form = await c.req.parseBody();
    try {
      const assignee = await deps.staff.get(String(form.assigneeId ?? '').slice(0, 64));
      if (!assignee?.active) throw new LoketError('validation', 'Pilih petugas yang aktif.', [{ field: 'assigneeId', message: 'Pilih petugas yang aktif.' }]);
      await deps.cases.assign(record.id, { assignee, actor: c.get('actor'), expectedVersion: Number(form.expectedVersion) });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=disposisi`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  /** SP4N-LAPOR! complaints, registered by the complaint officers (the pengaduan's first step). */
  const registersComplaints = (officer: StaffMember) => officer.roles.includes('petugas_pengaduan');
  app.get('/lapor/baru', (c) => {
    if (!registersComplaints(c.get('officer'))) {
      c.status(403);
      return render(c, async (P) => <P.LaporNewPage officer={c.get('officer')} apiEnabled={!!deps.lapor} errors={[{ field: 'complaintId', message: 'Hanya petugas pengaduan yang mendaftarkan pengaduan SP4N-LAPOR!.' }]} />);
    }
    return render(c, async (P) => <P.LaporNewPage officer={c.get('officer')} apiEnabled={!!deps.lapor} />);
  });

  app.post('/lapor/baru', async (c) => {
    const officer = c.get('officer');
    const fail = (status: number, errors: FieldError[], values: Record<string, string> = {}) => {
      c.status(status as 400);
      return render(c, async (P) => <P.LaporNewPage officer={officer} apiEnabled={!!deps.lapor} errors={errors} values={values} />);
    };
    if (!registersComplaints(officer)) return fail(403, [{ field: 'complaintId', message: 'Hanya petugas pengaduan yang mendaftarkan pengaduan SP4N-LAPOR!.' }]);
    const form = await c.req.parseBody({ all: true });
    try {
      let registration;
      if (c.req.query('cara') === 'api') {
        const complaintId = String(form.complaintId ?? '').trim().slice(0, 40);
        try {
          registration = await registerFromLapor(deps, complaintId, officer.id);
        } catch (e) {
          if (isLoketError(e)) return fail(statusOf(e), [{ field: 'complaintId', message: e.message }], { complaintId });
          // LAPOR! down, unknown number, bad credentials: said plainly; the manual form stays available.
          c.get('log').warn('lapor.register_failed', { error: String(e) });
          return fail(502, [{ field: 'complaintId', message: `SP4N-LAPOR! tidak dapat dihubungi atau menolak permintaan (${(e as Error).message}). Coba lagi nanti, atau catat secara manual.` }], { complaintId });
        }
      } else {
        const parsed = await readManualForm(form, deps.time.now());
        if (!parsed.complaint) return fail(400, parsed.errors, parsed.values);
        registration = await registerByHand(deps, parsed.complaint, parsed.files, c.get('actor'));
      }
      return c.redirect(`/konsol/berkas/${registration.caseId}?pesan=${registration.created ? 'lapor' : 'lapor-ada'}`, 303);
    } catch (e) {
      if (!isLoketError(e)) throw e;
      return fail(statusOf(e), failure(e));
    }
  });

  app.get('/berkas/:id/surat', async (c) => {
    const officer = c.get('officer');
    if (!doesCasework(officer.roles)) {
      c.status(403);
      return c.text('Administrator tidak membuka dokumen pemohon.');
    }
    return c.redirect(await letterLink(deps, await loadCase(c), officer.id), 302);
  });

  app.post('/berkas/:id/perpanjang', async (c) => {
    const record = await loadCase(c);
    const form = await c.req.parseBody();
    try {
      await deps.cases.extendKipDeadline(record.id, { reason: String(form.reason ?? '').slice(0, 2000), actor: c.get('actor'), expectedVersion: Number(form.expectedVersion) });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=perpanjang`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  /** The register: one year per index query, filtered by type and status. */
  const registerFilter = (c: Context<ConsoleEnv>) => {
    const year = Number(c.req.query('tahun'));
    const thisYear = letterYear(deps.time.now());
    return {
      year: Number.isInteger(year) && year >= 2024 && year <= thisYear ? year : thisYear,
      type: LETTER_SERVICES.find((t) => t === c.req.query('jenis')),
      status: ['berlaku', 'dicabut'].find((s) => s === c.req.query('status')),
    };
  };
  const registerLetters = async (f: ReturnType<typeof registerFilter>) =>
    (await deps.letters.listYear(f.year)).filter((l) => (!f.type || l.type === f.type) && (!f.status || l.status === f.status));
  const registerYears = () => Array.from({ length: letterYear(deps.time.now()) - 2023 }, (_, i) => letterYear(deps.time.now()) - i);

  app.get('/surat', async (c) => {
    const filter = registerFilter(c);
    return render(c, async (P) => <P.LetterRegisterPage officer={c.get('officer')} letters={await registerLetters(filter)} filter={filter} years={registerYears()} flash={FLASH[c.req.query('pesan') ?? '']} />);
  });

  app.get('/surat.csv', async (c) => {
    const filter = registerFilter(c);
    c.header('content-disposition', `attachment; filename="register-surat-${filter.year}.csv"`);
    return c.body(registerCsv(await registerLetters(filter)), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.post('/surat/:letterId/cabut', async (c) => {
    const officer = c.get('officer');
    const form = await c.req.parseBody();
    const reason = String(form.reason ?? '').trim().slice(0, 1000);
    const fail = async (status: number, message: string) => {
      c.status(status as 400);
      const filter = registerFilter(c);
      return render(c, async (P) => <P.LetterRegisterPage officer={officer} letters={await registerLetters(filter)} filter={filter} years={registerYears()} errors={[{ field: 'reason', message }]} />);
    };
    if (!mayRevokeLetters(officer.roles)) return fail(403, 'Hanya Kepala Dinas atau administrator yang dapat mencabut surat.');
    if (reason.length < 10) return fail(400, 'Tulis alasan pencabutan (paling sedikit 10 karakter).');
    const letter = await revokeLetter(deps, c.req.param('letterId'), { by: officer.id, reason });
    if (!letter) return fail(409, 'Surat tidak ditemukan atau sudah dicabut.');
    return c.redirect(`/konsol/surat?tahun=${letter.year}&pesan=dicabut`, 303);
  });

  /** The period asked for: `?tahun=YYYY`, `?triwulan=YYYY-Qn`, else `?bulan=YYYY-MM`, else this month. */
  const reportPeriod = (c: Context<ConsoleEnv>) => {
    const year = c.req.query('tahun')?.trim();
    const quarter = c.req.query('triwulan')?.trim();
    const month = c.req.query('bulan')?.trim();
    if (year) return { period: yearPeriod(year), query: `tahun=${encodeURIComponent(year)}` };
    if (quarter) return { period: quarterPeriod(quarter), query: `triwulan=${encodeURIComponent(quarter)}` };
    const m = month || wibMonth(deps.time.now());
    return { period: monthPeriod(m), query: `bulan=${encodeURIComponent(m)}` };
  };

  app.get('/laporan', async (c) => {
    let chosen;
    try {
      chosen = reportPeriod(c);
    } catch (e) {
      if (!isLoketError(e)) throw e;
      return c.redirect('/konsol/laporan', 303);
    }
    const charts = await import('../../reports/charts');
    const report = await loadReport(deps, chosen.period);
    const [onTime, ikm] = await Promise.all([charts.onTimeChart(report), charts.ikmChart(report)]);
    return render(c, async (P) => <P.ReportPage officer={c.get('officer')} report={report} query={chosen.query} charts={{ onTime, ikm }} />);
  });

  app.get('/laporan.csv', async (c) => {
    const table = (Object.keys(REPORT_TABLES) as (keyof typeof REPORT_TABLES)[]).find((t) => t === c.req.query('tabel')) ?? 'layanan';
    const { period } = reportPeriod(c);
    c.header('content-disposition', `attachment; filename="laporan-${table}-${period.kind === 'year' ? period.months[0]!.slice(0, 4) : period.months[0]}${period.kind === 'quarter' ? '-triwulan' : ''}.csv"`);
    return c.body(REPORT_TABLES[table](await loadReport(deps, period)), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  const klinikPage = async (c: Context<ConsoleEnv>, month: string, extra: { flash?: string; errors?: FieldError[]; values?: Record<string, string> } = {}) => {
    const [sessions, staff] = await Promise.all([deps.klinik.month(month), deps.staff.list()]);
    const konsultan = staff.filter((s) => s.active && s.roles.includes('konsultan_klinik'));
    return render(c, async (P) => <P.KlinikPage officer={c.get('officer')} month={month} sessions={sessions} konsultan={konsultan} {...extra} />);
  };

  app.get('/klinik', async (c) => {
    const asked = c.req.query('bulan') ?? '';
    return klinikPage(c, /^20\d\d-(0[1-9]|1[0-2])$/.test(asked) ? asked : wibMonth(deps.time.now()), { flash: FLASH[c.req.query('pesan') ?? ''] });
  });

  app.post('/klinik', async (c) => {
    const form = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v).slice(0, 100)]));
    try {
      const session = await createSession(deps, values, c.get('actor'));
      return c.redirect(`/konsol/klinik?bulan=${session.date.slice(0, 7)}&pesan=sesi`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return klinikPage(c, /^\d{4}-\d{2}/.test(values.date ?? '') ? values.date!.slice(0, 7) : wibMonth(deps.time.now()), { errors: failure(e), values });
    }
  });

  /** The UMKM registry: the filter from the query, the entries it keeps (one index partition). */
  const umkmFilter = (c: Context<ConsoleEnv>) => ({
    q: c.req.query('q')?.trim().slice(0, 100) || undefined,
    kecamatan: KECAMATAN_PASURUAN.find((k) => k === c.req.query('kecamatan')),
    sektor: SEKTOR_USAHA.find((k) => k === c.req.query('sektor')),
    skala: SKALA_USAHA.find((k) => k === c.req.query('skala')),
  });
  const umkmQuery = (f: ReturnType<typeof umkmFilter>) => new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1]))).toString();

  app.get('/umkm', async (c) => {
    const filter = umkmFilter(c);
    const all = await deps.umkm.list();
    return render(c, async (P) => <P.UmkmRegistryPage officer={c.get('officer')} entries={searchUmkm(all, filter)} all={all} filter={filter} query={umkmQuery(filter)} now={deps.time.now()} />);
  });

  app.get('/umkm.csv', async (c) => {
    c.header('content-disposition', 'attachment; filename="registri-umkm.csv"');
    return c.body(umkmCsv(searchUmkm(await deps.umkm.list(), umkmFilter(c))), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.post('/berkas/:id/lapor/disalin', async (c) => {
    const record = await loadCase(c);
    const form = await c.req.parseBody();
    try {
      await deps.cases.recordLaporCopied(record.id, { copyId: String(form.copyId ?? '').slice(0, 200), actor: c.get('actor') });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=disalin#lapor`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });

  app.get('/baru', (c) => {
    const service = findService(c.req.query('layanan') ?? '');
    return render(c, async (P) => <P.NewCasePage officer={c.get('officer')} service={service && deskFields(service) ? service : undefined} />);
  });

  app.post('/baru', async (c) => {
    const officer = c.get('officer');
    const service = findService(c.req.query('layanan') ?? '');
    if (!service) return c.redirect('/konsol/baru', 303);
    const form = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v).slice(0, 5000)]));
    const errors: FieldError[] = [];
    if (!doesCasework(officer.roles)) errors.push({ field: 'nama', message: 'Administrator tidak mendaftarkan permohonan.' });
    if (!values.nama?.trim()) errors.push({ field: 'nama', message: 'Masukkan nama pemohon.' });
    const email = values.email?.trim() ? parseMailAddress(values.email) : undefined;
    if (values.email?.trim() && !email) errors.push({ field: 'email', message: 'Masukkan satu alamat email yang valid, atau kosongkan.' });
    const channel = (values.channel && values.channel in DESK_CHANNELS && service.channels.includes(values.channel as Channel) ? values.channel : undefined) as Channel | undefined;
    if (!channel) errors.push({ field: 'channel', message: 'Pilih cara permohonan diterima.' });
    if (errors.length) {
      c.status(400);
      return render(c, async (P) => <P.NewCasePage officer={officer} service={service} values={values} errors={errors} />);
    }
    const answers = Object.fromEntries(deskFields(service).filter((f) => values[`f-${f.id}`]?.trim()).map((f) => [f.id, [values[`f-${f.id}`]!.trim()]]));
    const { record } = await deps.cases.open({
      serviceId: service.id, channel: channel!, applicant: { name: values.nama!.trim(), email, phone: values.hp?.trim() || undefined },
      answers: { ...answers, nama_pemohon: [values.nama!.trim()] }, receivedAt: deps.time.now(), actorId: officer.id,
    });
    return c.redirect(`/konsol/baru/selesai/${record.id}`, 303);
  });

  app.get('/baru/selesai/:id', async (c) => render(c, async (P) => <P.RegisteredPage officer={c.get('officer')} c={await loadCase(c)} />));
  return app;
};
