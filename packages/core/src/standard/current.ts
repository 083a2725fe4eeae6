import type { Field, Service, Standard } from './schema';

/**
 * The office standard this desk runs. One stage serves one office (DEPLOY.md), so the document is
 * installed once per process, at start (functions/deps.ts), before any request; everything derived from
 * it is computed on first use and kept per document, so installing another (a test of a second office)
 * leaves nothing stale.
 */
let current: Standard | undefined;
const archive = new Map<string, Standard>();

export const installStandard = (s: Standard) => {
  current = s;
  archive.set(s.version, s);
};

/** An earlier version of this office's document, kept so cases opened under it keep their procedure. */
export const archiveStandard = (s: Standard) => {
  if (!archive.has(s.version)) archive.set(s.version, s);
};

export const theStandard = (): Standard => {
  if (!current) throw new Error('no office standard installed: functions/deps.ts installs LOKET_STANDARD at start');
  return current;
};

export const hasStandardVersion = (version: string) => archive.has(version);

/** The document a case was opened under (its version), or the current one for a case from before versions. */
export const standardOfVersion = (version: string | undefined): Standard =>
  (version && archive.get(version)) || theStandard();

/** A value computed once per document. */
export const perStandard = <T>(derive: (s: Standard) => T) => {
  const memo = new WeakMap<Standard, T>();
  return (s: Standard = theStandard()): T => {
    let v = memo.get(s);
    if (v === undefined) {
      v = derive(s);
      memo.set(s, v);
    }
    return v;
  };
};

export const services = (): readonly Service[] => theStandard().services;
export const office = () => theStandard().office;

const serviceIndex = perStandard((s) => new Map(s.services.map((x) => [x.id, x])));
export const findService = (id: string): Service | undefined => serviceIndex().get(id);
/** A case's service as the version of the standard it was opened under defines it. */
export const serviceOfVersion = (id: string, version: string | undefined): Service | undefined =>
  serviceIndex(standardOfVersion(version)).get(id);

/** The service that receives SP4N-LAPOR! complaints: the one whose channels include it (at most one). */
export const complaintService = (): Service | undefined => services().find((s) => s.channels.includes('sp4n_lapor'));

/** Every field of a service, requirements first, then applicant fields. */
export const serviceFields = (s: Service): Field[] => [
  ...s.requirements.flatMap((r) => r.fields),
  ...s.applicantFields,
];

/** The office's places (kecamatan) where its forms and the registry ask for one; empty when it names none. */
export const officePlaces = (): readonly string[] => office().places?.values ?? [];

/** The field a service's applicant gives their name in (the one the standard marks `applicantName`). */
export const applicantNameField = (s: Service): string | undefined => serviceFields(s).find((f) => f.applicantName)?.id;

/** Fields that only say how to reach the applicant (kept off letters and repeated forms). */
export const isContactField = (f: Field) => f.kind === 'email' || f.kind === 'phone';

/** An answer holding the applicant's name, in the field the service keeps it in. */
export const nameAnswer = (s: Service, name: string): Record<string, string[]> => {
  const id = applicantNameField(s);
  return id ? { [id]: [name] } : {};
};

/**
 * A case's service as the version of the standard it was opened under defines it (loaded by the case
 * service, `loadVersionOf`), else the current one. Every view of a case reads its service here.
 */
export const caseService = (c: { serviceId: string; standardVersion?: string }): Service => {
  const s = serviceOfVersion(c.serviceId, c.standardVersion);
  if (!s) throw new Error(`case of unknown service ${c.serviceId}`);
  return s;
};
