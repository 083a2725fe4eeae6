/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { LoketError, maskDigitRuns, SURVEY_REF, type SurveyAnswers, UNSUR, caseService } from '@loket/core';
import type { AppEnv } from '../app';
import type { Deps } from '../../deps';
import { lazyPages } from '../../web/lazy-pages';
import { readForm } from '../../web/read-form';

const render = lazyPages(() => import('../../web/occasional-pages'));

/**
 * The public survey of a finished request. The reference names the case and carries its token; a wrong
 * one, an unknown case and an expired invitation all answer the same 404, so nothing can be probed.
 */
export const surveyRoutes = (deps: Deps) => {
  const app = new Hono<AppEnv>();
  const invitation = async (ref: string) => {
    const m = SURVEY_REF.exec(ref);
    const c = m ? await deps.repo.get(m[1]!) : undefined;
    if (!c?.survey || c.survey.token !== m![2] || c.survey.until < deps.time.now()) {
      throw new LoketError('not_found', 'Tautan survei tidak berlaku. Terima kasih atas perhatian Anda.');
    }
    return c;
  };

  app.get('/survei/:ref', async (c) => {
    const record = await invitation(c.req.param('ref'));
    if (await deps.surveys.answered(record.id)) return render(c, (P) => <P.SurveyDone already />);
    return render(c, (P) => <P.SurveyPage ref={c.req.param('ref')} serviceName={caseService(record).name} />);
  });

  app.post('/survei/:ref', async (c) => {
    const record = await invitation(c.req.param('ref'));
    const form = await readForm(c);
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v).slice(0, 2000)]));
    const answers: SurveyAnswers = {};
    const errors: { field: string; message: string }[] = [];
    for (const u of UNSUR) {
      const score = Number(values[u.id]);
      if ([1, 2, 3, 4].includes(score)) answers[u.id] = score as 1 | 2 | 3 | 4;
      else errors.push({ field: u.id, message: `Pilih satu jawaban untuk "${u.label}".` });
    }
    if (errors.length) {
      c.status(400);
      return render(c, (P) => (
        <P.SurveyPage ref={c.req.param('ref')} serviceName={caseService(record).name} values={values} errors={errors} />
      ));
    }
    // A suggestion is free text: digit runs that look like a NIK are masked before it is stored.
    const suggestion = maskDigitRuns(values.saran?.trim() ?? '').slice(0, 1000);
    const stored = await deps.surveys.put({
      caseId: record.id,
      serviceId: record.serviceId,
      answers,
      ...(suggestion ? { suggestion } : {}),
      at: deps.time.now(),
    });
    return render(c, (P) => <P.SurveyDone already={!stored} />);
  });
  return app;
};
