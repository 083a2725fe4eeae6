import type { CaseChange } from '../case/commands';
import { recorded } from '../case/recorded';
import type { CaseRecord } from '../case/model';
import { LoketError } from '../errors';
import type { WorkingCalendar } from '../sla/calendar';
import { startClock } from '../sla/deadline';
import { formatWib } from '../sla/wib';
import type { Actor } from '../workflow/engine';
import { requireStepWork } from '../workflow/step-roles';
import type { WorkflowDefinition } from '../workflow/engine';

/**
 * Public information requests under UU 14/2008 (docs/RULES.md §6): the grounds a refusal may rest on,
 * and the two legal deadlines the desk keeps beside the standard's own (1 day): the answer within 10
 * working days, extendable once by 7 with a written reason (Pasal 22), and the applicant's objection
 * (keberatan) within 30 working days of a refusal.
 */
export const PASAL_17 = {
  a: 'menghambat proses penegakan hukum',
  b: 'mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat',
  c: 'membahayakan pertahanan dan keamanan negara',
  d: 'mengungkapkan kekayaan alam Indonesia',
  e: 'merugikan ketahanan ekonomi nasional',
  f: 'merugikan kepentingan hubungan luar negeri',
  g: 'mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang',
  h: 'mengungkap rahasia pribadi',
  i: 'memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut sifatnya dirahasiakan',
  j: 'informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang',
} as const;
type Pasal17Ground = keyof typeof PASAL_17;

/** What a refusal letter states besides the request itself. */
export interface Refusal {
  ground: Pasal17Ground;
  /** The consequence test (uji konsekuensi, Pasal 19) in brief. */
  consequenceTest: string;
  /** How long the information stays exempt, in the officer's words ("5 (lima) tahun"). */
  exemptionPeriod: string;
  /** The refusing officer's explanation (the step's note), as the letter repeats it. */
  explanation?: string;
}

/** A legal deadline and whether a day it counts lies in a year with no official calendar ("perkiraan"). */
export interface LegalDeadline {
  at: number;
  estimated: boolean;
}

export interface KipDeadlines {
  /** 10 working days after receipt. */
  answerBy: number;
  answerEstimated?: boolean;
  /** Once, by 7 more working days, with the reason given. */
  extended?: { to: number; estimated?: boolean; reason: string; by: string; at: number };
  /** After a refusal: the applicant may object until then (30 working days). */
  objectionBy?: number;
  objectionEstimated?: boolean;
}

const KIP_ANSWER_DAYS = 10;
const KIP_EXTENSION_DAYS = 7;
const KIP_OBJECTION_DAYS = 30;

/**
 * The three clocks of UU 14/2008, counted by the same engine and rules as every service clock
 * (docs/RULES.md §2): from the next opening after the instant they start, N working days, due at the
 * close of service hours of the last one. The extended answer is the answer's 10 days plus 7, counted
 * from receipt; the objection's 30 days count from the refusal letter's issue.
 */
export const KIP_CLOCKS = {
  'kip-answer': { days: KIP_ANSWER_DAYS, from: 'received' },
  'kip-extended': { days: KIP_ANSWER_DAYS + KIP_EXTENSION_DAYS, from: 'received' },
  'kip-objection': { days: KIP_OBJECTION_DAYS, from: 'issued' },
} as const;
export type KipClock = keyof typeof KIP_CLOCKS;

export const kipDeadline = (cal: WorkingCalendar, clock: KipClock, from: number): LegalDeadline => {
  const span = { amount: KIP_CLOCKS[clock].days, unit: 'working_days' as const };
  const c = startClock({ text: '', limit: span, target: span, atRiskRatio: 0.5, startsWhen: 'received' }, cal, from);
  return { at: c.dueAt!, estimated: c.estimated };
};

export const kipDeadlines = (cal: WorkingCalendar, receivedAt: number): KipDeadlines => {
  const answer = kipDeadline(cal, 'kip-answer', receivedAt);
  return { answerBy: answer.at, answerEstimated: answer.estimated };
};

