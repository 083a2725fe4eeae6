import { caseUpdateMail, type CaseChange, type OutgoingMail, receiptMail } from '@loket/core';

/**
 * Which case changes owe the applicant an email: the receipt when a case opens, and every transition
 * whose workflow step says `notify_applicant` (revision requests, refusals, results).
 */
export const caseMails = (publicUrl: string) => (change: CaseChange): OutgoingMail[] => {
  if (!change.effects.includes('notify_applicant')) return [];
  const mail = change.event.type === 'created'
    ? receiptMail(change.record, publicUrl)
    : caseUpdateMail(change.record, change.event.note, publicUrl);
  return mail ? [mail] : [];
};
