import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CaseRecord,
  type Field,
  type Role,
  type Service,
  type TransitionDef,
  serviceFields,
  services,
  theStandard,
  topicsOf,
  umkmEntryOf,
  toWibIso,
  workflowFor,
} from '@loket/core';
import { ARTIFACTS, screenshots } from '../helpers/browser';
import { watchPage } from '../helpers/console-pages';
import { useDemoDesk } from '../helpers/demo-desk';
import { manualClock } from '../helpers/deps';

/**
 * Every service of the installed standard, taken in Chromium from its submission to its end the way
 * the standard describes it, each step by a demo officer holding the step's role. Nothing here names a
 * service: the path, the officers, the fields and the forms all come from the document, so a second
 * office's standard is walked by the same code.
 *
 * - Submission through the service's first channel: the (demo) Google Form on a phone, with one
 *   document left out; or the console's "Permohonan baru" at the desk, with the scans attached after.
 * - Where the standard has a revision step: the officer asks for the missing document, the applicant
 *   follows the mail's edit link and sends it, the case is back at the step.
 * - The longest forward path through the chart (refusal, withdrawal and revision aside), so outside
 *   approvals, a clinic booking, a registry entry and every letter are on it. A numbered letter is
 *   initialled and signed on its letter page by the officers the standard names before the walk goes on.
 * - The end: the public status, and each letter verified, in force, at the address its QR code holds.
 *
 * Screenshots at 390 and 1280 px go to test/artifacts/every-<service>-*.png, and each case's mails as
 * text to every-<service>-mail.txt.
 */
const clock = manualClock('2026-11-25T08:00:00+07:00');
const { world, web, local } = await useDemoDesk(clock);

const NIK = '3514014107900001';
const KK = '3514010101200003';
const pdf = (what: string) => Buffer.from(`%PDF-1.7\n% ${what}\n${'x'.repeat(2000)}`);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
/** A small file of a type the field takes: a PDF where it may be one, else a JPG. */
const file = (f: Field) =>
  !f.accept || f.accept.includes('application/pdf')
    ? { name: `${f.id}.pdf`, mimeType: 'application/pdf', buffer: pdf(f.label) }
    : { name: `${f.id}.jpg`, mimeType: 'image/jpeg', buffer: jpeg() };
const today = () => toWibIso(clock.now()).slice(0, 10);

/** A plausible answer to a field, by its kind in the standard. */
const answerFor = (f: Field): string => {
  switch (f.kind) {
    case 'nik':
      return NIK;
    case 'kk':
      return KK;
    case 'nib':
      return '1234567890123';
    case 'phone':
      return '081234567890';
    case 'email':
      return 'pemohon@contoh.id';
    case 'number':
    case 'money':
      return '25';
    case 'date':
      return '2026-11-20';
    case 'choice':
      return f.options?.[0] ?? 'Lainnya';
    case 'textarea':
      return `Uraian contoh: ${f.label}.`.slice(0, f.maxLength ?? 5000);
    default:
      return `Contoh ${f.label}`.slice(0, f.maxLength ?? 200);
  }
};

const fillField = async (page: Page, id: string, f: Field) => {
  if (f.kind === 'choice') await page.selectOption(`#${id}`, answerFor(f));
  else await page.fill(`#${id}`, answerFor(f));
};

/** The first required document of the revision step's requirements: left out, to be asked for. */
const documentToAskFor = (s: Service) =>
  s.flow.revisionAt
    ? s.requirements
        .flatMap((r) => r.fields.map((f) => ({ r, f })))
        .find(({ f }) => f.kind === 'document' && f.required)
    : undefined;

/**
 * The longest forward path from the first step to the end (a DAG walk): no refusal, withdrawal or
 * revision, and a guard only where the case can meet it.
 */
const forwardPath = (s: Service, c: Pick<CaseRecord, 'channel'>): TransitionDef[] => {
  const wf = workflowFor(s);
  const done = wf.states.find((st) => st.kind === 'terminal' && st.outcome === 'completed')!.id;
  const forward = wf.transitions.filter(
    (t) =>
      wf.states.find((st) => st.id === t.to)?.kind !== 'waiting_applicant' &&
      (t.to === done || wf.states.find((st) => st.id === t.to)?.kind === 'active') &&
      (t.guard !== 'face_to_face_channel' || c.channel !== 'google_form'),
  );
  const longest = (from: string, seen: string[]): TransitionDef[] | undefined => {
    if (from === done) return [];
    let best: TransitionDef[] | undefined;
    for (const t of forward.filter((t) => t.from.includes(from) && !seen.includes(t.to))) {
      const rest = longest(t.to, [...seen, t.to]);
      if (rest && (!best || rest.length + 1 > best.length)) best = [t, ...rest];
    }
    return best;
  };
  return longest(wf.initial, [wf.initial])!;
};

