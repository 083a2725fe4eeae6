import type { Service } from '../standard/schema';
import { office, caseService } from '../standard/current';
import { serviceTerms } from '../standard/view';
import { openIssuesByRequirement } from '../case/commands';
import { howToFix } from '../case/how-to-fix';
import { maskEmail } from '../case/mask';
import type { CaseRecord, Threshold } from '../case/model';
import type { StaffMember } from '../ports';
import { formatWib } from '../sla/wib';
import { stateOf } from '../workflow/engine';
import { workflowFor } from '../workflow/definitions';
import { REVISION } from '../workflow/build';
import type { OutgoingMail } from './outbox';
import { type LetterRecord, letterTitle } from '../letters/model';
import { type LetterStep, nextLetterStep } from '../letters/signing';
import { roleLabel } from '../catalog/roles';
import { timeToDeadline } from '../case/console-view';

/**
 * Every email the desk sends, in Indonesian. None carries NIK, KK, finances or document contents:
 * only the tracking number, the service, the step, dates and the requirement labels that need work.
 */
const signature = () =>
  `\n--\nLoket Layanan ${office().name}\nEmail ini dikirim otomatis; mohon tidak membalas email ini.`;

const serviceOf = (c: CaseRecord): Service => caseService(c);
const stepLabel = (c: CaseRecord) => stateOf(workflowFor(serviceOf(c)), c.state).label;
/** A request's public status page: in its mails and on the tanda terima given at the desk. */
export const statusUrl = (publicUrl: string, c: Pick<CaseRecord, 'trackingNumber'>) =>
  `${publicUrl.replace(/\/$/, '')}/status/${c.trackingNumber}`;
const consoleUrl = (publicUrl: string, caseId: string) => `${publicUrl.replace(/\/$/, '')}/konsol/berkas/${caseId}`;

