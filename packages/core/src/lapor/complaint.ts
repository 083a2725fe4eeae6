import * as z from 'zod';
import { complaintService, serviceFields } from '../standard/current';
import type { Attachment, CheckItem } from '../case/model';
import { formatWib } from '../sla/wib';

/**
 * SP4N-LAPOR!, the national complaint system, as the desk sees it. Its API documentation is not public
 * (docs/RULES.md §8): these types hold only what public client code shows, and everything the desk
 * assumes about status codes is configuration (`LAPOR_STATUS_MAP`), never code.
 */

/** Where a LAPOR! status stands in the desk's eyes. `disposisi`: the complaint reached the Dinas. */
const LAPOR_STAGES = ['baru', 'disposisi', 'proses', 'selesai', 'arsip'] as const;
type LaporStage = (typeof LAPOR_STAGES)[number];

export const LaporStatusMap = z.lazy(() =>
  z.record(z.string().min(1).max(20), z.object({ name: z.string().min(1).max(100), stage: z.enum(LAPOR_STAGES) })),
);
export type LaporStatusMap = z.infer<typeof LaporStatusMap>;

/**
 * The desk's assumption until the Dinas's LAPOR! administrator confirms the codes of its instance
 * (README, "SP4N-LAPOR!"). A code not in the map is kept on the case as unknown, never dropped.
 */
export const DEFAULT_LAPOR_STATUS_MAP: LaporStatusMap = {
  '0': { name: 'Belum diverifikasi', stage: 'baru' },
  '1': { name: 'Belum ditindaklanjuti', stage: 'disposisi' },
  '2': { name: 'Proses', stage: 'proses' },
  '3': { name: 'Selesai', stage: 'selesai' },
  '4': { name: 'Diarsipkan', stage: 'arsip' },
};

export interface LaporStatus {
  code: string;
  name: string;
  /** False when the code is not in the configured map: shown to officers as is. */
  known: boolean;
  stage?: LaporStage;
}

export const laporStatus = (map: LaporStatusMap, code: string, name: string): LaporStatus => {
  const entry = map[code];
  return entry
    ? { code, name: entry.name, known: true, stage: entry.stage }
    : { code, name: name || '(tanpa nama)', known: false };
};

/** One entry of a complaint's status history. */
export interface LaporLogEntry {
  at: number;
  from?: { code?: string; name: string };
  to: { code?: string; name: string };
}

export interface LaporAttachmentRef {
  /** Where to download it (an absolute URL or a path on the LAPOR! API). */
  url: string;
  name: string;
}

/** A complaint as read from LAPOR! (or entered by hand on the manual channel). */
export interface LaporComplaint {
  id: string;
  title: string;
  content: string;
  category?: string;
  location?: string;
  status?: { code: string; name: string };
  /** When it was filed in LAPOR!. */
  createdAt: number;
  logs: LaporLogEntry[];
  reporter: { name?: string; email?: string; phone?: string };
  isSecret: boolean;
  isAnonymous: boolean;
  attachments: LaporAttachmentRef[];
}

export interface LaporFollowup {
  id: string;
  at: number;
  content: string;
  /** Who wrote it, as LAPOR! names them (an agency, the reporter). */
  author?: string;
}

/**
 * When the complaint reached the Dinas: the first status change into a `disposisi` stage, else the
 * complaint's own time. The 3-day deadline counts from it. A change whose code the map knows is decided
 * by that code alone (a status named "Menunggu disposisi" mapped to another stage is not one); only a
 * change without a known code is read by its name.
 */
const isDispositionChange = (to: LaporLogEntry['to'], map: LaporStatusMap) => {
  const known = to.code !== undefined ? map[to.code] : undefined;
  if (known) return known.stage === 'disposisi';
  const names = new Set(
    Object.values(map)
      .filter((s) => s.stage === 'disposisi')
      .map((s) => s.name.toLowerCase()),
  );
  return names.has(to.name.toLowerCase()) || /disposisi/i.test(to.name);
};

export const dispositionTime = (complaint: Pick<LaporComplaint, 'logs' | 'createdAt'>, map: LaporStatusMap): number => {
  const reached = complaint.logs.filter((l) => isDispositionChange(l.to, map)).sort((a, b) => a.at - b.at)[0];
  return reached?.at ?? complaint.createdAt;
};