/** Each officer in their own browser context, signed in once through the demo sign-in. */
const officers = new Map<string, { context: BrowserContext; page: Page }>();
const problems: string[] = [];
const officerFor = (roles: readonly Role[]) => {
  const staff = theStandard().demo!.staff.find((m) => m.roles.some((r) => roles.includes(r)));
  if (!staff) throw new Error(`no demo officer holds ${roles.join('/')}`);
  return staff.id;
};
const signedIn = async (staffId: string) => {
  const known = officers.get(staffId);
  if (known) return known.page;
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchPage(page, problems, [NIK, KK]);
  await page.goto(`${web.base}/konsol/masuk/dev`);
  await page.click(`button[data-staff="${staffId}"]`);
  await page.waitForURL(`${web.base}/konsol`);
  officers.set(staffId, { context, page });
  return page;
};
afterAll(async () => {
  for (const { context } of officers.values()) await context.close();
});

const caseByNumber = async (trackingNumber: string) => (await world.deps.repo.getByTrackingNumber(trackingNumber))!;

/** A citizen applies on a phone through the service page's "Ajukan permohonan", one document left out. */
const applyOnline = async (s: Service, page: Page, shot: (name: string) => Promise<void>) => {
  const left = documentToAskFor(s)?.f;
  await page.goto(`${web.base}/layanan/${s.id}`);
  await shot('01-service');
  await page.click('a.button:has-text("Ajukan permohonan")');
  await page.waitForURL(`**/contoh/formulir/${s.id}`);
  await page.fill('#email', 'pemohon@contoh.id');
  for (const f of serviceFields(s).filter((f) => f.kind !== 'email' || s.applicantFields.every((a) => a.id !== f.id))) {
    if (f.id === left?.id) continue;
    if (f.kind === 'document') await page.setInputFiles(`#f-${f.id}`, file(f));
    else await fillField(page, `f-${f.id}`, f);
  }
  await shot('02-form');
  await page.click('button:has-text("Kirim")');
  await page.waitForSelector('text=Permohonan terkirim');
  await shot('03-sent');
  return (await page.textContent('.tn'))!.trim();
};

/** The desk registers a request that came in person, by letter or from inside the office. */
const registerAtDesk = async (s: Service, shot: (name: string) => Promise<void>) => {
  const wf = workflowFor(s);
  // Whoever may register it: the front desk, or the requesting unit for an internal request.
  const resubmitRoles = wf.transitions.find((t) => t.from.includes(wf.initial))?.roles ?? [];
  const registrar = await signedIn(officerFor(s.flow.requesterSide ?? ['petugas_layanan', ...resubmitRoles]));
  await registrar.goto(`${web.base}/konsol/baru?layanan=${s.id}`);
  await registrar.check(`#ch-${s.channels[0]}`);
  await registrar.fill('#nama', 'Pemohon Contoh');
  await registrar.fill('#email', 'pemohon@contoh.id');
  for (const f of serviceFields(s))
    if ((await registrar.locator(`#f-${f.id}`).count()) > 0) await fillField(registrar, `f-${f.id}`, f);
  await shot('02-desk-form');
  await registrar.click('button:has-text("Daftarkan permohonan")');
  await registrar.waitForSelector('text=Tanda terima permohonan');
  await screenshots(registrar, `every-${s.id}-03-tanda-terima`);
  return (await registrar.textContent('.tn'))!.trim();
};

/** Takes one step on the case page as `page`'s officer, filling what the step declares. */
const takeStep = async (page: Page, c: CaseRecord, t: TransitionDef, shot?: string) => {
  await page.goto(`${web.base}/konsol/berkas/${c.id}`);
  await page.click(`a[href$="/tindakan/${t.event}"]`);
  if (await page.locator('#note').count()) await page.fill('#note', `Catatan petugas: ${t.label}.`);
  if (t.requires === 'outside_approval') {
    await page.fill('#approvedOn', today());
    await page.fill('#notaNumber', '005/1/424.085/2026');
  }
  if (shot) await screenshots(page, shot);
  await page.click(`form[action$="/tindakan/${t.event}"] button[type=submit]`);
  await page.waitForSelector('text=Tindakan telah disimpan');
};

