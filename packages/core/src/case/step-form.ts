import { caseService } from '../standard/current';
import { type KlinikSession, seatsLeft, sessionStart, topicsOf } from '../klinik/schedule';
import { PASAL_17 } from '../letters/refusal';
import { formatWib } from '../sla/wib';
import type { TransitionDef } from '../workflow/engine';
import { listValue, STEP_DATA } from '../workflow/step-data';
import type { CaseRecord } from './model';

export interface StepFormOption {
  value: string;
  label: string;
  checked: boolean;
}

/** One field of a step's form, resolved for a case: what the console renders, without HTML. */
export interface StepFormField {
  name: string;
  label: string;
  hint?: string;
  control: (typeof STEP_DATA)[keyof typeof STEP_DATA][number]['control'];
  value: string;
  options?: StepFormOption[];
  empty?: string;
}

/**
 * The fields the console asks for before a step, straight from the step's declaration (`STEP_DATA`):
 * the same names the JSON API takes in `data` and the command checks. `values` are what the officer
 * sent last (a refused attempt keeps them); `sessions` the clinic sessions this case can be booked into.
 */
export const stepForm = (
  c: CaseRecord,
  action: Pick<TransitionDef, 'requires'>,
  input: { values?: Record<string, string>; sessions?: KlinikSession[] } = {},
): StepFormField[] => {
  if (!action.requires) return [];
  const values = input.values ?? {};
  const service = caseService(c);
  return STEP_DATA[action.requires]
    .filter((f) => !f.onlyForLapor || c.lapor)
    .map((f): StepFormField => {
      const value = values[f.name] ?? '';
      const field = { name: f.name, label: f.label, hint: f.hint, control: f.control, value, empty: f.empty };
      switch (f.options) {
        case 'pasal_17':
          return {
            ...field,
            options: Object.entries(PASAL_17).map(([k, text]) => ({
              value: k,
              label: `Huruf ${k}: ${text}`,
              checked: value === k,
            })),
          };
        case 'requirements': {
          // Preselected: what the officer chose before, else every requirement found missing or invalid.
          const before = listValue(values, f.name);
          return {
            ...field,
            options: service.requirements.map((r) => ({
              value: r.id,
              label: r.text,
              checked: before.length
                ? before.includes(r.id)
                : ['missing', 'invalid'].includes(c.checklist[r.id]?.status ?? ''),
            })),
          };
        }
        case 'klinik_sessions': {
          const sessions = input.sessions ?? [];
          const topics = topicsOf(c);
          return {
            ...field,
            hint: `Topik yang diminta: ${topics.join(', ') || 'semua'}. ${f.hint ?? ''}`.trim(),
            options: sessions.map((s, i) => ({
              value: s.id,
              label: `${formatWib(sessionStart(s))} · ${s.topic} · ${s.konsultanName} · sisa ${seatsLeft(s)} kursi`,
              checked: value ? value === s.id : i === 0,
            })),
          };
        }
        default:
          return field;
      }
    });
};
