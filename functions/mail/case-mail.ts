import {
  surveyInvitationMail,
  caseUpdateMail,
  type CaseChange,
  fileRefusedMail,
  type OutgoingMail,
  receiptMail,
  type StaffDirectory,
  stateOf,
  workArrivedMail,
  workflowFor,
  theStandard,
  caseService,
} from '@loket/core';
import { owners } from '../jobs/recipients';

/**
 * Which case changes owe an email. The applicant: the receipt when a case opens, a refused upload, and
 * every transition whose step says `notify_applicant` (revision requests, refusals, results). Officers:
 * a change that says `notify_assignee` or `escalate` (an assignment, a case arriving at a step) tells
 * whoever works the case now — never the officer who made the change.
 */
export const caseMails =
  (publicUrl: string, staff: StaffDirectory, odsUrl?: string) =>
  async (change: CaseChange): Promise<OutgoingMail[]> => {
    const { event, record } = change;
    const mails: OutgoingMail[] = [];
    if (event.type === 'attachment_failed' && event.data?.rejected) {
      const refused = fileRefusedMail(record, String(event.data.error ?? ''), publicUrl);
      if (refused) mails.push(refused);
    }
    if (change.effects.includes('notify_applicant')) {
      // A business recorded in ODS is told where its data lives, to keep it up to date each year.
      const note =
        change.writes?.some((w) => w.kind === 'registry_entry') && odsUrl
          ? [
              event.note,
              `Data usaha Anda telah tercatat di ${theStandard().registry?.name ?? 'registri usaha'}: ${odsUrl}\nMohon perbarui data usaha setiap tahun.`,
            ]
              .filter(Boolean)
              .join('\n\n')
          : event.note;
      const mail = event.type === 'created' ? receiptMail(record, publicUrl) : caseUpdateMail(record, note, publicUrl);
      if (mail) mails.push(mail);
    }
    // The change that finished the request opened its survey: the invitation goes with it.
    if (change.opensSurvey) {
      const invitation = surveyInvitationMail(record, publicUrl);
      if (invitation) mails.push(invitation);
    }
    const arrives = change.effects.includes('notify_assignee') || change.effects.includes('escalate');
    if (arrives && stateOf(workflowFor(caseService(record)), record.state).kind === 'active') {
      const all = await staff.list();
      const to =
        event.type === 'assigned' ? all.filter((s) => s.active && s.id === record.assigneeId) : owners(record, all);
      const reason =
        event.type === 'assigned' ? 'assigned' : change.effects.includes('escalate') ? 'escalated' : 'arrived';
      mails.push(
        ...to
          .filter((s) => s.id !== event.actorId)
          .map((s) => workArrivedMail(record, s, reason, event.seq, publicUrl)),
      );
    }
    return mails;
  };
