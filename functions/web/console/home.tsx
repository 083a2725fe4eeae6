/** @jsxImportSource hono/jsx */
import { type CaseRecord, HOME_GROUPS, homeGroup, type StaffMember, hasDuty } from '@loket/core';
import { ConsolePage } from '../components';
import { CaseCard } from './case-row';

const PER_GROUP = 25;

export const HomePage = ({
  officer,
  own,
  unassigned,
  now,
  staff,
  flash,
}: {
  officer: StaffMember;
  own: CaseRecord[];
  unassigned: CaseRecord[];
  now: number;
  staff: Map<string, StaffMember>;
  flash?: string;
}) => {
  const byDue = (a: CaseRecord, b: CaseRecord) => (a.clock.dueAt ?? Infinity) - (b.clock.dueAt ?? Infinity);
  return (
    <ConsolePage title="Beranda" officer={officer}>
      {flash && (
        <div class="banner banner-success" role="status">
          <p class="banner-title">Berhasil</p>
          <div class="banner-body">{flash}</div>
        </div>
      )}
      <h1>Beranda</h1>
      <p>
        Berkas yang ditugaskan kepada Anda ({own.length}) dan berkas tahap Anda yang belum didisposisikan (
        {unassigned.length}).
      </p>
      <p class="small">
        <a href="/konsol/berkas?petugas=saya">Semua berkas saya</a> ·{' '}
        <a href="/konsol/berkas?sla=breached">Semua yang terlambat</a> · <a href="/konsol/baru">Daftarkan permohonan</a>
        {hasDuty(officer.roles, 'complaintDesk') && (
          <>
            {' '}
            · <a href="/konsol/lapor/baru">Pengaduan SP4N-LAPOR!</a>
          </>
        )}
      </p>
      {HOME_GROUPS.map((g) => {
        const list = own.filter((c) => homeGroup(c, now) === g.id).sort(byDue);
        return list.length ? (
          <section aria-labelledby={`grup-${g.id}`}>
            <h2 id={`grup-${g.id}`}>
              {g.title} ({list.length})
            </h2>
            <ul class="cards">
              {list.slice(0, PER_GROUP).map((c) => (
                <CaseCard c={c} now={now} staff={staff} />
              ))}
            </ul>
            {list.length > PER_GROUP && (
              <p>
                <a href="/konsol/berkas?petugas=saya">Lihat semua {list.length}</a>
              </p>
            )}
          </section>
        ) : null;
      })}
      {own.length === 0 && <p class="muted">Tidak ada berkas yang ditugaskan kepada Anda.</p>}
      <section aria-labelledby="grup-belum">
        <h2 id="grup-belum">Belum didisposisikan ({unassigned.length})</h2>
        {unassigned.length ? (
          <ul class="cards">
            {unassigned
              .sort(byDue)
              .slice(0, PER_GROUP)
              .map((c) => (
                <CaseCard c={c} now={now} staff={staff} />
              ))}
          </ul>
        ) : (
          <p class="muted">Tidak ada berkas tahap Anda yang menunggu disposisi.</p>
        )}
      </section>
    </ConsolePage>
  );
};