/**
 * The letter a step numbered, initialled by each officer the standard names and signed by its
 * signatory on the letter page, each in their own browser: only then is it issued.
 */
const signInBrowser = async (letterId: string, shot: string) => {
  const letter = (await world.deps.letters.get(letterId))!;
  for (const role of letter.signing.initials) {
    const page = await signedIn(officerFor([role]));
    await page.goto(`${web.base}/konsol/surat/${letterId}`);
    await page.click('button:has-text("Paraf surat ini")');
    await page.waitForSelector('text=Paraf Anda tercatat');
  }
  const page = await signedIn(officerFor([letter.signing.role]));
  await page.goto(`${web.base}/konsol/surat/${letterId}`);
  await screenshots(page, shot);
  await page.click('button:has-text("Tanda tangani dan terbitkan")');
  await page.waitForSelector('text=Surat telah ditandatangani dan terbit');
};

/** Attaches the scan of every required document still missing, then declares every requirement in order. */
const checkRequirements = async (page: Page, trackingNumber: string) => {
  let c = await caseByNumber(trackingNumber);
  await page.goto(`${web.base}/konsol/berkas/${c.id}`);
  const s = services().find((x) => x.id === c.serviceId)!;
  for (const r of s.requirements.filter((r) => c.checklist[r.id]?.status === 'missing'))
    for (const f of r.fields.filter((f) => f.kind === 'document' && !(c.answers[f.id] ?? []).length)) {
      await page.setInputFiles(`#file-${f.id}`, file(f));
      await page.click(`#req-${r.id} form.scan:has(#file-${f.id}) button`);
      await page.waitForSelector('text=Scan dokumen telah dilampirkan');
    }
  for (;;) {
    const button = page.locator('button:has-text("Nyatakan sesuai")').first();
    if (!(await button.count())) break;
    await button.click();
    await page.waitForSelector('text=Persyaratan telah dinyatakan sesuai').catch(async (e) => {
      const c = await caseByNumber(trackingNumber);
      throw new Error(
        `${e}\n${await page.textContent('.error-summary').catch(() => '')}\n${JSON.stringify(c.attachments.map((a) => [a.fieldId, a.status, a.lastError]))}\n${JSON.stringify(c.answers)}`,
      );
    });
  }
  c = await caseByNumber(trackingNumber);
  expect(Object.values(c.checklist).map((i) => i.status)).toEqual(Object.values(c.checklist).map(() => 'ok'));
};

/** The officer asks for the left-out document; the applicant sends it through the mail's edit link. */
const reviseAndResubmit = async (s: Service, citizen: Page, trackingNumber: string) => {
  const { r, f } = documentToAskFor(s)!;
  const wf = workflowFor(s);
  const ask = wf.transitions.find((t) => t.from.includes(s.flow.revisionAt!) && t.requires === 'revision_items')!;
  const officer = await signedIn(officerFor(ask.roles));
  const c = await caseByNumber(trackingNumber);
  await officer.goto(`${web.base}/konsol/berkas/${c.id}`);
  expect(await officer.textContent('.panel.blocked')).toContain(r.text.slice(0, 40));
  await officer.click(`a[href$="/tindakan/${ask.event}"]`);
  expect(await officer.isChecked(`#requirements-${r.id}`)).toBe(true);
  await officer.fill('#note', `Mohon lengkapi: ${f.label}.`);
  await screenshots(officer, `every-${s.id}-05-revision`);
  await officer.click(`form[action$="/tindakan/${ask.event}"] button[type=submit]`);
  await officer.waitForSelector('text=Tindakan telah disimpan');
  await world.deps.background.idle();
  const mail = world.catcher.mail
    .filter((m) => m.subject.startsWith('Perlu perbaikan') && m.text.includes(trackingNumber))
    .at(-1)!;
  expect(mail.text).toContain(`Mohon lengkapi: ${f.label}.`);
  const edit = mail.text.match(/http:\/\/desk\.local\/contoh\/formulir\/[^/\s]+\/ubah\/\S+/)![0];
  clock.advance(30 * 60_000);
  await citizen.goto(local(edit));
  await citizen.setInputFiles(`#f-${f.id}`, file(f));
  await citizen.click('button:has-text("Kirim perbaikan")');
  await citizen.waitForSelector('text=Perbaikan terkirim');
  await world.deps.background.idle();
  expect((await caseByNumber(trackingNumber)).state).toBe(s.flow.revisionAt);
};

