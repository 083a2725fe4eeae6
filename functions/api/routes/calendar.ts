import { Holiday, LoketError, ADMIN_ROLE } from '@loket/core';
import type { Deps } from '../../deps';
import { apiRouter, jsonBody, jsonOk } from '../openapi';
import * as z from 'zod';
import { editHolidays } from '../../cases/calendar';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

/**
 * The working calendar: anyone may read it; only an admin edits it. An edit is saved version-checked
 * and answered at once; the minutely job then moves every open deadline (see jobs/recompute.ts). The
 * answer says how many open cases will follow the new calendar.
 */
const DateParam = z.object({ date: z.iso.date().meta({ description: 'YYYY-MM-DD (must exist on the calendar)' }) });
const HolidayBody = Holiday.unwrap().omit({ date: true });

export const calendarRoutes = (deps: Deps) => {
  const app = apiRouter<StaffEnv>('/api/calendar');
  const tags = ['Kalender kerja'];
  app.openapi(
    {
      method: 'get',
      path: '/',
      tags,
      summary: 'The working calendar: holidays, service hours, overrides',
      responses: jsonOk('the calendar'),
    },
    async (c) => c.json(await deps.calendars.load(), 200),
  );

  const edit = async (actor: StaffEnv['Variables']['actor'], change: (h: Holiday[]) => Holiday[]) => {
    requireRole(actor, [ADMIN_ROLE], 'mengubah kalender kerja');
    return editHolidays(deps, change);
  };

  app.use('/holidays/*', requireStaff(deps));
  app.openapi(
    {
      method: 'put',
      path: '/holidays/{date}',
      tags,
      staff: true,
      summary: 'Add or correct a holiday (admin); open deadlines follow within a minute',
      request: { params: DateParam, ...jsonBody(HolidayBody) },
      responses: jsonOk('{holiday, calendarVersion, casesToRecompute}'),
      errorStatuses: [400, 403, 409],
    },
    async (c) => {
      const { date } = c.req.valid('param');
      const holiday = { ...c.req.valid('json'), date };
      const result = await edit(c.get('actor'), (hs) => [...hs.filter((h) => h.date !== date), holiday]);
      c.get('log').info('holiday set', { date, ...result });
      return c.json({ holiday, ...result }, 200);
    },
  );

  app.openapi(
    {
      method: 'delete',
      path: '/holidays/{date}',
      tags,
      staff: true,
      summary: 'Remove a holiday (admin)',
      request: { params: DateParam },
      responses: jsonOk('{removed, calendarVersion, casesToRecompute}'),
      errorStatuses: [400, 403, 404, 409],
    },
    async (c) => {
      const { date } = c.req.valid('param');
      const data = await deps.calendars.load();
      if (!data.holidays.some((h) => h.date === date))
        throw new LoketError('not_found', `Tanggal ${date} tidak ada di daftar hari libur.`);
      const result = await edit(c.get('actor'), (hs) => hs.filter((h) => h.date !== date));
      return c.json({ removed: date, ...result }, 200);
    },
  );
  return app;
};