/** The deadlines after a calendar edit (the extension's reason and the objection are kept). */
export const recomputeKipDeadlines = (cal: WorkingCalendar, k: KipDeadlines, receivedAt: number): KipDeadlines => {
  const answer = kipDeadline(cal, 'kip-answer', receivedAt);
  const extended = k.extended && kipDeadline(cal, 'kip-extended', receivedAt);
  return {
    ...k,
    answerBy: answer.at,
    answerEstimated: answer.estimated,
    ...(k.extended && extended ? { extended: { ...k.extended, to: extended.at, estimated: extended.estimated } } : {}),
  };
};

/** A refusal letter starts the applicant's objection clock (Pasal 35–36); other letters start none. */
export const objectionDeadline = (cal: WorkingCalendar, c: CaseRecord, issuedAt: number): LegalDeadline | undefined =>
  c.kip && c.refusal ? kipDeadline(cal, 'kip-objection', issuedAt) : undefined;

/** "Senin, 16 November 2026 pukul 16.00 WIB (perkiraan)": a legal deadline as people read it. */
export const formatDeadline = (at: number, estimated?: boolean) => formatWib(at) + (estimated ? ' (perkiraan)' : '');

/** The answer deadline in force: extended or not. */
export const kipAnswerBy = (k: KipDeadlines) => k.extended?.to ?? k.answerBy;
export const kipAnswerEstimated = (k: KipDeadlines) => (k.extended ? k.extended.estimated : k.answerEstimated) ?? false;

/**
 * The refusal an officer gives on a step that records a refusal ground, checked field by field (an Indonesian message
 * naming each). Its reason (the note) is the transition's own.
 */
export const readRefusal = (data: Record<string, string> | undefined): Refusal => {
  const ground = (data?.ground ?? '').trim();
  const consequenceTest = (data?.consequenceTest ?? '').trim();
  const exemptionPeriod = (data?.exemptionPeriod ?? '').trim();
  const fields = [
    ...(ground in PASAL_17 ? [] : [{ field: 'ground', message: 'Pilih dasar pengecualian (Pasal 17 huruf a–j).' }]),
    ...(consequenceTest.length >= 20
      ? []
      : [{ field: 'consequenceTest', message: 'Uraikan uji konsekuensi (paling sedikit 20 karakter).' }]),
    ...(exemptionPeriod ? [] : [{ field: 'exemptionPeriod', message: 'Tulis jangka waktu pengecualian.' }]),
  ];
  if (fields.length) throw new LoketError('validation', fields[0]!.message, fields);
  return {
    ground: ground as Pasal17Ground,
    consequenceTest: consequenceTest.slice(0, 3000),
    exemptionPeriod: exemptionPeriod.slice(0, 200),
  };
};

/**
 * Extends the answer deadline once by 7 working days, with a written reason (Pasal 22 ayat 8). Only
 * the officers of the current step, only while the request is open.
 */
export const extendKipDeadline = (
  c: CaseRecord,
  workflow: WorkflowDefinition,
  cal: WorkingCalendar,
  input: { reason: string; actor: Actor; now: number },
): CaseChange => {
  if (!c.kip) throw new LoketError('invalid_transition', 'Perpanjangan hanya untuk permohonan informasi publik.');
  if (c.closedAt !== undefined) throw new LoketError('invalid_transition', 'Permohonan sudah dijawab.');
  if (c.kip.extended)
    throw new LoketError(
      'invalid_transition',
      `Batas waktu sudah pernah diperpanjang (sampai ${formatWib(c.kip.extended.to)}); perpanjangan hanya sekali.`,
    );
  requireStepWork(workflow, c.state, input.actor, 'memperpanjang batas waktu');
  const reason = input.reason.trim();
  if (reason.length < 10)
    throw new LoketError('validation', 'Tulis alasan perpanjangan secara tertulis.', [
      { field: 'reason', message: 'Alasan wajib diisi (paling sedikit 10 karakter).' },
    ]);
  const { at: to, estimated } = kipDeadline(cal, 'kip-extended', c.clock.receivedAt);
  const record: CaseRecord = {
    ...c,
    kip: { ...c.kip, extended: { to, estimated, reason: reason.slice(0, 2000), by: input.actor.id, at: input.now } },
    version: c.version + 1,
    updatedAt: input.now,
  };
  return recorded(
    record,
    {
      at: input.now,
      actorId: input.actor.id,
      type: 'deadline_extended',
      note: reason,
      data: { from: c.kip.answerBy, to },
    },
    [],
  );
};
