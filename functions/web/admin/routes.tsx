/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { pageRenderer } from '../lazy-pages';
import { createMiddleware } from 'hono/factory';
import {
  findService,
  FormMappingSchema,
  Holiday,
  letterServices,
  LetterSettings,
  delegateRoles,
  STAFF_ID,
  isLoketError,
  parseMailAddress,
  questionMatcher,
  staffRoles,
  type StaffMember,
  isAdmin,
  services,
  savedStaffMember,
} from '@loket/core';
import type { Deps } from '../../deps';
import { editHolidays } from '../../cases/calendar';
import { formMappingSources } from '../../intake/google-forms';
import { resendFailed } from '../../mail/dispatch';
import { type ConsoleEnv, requireSession } from '../auth/session';
import { type FieldError, ForbiddenPage } from '../components';
import * as pages from './pages';
import type { PreviewRow } from './pages';
import { readForm, readFormAll } from '../read-form';

/** The administration is loaded lazily with the console (console-group.ts): its pages are imported statically. */
const render = pageRenderer(pages);

const FLASH: Record<string, string> = {
  petugas: 'Data petugas disimpan.',
  kalender: 'Hari libur disimpan; batas waktu berkas terbuka akan dihitung ulang dalam satu menit.',
  hapus: 'Hari libur dihapus; batas waktu berkas terbuka akan dihitung ulang dalam satu menit.',
  formulir: 'Pemetaan formulir disimpan.',
  surat: 'Pengaturan surat disimpan; berlaku untuk surat berikutnya.',
  email: 'Email dimasukkan kembali ke antrean.',
};

/** Reads an officer from the form, with errors naming each field; the directory re-checks the email. */
const staffFromForm = (
  form: Record<string, string | string[]>,
  id: string,
): { member: StaffMember; errors: FieldError[] } => {
  const str = (k: string) => String([form[k] ?? ''].flat()[0] ?? '').trim();
  const roles = [form.roles ?? []]
    .flat()
    .map(String)
    .filter((r) => staffRoles().includes(r));
  const member: StaffMember = {
    id,
    name: str('name').slice(0, 200),
    email: str('email').slice(0, 254),
    roles,
    superiorId: str('superiorId') || undefined,
    active: str('active') === '1',
  };
  const errors: FieldError[] = [];
  if (!STAFF_ID.test(id)) errors.push({ field: 'id', message: 'Kode petugas: 2–40 huruf kecil, angka atau tanda -.' });
  if (!member.name) errors.push({ field: 'name', message: 'Masukkan nama petugas.' });
  if (parseMailAddress(member.email) !== member.email)
    errors.push({ field: 'email', message: 'Masukkan satu alamat email yang valid.' });
  if (!roles.length) errors.push({ field: 'roles', message: 'Pilih sedikitnya satu peran.' });
  return { member, errors };
};

