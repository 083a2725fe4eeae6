/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import { isLoketError, type StaffMember, hasDuty, dutyHolders } from '@loket/core';
import { registerByHand, registerFromLapor } from '../../lapor/register';
import { readManualForm } from '../../lapor/manual-form';
import type { FieldError } from '../components';
import { readForm, readFormAll } from '../read-form';

/** SP4N-LAPOR! complaints: registering one (API or by hand) and recording an answer copied back by hand. */
export const laporRoutes = (
  app: Hono<ConsoleEnv>,
  deps: Deps,
  { render, loadCase, casePage, failure, statusOf }: ConsoleKit,
) => {
  /** SP4N-LAPOR! complaints, registered by the complaint officers (the pengaduan's first step). */
  const registersComplaints = (officer: StaffMember) => hasDuty(officer.roles, 'complaintDesk');
  app.get('/lapor/baru', (c) => {
    if (!registersComplaints(c.get('officer'))) {
      c.status(403);
      return render(c, async (P) => (
        <P.LaporNewPage
          officer={c.get('officer')}
          apiEnabled={!!deps.lapor}
          errors={[
            {
              field: 'complaintId',
              message: `Hanya ${dutyHolders('complaintDesk')} yang mendaftarkan pengaduan SP4N-LAPOR!.`,
            },
          ]}
        />
      ));
    }
    return render(c, async (P) => <P.LaporNewPage officer={c.get('officer')} apiEnabled={!!deps.lapor} />);
  });

  app.post('/lapor/baru', async (c) => {
    const officer = c.get('officer');
    const fail = (status: number, errors: FieldError[], values: Record<string, string> = {}) => {
      c.status(status as 400);
      return render(c, async (P) => (
        <P.LaporNewPage officer={officer} apiEnabled={!!deps.lapor} errors={errors} values={values} />
      ));
    };
    if (!registersComplaints(officer))
      return fail(403, [
        {
          field: 'complaintId',
          message: `Hanya ${dutyHolders('complaintDesk')} yang mendaftarkan pengaduan SP4N-LAPOR!.`,
        },
      ]);
    const form = await readFormAll(c);
    try {
      let registration;
      if (c.req.query('cara') === 'api') {
        const complaintId = String(form.complaintId ?? '')
          .trim()
          .slice(0, 40);
        try {
          registration = await registerFromLapor(deps, complaintId, officer.id);
        } catch (e) {
          if (isLoketError(e))
            return fail(statusOf(e), [{ field: 'complaintId', message: e.message }], { complaintId });
          // LAPOR! down, unknown number, bad credentials: said plainly; the manual form stays available.
          c.get('log').warn('lapor.register_failed', { error: String(e) });
          return fail(
            502,
            [
              {
                field: 'complaintId',
                message: `SP4N-LAPOR! tidak dapat dihubungi atau menolak permintaan (${(e as Error).message}). Coba lagi nanti, atau catat secara manual.`,
              },
            ],
            { complaintId },
          );
        }
      } else {
        const parsed = await readManualForm(form, deps.time.now());
        if (!parsed.complaint) return fail(400, parsed.errors, parsed.values);
        registration = await registerByHand(deps, parsed.complaint, parsed.files, c.get('actor'));
      }
      return c.redirect(
        `/konsol/berkas/${registration.caseId}?pesan=${registration.created ? 'lapor' : 'lapor-ada'}`,
        303,
      );
    } catch (e) {
      if (!isLoketError(e)) throw e;
      return fail(statusOf(e), failure(e));
    }
  });

  app.post('/berkas/:id/lapor/disalin', async (c) => {
    const record = await loadCase(c);
    const form = await readForm(c);
    try {
      await deps.cases.recordLaporCopied(record.id, {
        copyId: String(form.copyId ?? '').slice(0, 200),
        actor: c.get('actor'),
      });
      return c.redirect(`/konsol/berkas/${record.id}?pesan=disalin#lapor`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return casePage(c, await deps.cases.get(record.id), { errors: failure(e) });
    }
  });
};