/** The case's link to its complaint. */
export interface LaporLink {
  complaintId: string;
  /** `api`: the desk reads and posts through the LAPOR! API; `manual`: officers copy by hand. */
  mode: 'api' | 'manual';
  title: string;
  dispositionAt: number;
  status?: LaporStatus & { at: number };
  /** Follow-ups from LAPOR! already on the timeline (idempotency of the sync). */
  followupIds: string[];
  /** Fingerprints (`contentHash`) of what the desk posted: its own follow-ups, read back by the sync, are not shown as incoming. */
  postedHashes: string[];
  /** API channel: outbox ids of the desk's messages not yet confirmed posted (or failed) on the timeline. */
  awaiting: string[];
  /** Manual channel: the desk's answers still to be copied into LAPOR! by hand. */
  toCopy: { id: string; content: string; at: number }[];
  isSecret: boolean;
  isAnonymous: boolean;
}

const clip = (text: string, max = 5000) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Who "checked" a requirement LAPOR! itself already demanded (the complaint is written and signed in). */
const LAPOR_CHECKER = 'sp4n-lapor';

/**
 * A complaint as a pengaduan case: the written complaint the standard requires is the LAPOR! report
 * itself, so its requirement is met at once and an officer can act without a completeness check
 * (each field is filled from what the report holds, clipped to the field's limit). A secret or
 * anonymous report is confidential: the reporter's identity is seen only by the complaint officers.
 */
export const complaintCase = (complaint: LaporComplaint, mode: LaporLink['mode'], map: LaporStatusMap) => {
  const service = complaintService()!;
  const limit = new Map(serviceFields(service).map((f) => [f.id, f.maxLength ?? 5000]));
  const answer = (id: string, value: string) => [clip(value.trim() || '-', limit.get(id))];
  const dispositionAt = dispositionTime(complaint, map);
  // Which field each part of the report fills is the standard's (the service's laporIntake).
  const intake = service.laporIntake!;
  const attachments: Attachment[] = complaint.attachments.map((a) => ({
    fieldId: intake.fields.attachments,
    sourceId: a.url,
    fileName: a.name,
    mimeType: 'application/octet-stream',
    status: 'pending',
    attempts: 0,
    origin: 'sp4n_lapor',
  }));
  const parts: [string | undefined, string][] = [
    [intake.fields.content, [complaint.title, complaint.content].filter(Boolean).join('\n\n')],
    [intake.fields.location, complaint.location || 'Tidak dicantumkan (pengaduan melalui SP4N-LAPOR!)'],
    [intake.fields.loss, 'Sebagaimana diuraikan dalam pengaduan SP4N-LAPOR!'],
    [intake.fields.request, 'Tindak lanjut atas pengaduan SP4N-LAPOR!'],
    [intake.fields.placeAndTime, `SP4N-LAPOR! (lapor.go.id), ${formatWib(complaint.createdAt)}`],
  ];
  const answers: Record<string, string[]> = {
    ...Object.fromEntries(parts.flatMap(([id, value]) => (id ? [[id, answer(id, value)]] : []))),
    ...(attachments.length ? { [intake.fields.attachments]: attachments.map((a) => a.sourceId) } : {}),
  };
  const preChecked: Record<string, CheckItem> = {
    [intake.requirement]: { status: 'ok', issues: [], checkedBy: LAPOR_CHECKER },
  };
  const status = complaint.status && laporStatus(map, complaint.status.code, complaint.status.name);
  const link: LaporLink = {
    complaintId: complaint.id,
    mode,
    title: clip(complaint.title || '(tanpa judul)', 300),
    dispositionAt,
    ...(status ? { status: { ...status, at: dispositionAt } } : {}),
    followupIds: [],
    postedHashes: [],
    awaiting: [],
    toCopy: [],
    isSecret: complaint.isSecret,
    isAnonymous: complaint.isAnonymous,
  };
  return {
    serviceId: service.id,
    channel: 'sp4n_lapor' as const,
    externalKey: { kind: 'sp4n_lapor' as const, id: complaint.id },
    source: { kind: 'sp4n_lapor' as const, externalId: complaint.id, submittedAt: complaint.createdAt },
    applicant: complaint.isAnonymous
      ? { name: 'Pelapor anonim' }
      : {
          name: complaint.reporter.name?.trim() || 'Pelapor SP4N-LAPOR!',
          ...(complaint.reporter.phone ? { phone: complaint.reporter.phone } : {}),
        },
    answers,
    attachments,
    preChecked,
    lapor: link,
    confidential: complaint.isSecret || complaint.isAnonymous,
    receivedAt: dispositionAt,
  };
};
