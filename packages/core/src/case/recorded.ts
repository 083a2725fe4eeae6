import type { CaseChange } from './commands';
import type { CaseEvent, CaseRecord } from './model';
import type { Effect } from '../workflow/engine';

/** A change to a case with the one event that records it, numbered by the case's new version. */
export const recorded = (
  record: CaseRecord,
  event: Omit<CaseEvent, 'caseId' | 'seq'>,
  effects: Effect[],
  also: Pick<CaseChange, 'mails' | 'writes' | 'opensSurvey'> = {},
): CaseChange => ({ record, event: { caseId: record.id, seq: record.version, ...event }, effects, ...also });
