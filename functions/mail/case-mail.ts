import { caseUpdateMail, type CaseChange, fileRefusedMail, type OutgoingMail, receiptMail } from '@loket/core';

/**
 * Which case changes owe the applicant an email: the receipt when a case opens, a refused upload, and
 * every transition whose workflow step says `notify_applicant` (revision requests, refusals, results).
 */
export const caseMails = (publicUrl: string) => (change: CaseChange): OutgoingMail[] => {
  const { event, record } = change;
  if (event.type === 'attachment_failed' && event.data?.rejected) {
    const refused = fileRefusedMail(record, String(event.data.error ?? ''), publicUrl);
    return refused ? [refused] : [];
  }
  if (!change.effects.includes('notify_applicant')) return [];
  const mail = change.event.type === 'created'
    ? receiptMail(change.record, publicUrl)
    : caseUpdateMail(change.record, change.event.note, publicUrl);
  return mail ? [mail] : [];
};