/** A Klinik booking needs a session on a topic the applicant asked for: the step's officer sets one up. */
const sessionFor = async (page: Page, c: CaseRecord) => {
  await page.goto(`${web.base}/konsol/klinik`);
  await page.fill('#date', '2026-11-30');
  await page.fill('#time', '09:00');
  const topic = topicsOf(c)[0];
  if (topic) await page.selectOption('#topic', topic);
  await page.click('button:has-text("Tambah sesi")');
  await page.waitForSelector('text=Sesi jadwal ditambahkan');
};

describe('every service of the standard, walked in a browser', () => {
  for (const s of services()) {
    it(`${s.id}: from submission to its end, each step by its officer`, async () => {
      const citizen = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
      watchPage(citizen, problems);
      const shot = (name: string) => screenshots(citizen, `every-${s.id}-${name}`);
      const online = s.channels[0] === 'google_form';
      const trackingNumber = online ? await applyOnline(s, citizen, shot) : await registerAtDesk(s, shot);
      await world.deps.background.idle();
      if (online && documentToAskFor(s)) await reviseAndResubmit(s, citizen, trackingNumber);

      const path = forwardPath(s, await caseByNumber(trackingNumber));
      for (const [i, t] of path.entries()) {
        clock.advance(20 * 60_000);
        const page = await signedIn(officerFor(t.roles));
        const c = await caseByNumber(trackingNumber);
        if (t.guard === 'requirements_complete') await checkRequirements(page, trackingNumber);
        if (t.requires === 'klinik_seat') await sessionFor(page, c);
        // The case page once as its first officer works it; a step's form wherever the step asks for data.
        if (i === 0) {
          await page.goto(`${web.base}/konsol/berkas/${c.id}`);
          await screenshots(page, `every-${s.id}-10-case`);
        }
        await takeStep(page, c, t, t.requires ? `every-${s.id}-1${i}-${t.event}` : undefined);
        await world.deps.background.idle();
        const after = await caseByNumber(trackingNumber);
        expect(after.state, `${s.id} after ${t.event}`).toBe(t.to);
        if (t.effects.includes('request_letter_number')) {
          await signInBrowser(after.letterId!, `every-${s.id}-18-letter-signing`);
          await world.deps.background.idle();
        }
        if (i === path.length - 1) await screenshots(page, `every-${s.id}-19-case-done`);
      }

      const done = await caseByNumber(trackingNumber);
      expect(done.state).toBe('selesai');
      await citizen.goto(`${web.base}/status/${trackingNumber}`);
      expect(await citizen.textContent('main')).toContain('Selesai');
      await shot('20-status-done');
      if (path.some((t) => t.effects.includes('request_letter_number'))) {
        expect(done.letterNumber).toBeTruthy();
        await citizen.goto(`${web.base}/verifikasi/${done.letterId}`);
        expect(await citizen.textContent('main')).toContain(done.letterNumber!);
        expect(await citizen.textContent('main')).toContain('Surat ini asli, berlaku');
        await shot('21-letter-verified');
      }
      if (path.some((t) => t.effects.includes('record_in_registry'))) {
        const page = await signedIn(officerFor(path.find((t) => t.effects.includes('record_in_registry'))!.roles));
        await page.goto(`${web.base}/konsol/umkm`);
        expect(await page.textContent('main')).toContain(umkmEntryOf(done, clock.now()).businessName);
        await screenshots(page, `every-${s.id}-22-registry`);
      }
      const mails = world.catcher.mail.filter((m) => m.text.includes(trackingNumber));
      expect(mails.length).toBeGreaterThan(0);
      writeFileSync(
        join(ARTIFACTS, `every-${s.id}-mail.txt`),
        mails.map((m) => `To: ${m.to}\nSubject: ${m.subject}\n\n${m.text}`).join('\n\n---------\n\n'),
      );
      await citizen.close();
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
