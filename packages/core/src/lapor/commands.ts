import type { CaseChange } from '../case/commands';
import { recorded } from '../case/recorded';
import { hasDuty, dutyHolders } from '../catalog/roles';
import type { CaseRecord } from '../case/model';
import { LoketError } from '../errors';
import type { OutgoingMail } from '../mail/outbox';
import type { Actor, TransitionDef } from '../workflow/engine';
import type { LaporFollowup, LaporLink, LaporStatus } from './complaint';
import { office } from '../standard/current';

/**
 * What happens to a LAPOR! case besides its workflow: status changes and follow-ups read by the sync,
 * the desk's answers posted (or copied by hand), a post LAPOR! refused. Each is one event on the
 * timeline and each is idempotent: repeating it with what the case already holds changes nothing.
 */

/**
 * A fingerprint of a message's text (whitespace-normalised), to recognise the desk's own follow-up when
 * the sync reads it back. Not a security measure: cyrb53, 53 bits, enough to tell a few answers apart.
 */
export const contentHash = (content: string) => {
  const text = content.replace(/\s+/g, ' ').trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
};

const withLink = (c: CaseRecord, now: number, link: LaporLink): CaseRecord => ({
  ...c,
  lapor: link,
  version: c.version + 1,
  updatedAt: now,
});

const change = (
  c: CaseRecord,
  now: number,
  link: LaporLink,
  event: Omit<CaseChange['event'], 'caseId' | 'seq' | 'at'>,
): CaseChange => recorded(withLink(c, now, link), { at: now, ...event }, []);

const linkOf = (c: CaseRecord) => {
  if (!c.lapor) throw new LoketError('invalid_transition', 'Berkas ini bukan pengaduan SP4N-LAPOR!.');
  return c.lapor;
};

/**
 * The answer an officer just gave, on its way to LAPOR!: an outbox message (API channel) or an entry
 * officers copy by hand and then mark done (manual channel). Undefined for a step that is no such answer.
 */
export const laporReply = (
  link: LaporLink,
  input: {
    caseId: string;
    seq: number;
    reply: TransitionDef['laporReply'];
    note: string;
    data?: Record<string, string>;
    now: number;
  },
): { link: LaporLink; messages: OutgoingMail[] } | undefined => {
  if (!input.reply) return undefined;
  const reject = input.reply === 'forward';
  const institutionId = input.data?.institutionId?.trim() || undefined;
  const content = reject ? `Bukan wewenang ${office().name}. ${input.note}`.trim() : input.note;
  const id = `lapor-${reject ? 'reject' : 'followup'}-${input.caseId}-${input.seq}`;
  if (link.mode === 'manual') {
    return {
      link: {
        ...link,
        toCopy: [
          ...link.toCopy,
          { id, content: institutionId ? `${content} (instansi tujuan: ${institutionId})` : content, at: input.now },
        ],
      },
      messages: [],
    };
  }
  const message: OutgoingMail = {
    id,
    kind: reject ? 'lapor_reject' : 'lapor_followup',
    to: [],
    caseId: input.caseId,
    subject: `${reject ? 'Bukan wewenang' : 'Tindak lanjut'} SP4N-LAPOR! ${link.complaintId}`,
    text: content,
    lapor: reject
      ? { type: 'reject', complaintId: link.complaintId, institutionId, reason: input.note }
      : { type: 'followup', complaintId: link.complaintId, content, isSecret: link.isSecret },
  };
  return { link: { ...link, awaiting: [...link.awaiting, id] }, messages: [message] };
};

/** A status read from LAPOR!; unknown codes are recorded as they are. Undefined when unchanged. */
export const recordLaporStatus = (c: CaseRecord, status: LaporStatus, now: number): CaseChange | undefined => {
  const link = linkOf(c);
  if (link.status?.code === status.code && link.status.name === status.name) return undefined;
  return change(
    c,
    now,
    { ...link, status: { ...status, at: now } },
    {
      actorId: 'sp4n-lapor',
      type: 'lapor_status',
      note: `Status di SP4N-LAPOR!: ${status.name}${status.known ? '' : ` (kode ${status.code} belum dikenal desk)`}`,
      data: {
        code: status.code,
        name: status.name,
        known: status.known,
        ...(status.stage ? { stage: status.stage } : {}),
      },
    },
  );
};

