/** @jsxImportSource hono/jsx */
import {
  type CaseRecord,
  clockText,
  currentStep,
  slaState,
  type StaffMember,
  caseService,
  formatDateId,
  formatWib,
} from '@loket/core';
import { SlaTag } from '../components';

/** One case as every list of the console shows it: tracking number first (a link), status tag last. */
export const CaseCard = ({ c, now, staff }: { c: CaseRecord; now: number; staff: Map<string, StaffMember> }) => {
  const state = slaState(c.clock, now, c.closedAt);
  const cls =
    state === 'breached' || state === 'missed' ? 'card card-red' : state === 'at_risk' ? 'card card-yellow' : 'card';
  return (
    <li class={cls}>
      <h3>
        <a class="tn" href={`/konsol/berkas/${c.id}`}>
          {c.trackingNumber}
        </a>
      </h3>
      <p>{caseService(c).name}</p>
      <p class="small">
        {c.applicant.name} · Diterima {formatDateId(c.clock.receivedAt)}
        {c.clock.dueAt !== undefined && c.closedAt === undefined && <> · Batas {formatWib(c.clock.dueAt)}</>}
      </p>
      <p class="small">
        Tahap: {currentStep(c).label} · Petugas:{' '}
        {c.assigneeId ? (staff.get(c.assigneeId)?.name ?? c.assigneeId) : 'belum didisposisikan'}
      </p>
      <p class="small">
        <SlaTag state={state} /> {clockText(c, now)}
      </p>
    </li>
  );
};