/** Administration without code or redeploys: officers, the calendar, form mappings, failed mail. Admins only (403). */
export const adminPages = (deps: Deps) => {
  const app = new Hono<ConsoleEnv>();
  app.use(requireSession(deps));
  app.use(
    createMiddleware<ConsoleEnv>(async (c, next) => {
      if (!isAdmin(c.get('officer').roles)) {
        c.status(403);
        return c.html(
          <ForbiddenPage officer={c.get('officer')} what="Halaman administrasi hanya untuk administrator Loket." />,
        );
      }
      await next();
    }),
  );
  const flash = (q?: string) => FLASH[q ?? ''];

  app.get('/', (c) => render(c, async (P) => <P.AdminHome officer={c.get('officer')} />));
  app.get('/standar', (c) => render(c, async (P) => <P.StandardPage officer={c.get('officer')} />));

  app.get('/surat', async (c) => {
    const { data, version } = await deps.letters.settings();
    return render(c, async (P) => (
      <P.LetterSettingsPage
        officer={c.get('officer')}
        settings={data}
        version={version}
        flash={flash(c.req.query('pesan'))}
      />
    ));
  });

  app.post('/surat', async (c) => {
    const form = await readForm(c);
    const str = (k: string) =>
      String(form[k] ?? '')
        .trim()
        .slice(0, 300);
    const { data: stored } = await deps.letters.settings();
    // The NIK is never shown back: an empty field keeps the stored one.
    const signatoryFrom = (prefix: string, storedNik: string) => ({
      title: str(`${prefix}.title`),
      name: str(`${prefix}.name`),
      rank: str(`${prefix}.rank`),
      nip: str(`${prefix}.nip`),
      nik: str(`${prefix}.nik`).replace(/\s/g, '') || storedNik,
    });
    const candidate = {
      regionCode: str('regionCode'),
      unitCode: str('unitCode'),
      counterPerClassification: form.counterPerClassification === '1',
      classification: Object.fromEntries(letterServices().map((t) => [t, str(`classification.${t}`)])),
      letterhead: {
        government: str('letterhead.government'),
        office: str('letterhead.office'),
        address: str('letterhead.address'),
        contact: str('letterhead.contact'),
        place: str('letterhead.place'),
      },
      signatory: signatoryFrom('signatory', stored.signatory.nik),
      delegates: Object.fromEntries(
        delegateRoles().map((r) => [r, signatoryFrom(`delegates.${r}`, stored.delegates[r]?.nik ?? '')]),
      ),
      ppidSuperior: str('ppidSuperior'),
    };
    const parsed = LetterSettings.safeParse(candidate);
    const version = Number(form.version) || 0;
    if (!parsed.success) {
      c.status(400);
      const errors = parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        message: `${i.path.join('.')}: ${i.message.startsWith('kode') ? i.message : 'isian tidak valid'}`,
      }));
      return render(c, async (P) => (
        <P.LetterSettingsPage
          officer={c.get('officer')}
          settings={candidate as LetterSettings}
          version={version}
          errors={errors}
        />
      ));
    }
    try {
      await deps.letters.saveSettings(parsed.data, version);
    } catch (e) {
      if (!isLoketError(e)) throw e;
      c.status(409);
      return render(c, async (P) => (
        <P.LetterSettingsPage
          officer={c.get('officer')}
          settings={parsed.data}
          version={version}
          errors={[{ field: 'regionCode', message: e.message }]}
        />
      ));
    }
    c.get('log').info('letter settings saved', { by: c.get('officer').id });
    return c.redirect('/konsol/admin/surat?pesan=surat', 303);
  });

  app.get('/petugas', async (c) =>
    render(c, async (P) => (
      <P.StaffListPage officer={c.get('officer')} staff={await deps.staff.list()} flash={flash(c.req.query('pesan'))} />
    )),
  );
  app.get('/petugas/baru', async (c) =>
    render(c, async (P) => (
      <P.StaffEditPage
        officer={c.get('officer')}
        member={{ active: true, roles: [] }}
        staff={await deps.staff.list()}
        isNew
      />
    )),
  );
  app.get('/petugas/:id', async (c) => {
    const member = await deps.staff.get(c.req.param('id').slice(0, 64));
    if (!member) return c.text('Petugas tidak ditemukan.', 404);
    return render(c, async (P) => (
      <P.StaffEditPage officer={c.get('officer')} member={member} staff={await deps.staff.list()} isNew={false} />
    ));
  });
  const saveStaff = (isNew: boolean) => async (c: Context<ConsoleEnv>) => {
    const form = (await readFormAll(c)) as Record<string, string | string[]>;
    const id = isNew ? String(form.id ?? '').trim() : c.req.param('id')!.slice(0, 64);
    const { member, errors } = staffFromForm(form, id);
    const staff = await deps.staff.list();
    if (isNew && staff.some((s) => s.id === id))
      errors.push({ field: 'id', message: 'Kode petugas itu sudah dipakai.' });
    if (!isNew && !staff.some((s) => s.id === id)) return c.text('Petugas tidak ditemukan.', 404);
    if (id === c.get('officer').id && (!member.active || !isAdmin(member.roles))) {
      errors.push({
        field: 'roles',
        message: 'Anda tidak dapat mencabut peran administrator atau menonaktifkan akun Anda sendiri.',
      });
    }
    if (errors.length) {
      c.status(400);
      return render(c, async (P) => (
        <P.StaffEditPage officer={c.get('officer')} member={member} staff={staff} errors={errors} isNew={isNew} />
      ));
    }
    await deps.staff.put(
      savedStaffMember(
        member,
        staff.find((s) => s.id === id),
        deps.time.now(),
      ),
    );
    c.get('log').info('staff saved', { staffId: member.id, roles: member.roles, active: member.active });
    return c.redirect('/konsol/admin/petugas?pesan=petugas', 303);
  };
  app.post('/petugas/baru', saveStaff(true));
  app.post('/petugas/:id', saveStaff(false));

  app.get('/kalender', async (c) => {
    const year = /^\d{4}$/.test(c.req.query('tahun') ?? '')
      ? c.req.query('tahun')!
      : new Date(deps.time.now() + 7 * 3600_000).toISOString().slice(0, 4);
    return render(c, async (P) => (
      <P.CalendarPage
        officer={c.get('officer')}
        holidays={(await deps.calendars.load()).holidays}
        year={year}
        flash={flash(c.req.query('pesan'))}
      />
    ));
  });
  app.post('/kalender', async (c) => {
    const form = await readForm(c);
    const values = Object.fromEntries(
      ['date', 'type', 'name', 'basis'].map((k) => [
        k,
        String(form[k] ?? '')
          .trim()
          .slice(0, 600),
      ]),
    );
    const parsed = Holiday.safeParse(values);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        field: String(i.path[0]),
        message:
          i.path[0] === 'date'
            ? 'Tanggal harus ada di kalender, format TTTT-BB-HH.'
            : 'Isian ini wajib diisi (paling panjang 200 karakter).',
      }));
      c.status(400);
      return render(c, async (P) => (
        <P.CalendarPage
          officer={c.get('officer')}
          holidays={(await deps.calendars.load()).holidays}
          year={values.date!.slice(0, 4) || '2026'}
          errors={errors}
          values={values}
        />
      ));
    }
    await editHolidays(deps, (hs) => [...hs.filter((h) => h.date !== parsed.data.date), parsed.data]);
    return c.redirect(`/konsol/admin/kalender?tahun=${parsed.data.date.slice(0, 4)}&pesan=kalender`, 303);
  });
  app.post('/kalender/:date/hapus', async (c) => {
    const date = c.req.param('date');
    await editHolidays(deps, (hs) => hs.filter((h) => h.date !== date));
    return c.redirect(`/konsol/admin/kalender?tahun=${date.slice(0, 4)}&pesan=hapus`, 303);
  });

  app.get('/formulir', async (c) =>
    render(c, async (P) => (
      <P.FormsPage
        officer={c.get('officer')}
        mappings={await formMappingSources(deps)}
        flash={flash(c.req.query('pesan'))}
      />
    )),
  );
  app.get('/formulir/ubah', async (c) => {
    const m = (await formMappingSources(deps)).find((x) => x.formId === c.req.query('form'));
    const values: Record<string, string> = m
      ? {
          formId: m.formId,
          serviceId: m.serviceId,
          formUrl: m.formUrl ?? '',
          questions: Object.entries(m.questions)
            .map(([q, f]) => `${q} = ${f}`)
            .join('\n'),
        }
      : { serviceId: services().find((s) => s.channels.includes('google_form'))?.id ?? '' };
    return render(c, async (P) => <P.FormEditPage officer={c.get('officer')} values={values} />);
  });
  app.post('/formulir/ubah', async (c) => {
    const form = await readForm(c);
    const values = Object.fromEntries(
      ['formId', 'serviceId', 'formUrl', 'questions', 'sample', 'aksi'].map((k) => [
        k,
        String(form[k] ?? '').slice(0, 100_000),
      ]),
    );
    const questions = Object.fromEntries(
      values
        .questions!.split('\n')
        .map((l) => l.split('='))
        .filter((p) => p.length >= 2)
        .map((p) => [p.slice(0, -1).join('=').trim(), p.at(-1)!.trim()])
        .filter(([q, f]) => q && f),
    );
    const candidate = {
      formId: values.formId!.trim(),
      serviceId: values.serviceId!,
      questions,
      ...(values.formUrl!.trim() ? { formUrl: values.formUrl!.trim() } : {}),
    };
    const errors: FieldError[] = [];
    const parsed = FormMappingSchema.safeParse(candidate);
    const service = findService(candidate.serviceId);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        errors.push({
          field: String(i.path[0] ?? 'formId'),
          message:
            i.path[0] === 'formUrl'
              ? 'Alamat formulir harus diawali https://.'
              : i.path[0] === 'questions'
                ? 'Periksa daftar pertanyaan.'
                : 'ID formulir hanya huruf, angka, - dan _.',
        });
    }
    const unknownFields = service
      ? Object.values(questions).filter(
          (f) =>
            !service.requirements
              .flatMap((r) => r.fields)
              .concat(service.applicantFields)
              .some((x) => x.id === f),
        )
      : [];
    if (unknownFields.length)
      errors.push({
        field: 'questions',
        message: `Kode isian tidak dikenal untuk layanan ini: ${[...new Set(unknownFields)].slice(0, 5).join(', ')}.`,
      });
    let preview: PreviewRow[] | undefined;
    if (values.sample!.trim() && service) {
      try {
        const sample = JSON.parse(values.sample!) as { answers?: { questionId?: unknown; title?: unknown }[] };
        const match = questionMatcher(service, { questions });
        preview = (sample.answers ?? []).slice(0, 300).map((a) => {
          const q = { questionId: String(a.questionId ?? ''), title: String(a.title ?? '') };
          return { title: q.title || q.questionId, field: match(q)?.id };
        });
      } catch {
        errors.push({ field: 'sample', message: 'Contoh jawaban bukan JSON yang valid.' });
      }
    }
    if (errors.length || values.aksi !== 'simpan') {
      if (errors.length) c.status(400);
      return render(c, async (P) => (
        <P.FormEditPage officer={c.get('officer')} values={values} errors={errors} preview={preview} />
      ));
    }
    await deps.formMappings.put(parsed.data!);
    return c.redirect('/konsol/admin/formulir?pesan=formulir', 303);
  });

  app.get('/email', async (c) =>
    render(c, async (P) => (
      <P.FailedMailPage
        officer={c.get('officer')}
        mails={await deps.outbox.listFailed(200)}
        flash={flash(c.req.query('pesan'))}
      />
    )),
  );
  app.post('/email/:id/kirim-ulang', async (c) => {
    if (!(await resendFailed(deps, c.req.param('id')))) return c.text('Email tidak ditemukan.', 404);
    return c.redirect('/konsol/admin/email?pesan=email', 303);
  });

  app.onError((e, c) => {
    if (isLoketError(e) && e.code === 'conflict') return c.text(e.message, 409);
    throw e;
  });
  return app;
};
