import { type Channel, isContactField, type Service, serviceFields, services } from '@loket/core';

/** The channels an officer registers by hand, in the words of the desk. */
export const DESK_CHANNELS: Partial<Record<Channel, string>> = {
  walk_in: 'Datang langsung',
  letter: 'Surat masuk',
  internal: 'Permintaan internal',
};

/** Services that can come in at the desk, by letter or from inside the office (their channels in the standard). */
export const deskServices = () => services().filter((s) => s.channels.some((ch) => ch in DESK_CHANNELS));

/** The answers the form asks for: every text-like field of the service; documents are seen on paper. */
export const deskFields = (s: Service) =>
  serviceFields(s).filter((f) => f.kind !== 'document' && !f.applicantName && !isContactField(f));
