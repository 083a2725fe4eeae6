/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import type { Deps } from '../../deps';
import type { ConsoleEnv } from '../auth/session';
import type { ConsoleKit } from './kit';
import type { Context } from 'hono';
import { wibMonth, hasDuty } from '@loket/core';
import { createSession } from '../../klinik/schedule';
import type { FieldError } from '../components';
import { readForm } from '../read-form';

/** The Klinik KUKM's monthly sessions: the schedule and adding a session. */
export const klinikRoutes = (app: Hono<ConsoleEnv>, deps: Deps, { render, failure, statusOf, flashOf }: ConsoleKit) => {
  const klinikPage = async (
    c: Context<ConsoleEnv>,
    month: string,
    extra: { flash?: string; errors?: FieldError[]; values?: Record<string, string> } = {},
  ) => {
    const [sessions, staff] = await Promise.all([deps.klinik.month(month), deps.staff.list()]);
    const konsultan = staff.filter((s) => s.active && hasDuty(s.roles, 'klinikConsultant'));
    return render(c, async (P) => (
      <P.KlinikPage officer={c.get('officer')} month={month} sessions={sessions} konsultan={konsultan} {...extra} />
    ));
  };

  app.get('/klinik', async (c) => {
    const asked = c.req.query('bulan') ?? '';
    return klinikPage(c, /^20\d\d-(0[1-9]|1[0-2])$/.test(asked) ? asked : wibMonth(deps.time.now()), {
      flash: flashOf(c),
    });
  });

  app.post('/klinik', async (c) => {
    const form = await readForm(c);
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v).slice(0, 100)]));
    try {
      const session = await createSession(deps, values, c.get('actor'));
      return c.redirect(`/konsol/klinik?bulan=${session.date.slice(0, 7)}&pesan=sesi`, 303);
    } catch (e) {
      c.status(statusOf(e) as 400);
      return klinikPage(
        c,
        /^\d{4}-\d{2}/.test(values.date ?? '') ? values.date!.slice(0, 7) : wibMonth(deps.time.now()),
        { errors: failure(e), values },
      );
    }
  });
};
