/** @jsxImportSource hono/jsx */
import { formatWib, type KlinikSession, scheduleName, seatsLeft, sessionService, sessionStart } from '@loket/core';
import { Page } from './layout';

/** The Klinik KUKM's schedule as the standard says it is published: this month and the next, seats left. */
export const KlinikPublicPage = ({ sessions, now }: { sessions: KlinikSession[]; now: number }) => {
  const service = sessionService();
  const upcoming = sessions.filter((s) => sessionStart(s) > now).sort((a, b) => sessionStart(a) - sessionStart(b));
  return (
    <Page title={`Jadwal ${scheduleName()}`}>
      <h1>Jadwal {scheduleName()}</h1>
      {service && (
        <p>
          {service.description} Daftar melalui layanan <a href={`/layanan/${service.id}`}>{service.name}</a>; petugas
          akan menjadwalkan Anda pada sesi yang sesuai.
        </p>
      )}
      {upcoming.length ? (
        <ul class="cards">
          {upcoming.map((s) => (
            <li class="card">
              <h2 class="h3">{formatWib(sessionStart(s))}</h2>
              <p>
                {s.topic} · {s.konsultanName}
              </p>
              <p class="small">{seatsLeft(s) > 0 ? `Sisa ${seatsLeft(s)} kursi` : 'Penuh'}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Jadwal bulan ini belum diumumkan.</p>
      )}
    </Page>
  );
};