const lines = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)} : ${v}`).join('\n');
};

const deadlineText = (c: CaseRecord) =>
  c.clock.dueAt === undefined
    ? 'menunggu perbaikan dari pemohon'
    : formatWib(c.clock.dueAt) + (c.clock.estimated ? ' (perkiraan)' : '');

/** The frame of every follow-up to an applicant: greeting, message, the request's facts, status link. */
const applicantMail = (
  c: CaseRecord,
  mail: { id: string; subject: string; body: string[] },
  publicUrl: string,
): OutgoingMail | undefined => {
  if (!c.applicant.email) return undefined;
  const service = serviceOf(c);
  return {
    id: mail.id,
    kind: 'case_update',
    caseId: c.id,
    to: [c.applicant.email],
    subject: `${mail.subject}: ${c.trackingNumber} (${service.name})`,
    text: [
      'Yth. Bapak/Ibu Pemohon,',
      '',
      ...mail.body,
      '',
      lines([
        ['Nomor registrasi', c.trackingNumber],
        ['Layanan', service.name],
      ]),
      '',
      `Pantau status permohonan: ${statusUrl(publicUrl, c)}`,
      signature(),
    ].join('\n'),
  };
};

/** To the applicant when a request is registered. */
export const receiptMail = (c: CaseRecord, publicUrl: string): OutgoingMail | undefined => {
  if (!c.applicant.email) return undefined;
  const service = serviceOf(c);
  const issues = openIssuesByRequirement(c, service);
  const expected = c.clock.targetAt ?? c.clock.dueAt;
  const todo = issues.length
    ? `Yang masih perlu dilengkapi atau diperbaiki:\n${issues.map((i) => `- ${i}`).join('\n')}\n\n` + howToFix(c, true)
    : 'Persyaratan Anda sudah terisi lengkap dan akan diperiksa oleh petugas.';
  return {
    id: `receipt-${c.id}`,
    kind: 'receipt',
    caseId: c.id,
    to: [c.applicant.email],
    subject: `Permohonan diterima: ${c.trackingNumber} (${service.name})`,
    text: [
      'Yth. Bapak/Ibu Pemohon,',
      '',
      'Permohonan Anda telah kami terima dan tercatat dengan data berikut.',
      '',
      lines([
        ['Nomor registrasi', c.trackingNumber],
        ['Layanan', service.name],
        ['Diterima', formatWib(c.clock.receivedAt)],
        [
          'Perkiraan selesai',
          expected === undefined
            ? 'setelah berkas lengkap'
            : formatWib(expected) + (c.clock.estimated ? ' (perkiraan)' : ''),
        ],
        ['Biaya', serviceTerms(service).cost],
      ]),
      '',
      todo,
      '',
      `Pantau status permohonan: ${statusUrl(publicUrl, c)}`,
      'Simpan nomor registrasi ini untuk setiap pertanyaan tentang permohonan Anda.',
      '',
      `Pengaduan: ${service.complaintContact}`,
      signature(),
    ].join('\n'),
  };
};

/** To the applicant when an officer moves the case in a way they must know about (revision, result). */
export const caseUpdateMail = (
  c: CaseRecord,
  note: string | undefined,
  publicUrl: string,
): OutgoingMail | undefined => {
  const revision = c.state === REVISION;
  // A revision naming requirements stores the officer's own words under each of them (and its event
  // note starts with the list): the mail lists the requirements and gives those words once.
  const officerNote =
    note &&
    Object.values(c.checklist)
      .flatMap((i) => i.issues)
      .find((x) => x && note.endsWith(x));
  const issues = openIssuesByRequirement(c, serviceOf(c), officerNote);
  const body = revision
    ? [
        'Permohonan Anda perlu diperbaiki sebelum dapat kami proses lebih lanjut.',
        issues.length ? `\nYang perlu diperbaiki:\n${issues.map((i) => `- ${i}`).join('\n')}` : '',
        note ? `\nCatatan petugas:\n${officerNote ?? note}` : '',
        '\nBatas waktu layanan berhenti sementara sampai perbaikan Anda kami terima.',
        howToFix(c, true),
      ]
    : [`Status permohonan Anda sekarang: ${stepLabel(c)}.`, note ? `\nCatatan petugas:\n${note}` : ''];
  return applicantMail(
    c,
    {
      id: `update-${c.id}-v${c.version}`,
      subject: revision ? 'Perlu perbaikan' : 'Perkembangan permohonan',
      body: body.filter(Boolean),
    },
    publicUrl,
  );
};

/** To the applicant when an uploaded file cannot be accepted (too large, wrong kind): they can upload it again. */
export const fileRefusedMail = (c: CaseRecord, reason: string, publicUrl: string): OutgoingMail | undefined =>
  applicantMail(
    c,
    {
      id: `file-refused-${c.id}-v${c.version}`,
      subject: 'Berkas perlu diunggah ulang',
      body: [
        'Salah satu berkas yang Anda unggah tidak dapat kami terima:',
        `- ${reason}`,
        '',
        'Silakan unggah ulang berkas yang sesuai dengan mengedit jawaban formulir Anda, atau bawa dokumennya ke loket.',
      ],
    },
    publicUrl,
  );

const THRESHOLD_TITLE: Record<Threshold, string> = { at_risk: 'Mendekati batas waktu', breach: 'MELEWATI batas waktu' };

/** To officers when a case reaches 75 % of its allowed time, or its deadline. One message per recipient. */
export const slaAlertMails = (
  c: CaseRecord,
  threshold: Threshold,
  recipients: StaffMember[],
  assignee: StaffMember | undefined,
  now: number,
  publicUrl: string,
): OutgoingMail[] => {
  const service = serviceOf(c);
  const due = c.clock.dueAt;
  const timeText = due === undefined ? '-' : timeToDeadline(due, now);
  return recipients.map((r) => ({
    id: `alert-${c.id}-${threshold}-${r.id}`,
    kind: 'sla_alert' as const,
    caseId: c.id,
    to: [r.email],
    subject: `[${THRESHOLD_TITLE[threshold]}] ${c.trackingNumber} – ${service.name}`,
    text: [
      `Yth. ${r.name},`,
      '',
      threshold === 'breach'
        ? `Berkas berikut telah melewati batas waktu layanan (${service.sla.text}).`
        : `Berkas berikut telah memakai 75% waktu layanannya (${service.sla.text}) dan perlu segera ditindaklanjuti.`,
      '',
      lines([
        ['Nomor registrasi', c.trackingNumber],
        ['Layanan', service.name],
        ['Langkah saat ini', stepLabel(c)],
        ['Petugas', assignee ? assignee.name : 'belum ditugaskan'],
        ['Batas waktu', deadlineText(c)],
        ['Waktu', timeText],
      ]),
      '',
      `Buka berkas: ${consoleUrl(publicUrl, c.id)}`,
      signature(),
    ].join('\n'),
  }));
};

interface DigestSection {
  title: string;
  cases: CaseRecord[];
}

/** Each working morning: what an officer must finish today, what is at risk, what is already late. */
export const dailyDigestMail = (
  staff: StaffMember,
  date: string,
  sections: DigestSection[],
  publicUrl: string,
  dateLabel: string,
): OutgoingMail | undefined => {
  const nonEmpty = sections.filter((s) => s.cases.length);
  if (!nonEmpty.length) return undefined;
  const total = nonEmpty.reduce((n, s) => n + s.cases.length, 0);
  return {
    id: `digest-${staff.id}-${date}`,
    kind: 'daily_digest',
    to: [staff.email],
    subject: `Ringkasan berkas ${dateLabel}: ${total} berkas perlu perhatian`,
    text: [
      `Yth. ${staff.name},`,
      '',
      `Berikut berkas Anda yang perlu perhatian hari ini (${dateLabel}).`,
      ...nonEmpty.flatMap((s) => [
        '',
        `${s.title} (${s.cases.length})`,
        ...s.cases.map(
          (c) =>
            `- ${c.trackingNumber} · ${serviceOf(c).name} · ${stepLabel(c)} · batas ${deadlineText(c)}\n  ${consoleUrl(publicUrl, c.id)}`,
        ),
      ]),
      signature(),
    ].join('\n'),
  };
};

export interface ServiceWeekRow {
  service: Service;
  finished: number;
  onTime: number;
  breachedOpen: CaseRecord[];
}

/** Each week to the officers with the weekly-report duty (the head of office): per service, cases finished, on-time rate, and every open breach. */
export const weeklyReportMail = (
  head: StaffMember,
  week: { from: string; to: string },
  rows: ServiceWeekRow[],
  publicUrl: string,
): OutgoingMail => {
  const pct = (r: ServiceWeekRow) => (r.finished ? `${Math.round((r.onTime / r.finished) * 100)}%` : '-');
  const breaches = rows.flatMap((r) => r.breachedOpen);
  return {
    id: `weekly-${head.id}-${week.from}`,
    kind: 'weekly_report',
    to: [head.email],
    subject: `Laporan mingguan layanan ${week.from} s.d. ${week.to}: ${breaches.length} berkas melewati batas waktu`,
    text: [
      `Yth. ${head.name},`,
      '',
      `Ketepatan waktu layanan minggu ${week.from} s.d. ${week.to} (berkas selesai: tepat waktu / jumlah):`,
      '',
      ...rows.map(
        (r) =>
          `- ${r.service.name}: ${r.onTime}/${r.finished} tepat waktu (${pct(r)}); ${r.breachedOpen.length} berkas terbuka melewati batas`,
      ),
      '',
      breaches.length
        ? `Berkas terbuka yang melewati batas waktu (${breaches.length}):`
        : 'Tidak ada berkas terbuka yang melewati batas waktu.',
      ...breaches.map(
        (c) =>
          `- ${c.trackingNumber} · ${serviceOf(c).name} · ${stepLabel(c)} · batas ${deadlineText(c)}\n  ${consoleUrl(publicUrl, c.id)}`,
      ),
      signature(),
    ].join('\n'),
  };
};

/** To administrators when an address keeps refusing mail: someone must fix the address, not the desk retry forever. */
export const deliveryFailureMail = (
  admin: StaffMember,
  failed: {
    id: string;
    kind: string;
    to: string[];
    caseId?: string;
    lastError?: string;
    lapor?: { complaintId: string };
  },
  publicUrl: string,
): OutgoingMail => ({
  id: `mailfail-${failed.id}-${admin.id}`,
  kind: 'delivery_failure',
  caseId: failed.caseId,
  to: [admin.email],
  subject: `${failed.lapor ? 'Tanggapan SP4N-LAPOR! gagal dikirim' : 'Email gagal terkirim'}: ${failed.kind}${failed.caseId ? ` (berkas ${failed.caseId})` : ''}`,
  text: [
    `Yth. ${admin.name},`,
    '',
    failed.lapor
      ? `Sebuah tanggapan untuk pengaduan SP4N-LAPOR! ${failed.lapor.complaintId} ditolak LAPOR! dan tidak akan dicoba lagi.`
      : 'Sebuah email dari Loket tidak dapat dikirim dan tidak akan dicoba lagi.',
    '',
    lines([
      ['Jenis', failed.kind],
      failed.lapor ? ['Pengaduan', failed.lapor.complaintId] : ['Penerima', failed.to.map(maskEmail).join(', ')],
      ['Kesalahan', failed.lastError ?? '-'],
      ['Berkas', failed.caseId ? consoleUrl(publicUrl, failed.caseId) : '-'],
    ]),
    '',
    failed.lapor
      ? 'Salin tanggapan dari halaman berkas ke SP4N-LAPOR! secara manual, atau perbaiki penyebabnya lalu kirim ulang dari halaman Admin → Email gagal.'
      : 'Periksa alamat email penerima (data pemohon atau direktori petugas), lalu hubungi pemohon melalui telepon bila perlu.',
    signature(),
  ].join('\n'),
});

/**
 * To administrators, once per form and day, when a form's answers match no field of its mapping: its
 * questions were probably renamed. Question titles only; the answers stay on the cases.
 */
export const unmatchedFormMail = (
  admin: StaffMember,
  form: { formId: string; serviceName: string; date: string; titles: string[]; caseId: string },
  publicUrl: string,
): OutgoingMail => ({
  id: `unmatched-${form.formId}-${form.date}-${admin.id}`,
  kind: 'form_mapping',
  caseId: form.caseId,
  to: [admin.email],
  subject: `Pertanyaan formulir tidak dikenali: ${form.serviceName}`,
  text: [
    `Yth. ${admin.name},`,
    '',
    `Jawaban formulir Google "${form.formId}" (${form.serviceName}) memuat pertanyaan yang tidak ada dalam pemetaan formulir.`,
    'Berkas tetap dibuat dan jawaban disimpan untuk diperiksa petugas, tetapi pemetaan perlu diperbarui.',
    '',
    'Pertanyaan yang tidak dikenali:',
    ...form.titles.slice(0, 30).map((t) => `- ${t.slice(0, 200)}`),
    '',
    `Contoh berkas: ${consoleUrl(publicUrl, form.caseId)}`,
    'Email ini dikirim paling banyak sekali sehari untuk setiap formulir.',
    signature(),
  ].join('\n'),
});

/**
 * Someone asked for a sign-in link for `email`: queued as it is, whoever typed it. Its text is written
 * only when it is delivered (signInLinkMail), if the address is an active officer's.
 */
export const signInRequest = (requestId: string, email: string, next: string): OutgoingMail => ({
  id: `signin-request-${requestId}`,
  kind: 'sign_in',
  to: [email],
  subject: 'Tautan masuk Loket',
  text: '',
  signIn: { next },
});

/** An officer asked for a sign-in link: single use, 15 minutes. The link is the only secret in it. */
export const signInLinkMail = (
  staff: StaffMember,
  link: { id: string; url: string; minutes: number },
): OutgoingMail => ({
  id: `signin-${link.id}`,
  kind: 'sign_in',
  to: [staff.email],
  subject: 'Tautan masuk Loket',
  text: [
    `Yth. ${staff.name},`,
    '',
    `Gunakan tautan berikut untuk masuk ke konsol petugas Loket. Tautan hanya dapat dipakai sekali dan berlaku ${link.minutes} menit.`,
    '',
    link.url,
    '',
    'Jika Anda tidak meminta tautan ini, abaikan email ini; tidak ada yang berubah pada akun Anda.',
    signature(),
  ].join('\n'),
});

const ARRIVAL: Record<'assigned' | 'escalated' | 'arrived', [string, string]> = {
  assigned: ['Berkas didisposisikan kepada Anda', 'Berkas berikut didisposisikan kepada Anda.'],
  escalated: ['Berkas diteruskan kepada Anda', 'Berkas berikut diteruskan (eskalasi) ke tahap Anda.'],
  arrived: ['Berkas masuk ke tahap Anda', 'Berkas berikut kini menunggu tindakan pada tahap Anda.'],
};

/** To an officer when a case is assigned to them or reaches their step. No personal data, only the link. */
export const workArrivedMail = (
  c: CaseRecord,
  staff: StaffMember,
  reason: 'assigned' | 'escalated' | 'arrived',
  seq: number,
  publicUrl: string,
): OutgoingMail => {
  const [title, sentence] = ARRIVAL[reason];
  const service = serviceOf(c);
  return {
    id: `work-${c.id}-${seq}-${staff.id}`,
    kind: 'assignment',
    caseId: c.id,
    to: [staff.email],
    subject: `[${title}] ${c.trackingNumber} – ${service.name}`,
    text: [
      `Yth. ${staff.name},`,
      '',
      sentence,
      '',
      lines([
        ['Nomor registrasi', c.trackingNumber],
        ['Layanan', service.name],
        ['Tahap', stepLabel(c)],
        ['Batas waktu', deadlineText(c)],
      ]),
      '',
      `Buka berkas: ${consoleUrl(publicUrl, c.id)}`,
      signature(),
    ].join('\n'),
  };
};

/** What a letter waits for, as the mail names it, and what the officer does on its page. */
const AWAITED: Record<LetterStep['kind'], [string, string]> = {
  initial: ['paraf Anda', 'bubuhkan paraf Anda'],
  sign: ['tanda tangan Anda', 'tandatangani surat'],
};

/**
 * To each active officer who holds the role the letter waits for now (the next paraf, or the
 * signature), never to `actorId`, who just moved it on. One mail per stage: the id counts the paraf
 * done, so a repeat (a retried numbering) queues nothing twice. No personal data: number, title, link.
 */
export const letterAwaitingMails = (
  letter: Pick<LetterRecord, 'id' | 'type' | 'number' | 'trackingNumber' | 'status' | 'signing' | 'initials'>,
  staff: StaffMember[],
  actorId: string,
  publicUrl: string,
): OutgoingMail[] => {
  const step = nextLetterStep(letter);
  if (!step) return [];
  const [what, todo] = AWAITED[step.kind];
  const title = letterTitle(letter.type);
  return staff
    .filter((s) => s.active && s.id !== actorId && s.roles.includes(step.role))
    .map((s) => ({
      id: `letter-awaits-${letter.id}-${letter.initials.length}-${s.id}`,
      kind: 'letter_awaiting' as const,
      to: [s.email],
      subject: `[Surat menunggu ${what}] ${letter.number} – ${title}`,
      text: [
        `Yth. ${s.name},`,
        '',
        `Surat berikut menunggu ${what} sebagai ${roleLabel(step.role)}.`,
        '',
        lines([
          ['Nomor surat', letter.number],
          ['Jenis', title],
          ['Nomor registrasi', letter.trackingNumber],
        ]),
        '',
        `Periksa drafnya, lalu ${todo}: ${publicUrl.replace(/\/$/, '')}/konsol/surat/${letter.id}`,
        signature(),
      ].join('\n'),
    }));
};

/**
 * To the applicant when their letter is issued: its number and a download link valid `until` (the link
 * is the only copy of its token; the desk keeps just its hash).
 */
export const letterIssuedMail = (
  c: CaseRecord,
  letter: { title: string; number: string; downloadUrl: string; until: number; verifyUrl: string },
  publicUrl: string,
) =>
  applicantMail(
    c,
    {
      id: `letter-${c.id}`,
      subject: `${letter.title} telah terbit`,
      body: [
        `${letter.title} untuk permohonan Anda telah terbit dengan nomor ${letter.number}.`,
        '',
        `Unduh surat (PDF): ${letter.downloadUrl}`,
        `Tautan ini berlaku sampai ${formatWib(letter.until)}. Setelah itu, surat dapat diminta di loket.`,
        '',
        `Keaslian surat dapat diperiksa siapa saja melalui kode QR pada surat atau ${letter.verifyUrl}.`,
      ],
    },
    publicUrl,
  );

/**
 * To the applicant when their letter is revoked: it no longer holds, why, and that the desk can be
 * asked. The letter's download link stops working; verification answers "dicabut" from now on.
 */
export const letterRevokedMail = (
  c: CaseRecord,
  letter: { id: string; title: string; number: string; reason: string; verifyUrl: string },
  publicUrl: string,
) =>
  applicantMail(
    c,
    {
      id: `letter-revoked-${letter.id}`,
      subject: `${letter.title} dicabut`,
      body: [
        `${letter.title} nomor ${letter.number} untuk permohonan Anda telah dicabut dan tidak berlaku lagi.`,
        '',
        `Alasan: ${letter.reason}`,
        '',
        'Tautan unduhan surat tidak dapat dipakai lagi. Siapa pun yang memeriksa surat ini melalui kode QR-nya akan melihat bahwa surat telah dicabut:',
        letter.verifyUrl,
        '',
        'Untuk pertanyaan atau permohonan baru, hubungi loket kami.',
      ],
    },
    publicUrl,
  );

/** To the applicant when the request is finished: one invitation to the satisfaction survey. */
export const surveyInvitationMail = (c: CaseRecord, publicUrl: string) =>
  c.survey &&
  applicantMail(
    c,
    {
      id: `survey-${c.id}`,
      subject: 'Bagaimana pelayanan kami?',
      body: [
        'Permohonan Anda telah selesai diproses. Mohon luangkan 2 menit untuk menilai pelayanan kami:',
        '',
        `${publicUrl}/survei/${c.id}.${c.survey.token}`,
        '',
        `Survei ini tanpa nama, hanya dapat diisi sekali untuk permohonan ini, dan terbuka sampai ${formatWib(c.survey.until)}. Hasilnya dipakai untuk memperbaiki pelayanan dan diumumkan di laman Kinerja.`,
      ],
    },
    publicUrl,
  );
