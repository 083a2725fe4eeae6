import { Hono } from 'hono';
import { Holiday, LoketError } from '@loket/core';
import type { Deps } from '../../deps';
import { fromZod } from '../errors';
import { jsonBody } from './body';
import { editHolidays } from '../../cases/calendar';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

/**
 * The working calendar: anyone may read it; only an admin edits it. An edit is saved version-checked
 * and answered at once; the minutely job then moves every open deadline (see jobs/recompute.ts). The
 * answer says how many open cases will follow the new calendar.
 */
export const calendarRoutes = (deps: Deps) => {
  const app = new Hono<StaffEnv>();
  app.get('/', async (c) => c.json(await deps.calendars.load()));

  const edit = async (actor: StaffEnv['Variables']['actor'], change: (h: Holiday[]) => Holiday[]) => {
    requireRole(actor, ['admin'], 'mengubah kalender kerja');
    return editHolidays(deps, change);
  };

  app.put('/holidays/:date', requireStaff(deps), async (c) => {
    const date = c.req.param('date');
    const body = await jsonBody(c, Holiday.omit({ date: true }));
    const parsed = Holiday.safeParse({ ...body, date });
    if (!parsed.success) throw fromZod(parsed.error, 'Hari libur');
    const holiday = parsed.data;
    const result = await edit(c.get('actor'), (hs) => [...hs.filter((h) => h.date !== date), holiday]);
    c.get('log').info('holiday set', { date, ...result });
    return c.json({ holiday, ...result });
  });

  app.delete('/holidays/:date', requireStaff(deps), async (c) => {
    const date = c.req.param('date');
    const data = await deps.calendars.load();
    if (!data.holidays.some((h) => h.date === date)) throw new LoketError('not_found', `Tanggal ${date} tidak ada di daftar hari libur.`);
    const result = await edit(c.get('actor'), (hs) => hs.filter((h) => h.date !== date));
    return c.json({ removed: date, ...result });
  });
  return app;
};