/** A follow-up read from LAPOR!; one the case already holds, or the desk's own read back, changes nothing. */
export const recordLaporFollowup = (c: CaseRecord, followup: LaporFollowup, now: number): CaseChange | undefined => {
  const link = linkOf(c);
  if (link.followupIds.includes(followup.id)) return undefined;
  const own = link.postedHashes.includes(contentHash(followup.content));
  const next = { ...link, followupIds: [...link.followupIds, followup.id] };
  // The desk's own post read back: remembered (so it is not looked at again), not shown twice.
  if (own)
    return {
      ...change(c, now, next, {
        actorId: 'sp4n-lapor',
        type: 'lapor_followup_in',
        data: { followupId: followup.id, own: true },
      }),
    };
  return change(c, now, next, {
    actorId: 'sp4n-lapor',
    type: 'lapor_followup_in',
    note: followup.content,
    data: { followupId: followup.id, at: followup.at, ...(followup.author ? { author: followup.author } : {}) },
  });
};

/** LAPOR! accepted a message of the desk. Undefined when already recorded. */
export const recordLaporPosted = (
  c: CaseRecord,
  input: { messageId: string; content: string; now: number },
): CaseChange | undefined => {
  const link = linkOf(c);
  if (!link.awaiting.includes(input.messageId)) return undefined;
  return change(
    c,
    input.now,
    {
      ...link,
      awaiting: link.awaiting.filter((m) => m !== input.messageId),
      postedHashes: [...link.postedHashes, contentHash(input.content)],
    },
    {
      actorId: 'sp4n-lapor',
      type: 'lapor_posted',
      note: 'Tanggapan diterima SP4N-LAPOR!.',
      data: { messageId: input.messageId },
    },
  );
};

/** LAPOR! refused a message for good: shown on the case (administrators are mailed too). */
export const recordLaporPostFailed = (
  c: CaseRecord,
  input: { messageId: string; error: string; now: number },
): CaseChange | undefined => {
  const link = linkOf(c);
  if (!link.awaiting.includes(input.messageId)) return undefined;
  return change(
    c,
    input.now,
    { ...link, awaiting: link.awaiting.filter((m) => m !== input.messageId) },
    {
      actorId: 'sp4n-lapor',
      type: 'lapor_post_failed',
      note: `Tanggapan gagal dikirim ke SP4N-LAPOR!: ${input.error}. Salin tanggapan ke LAPOR! secara manual atau kirim ulang dari halaman admin.`,
      data: { messageId: input.messageId },
    },
  );
};

/** Manual channel: an officer copied one of the desk's answers into LAPOR! by hand. */
export const recordLaporCopied = (c: CaseRecord, input: { copyId: string; actor: Actor; now: number }): CaseChange => {
  const link = linkOf(c);
  if (!hasDuty(input.actor.roles, 'complaintDesk'))
    throw new LoketError('forbidden', `Hanya ${dutyHolders('complaintDesk')} yang mencatat penyalinan ke SP4N-LAPOR!.`);
  const entry = link.toCopy.find((t) => t.id === input.copyId);
  if (!entry)
    throw new LoketError('not_found', 'Tanggapan yang perlu disalin tidak ditemukan (mungkin sudah dicatat).');
  return change(
    c,
    input.now,
    {
      ...link,
      toCopy: link.toCopy.filter((t) => t.id !== input.copyId),
      postedHashes: [...link.postedHashes, contentHash(entry.content)],
    },
    {
      actorId: input.actor.id,
      type: 'lapor_copied',
      note: 'Tanggapan telah disalin ke SP4N-LAPOR! secara manual.',
      data: { copyId: input.copyId },
    },
  );
};
