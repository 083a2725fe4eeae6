/** @jsxImportSource hono/jsx */
import {
  documentsInView,
  actionsFor,
  answerFieldsToShow,
  actorName,
  blockedStep,
  checklistInOrder,
  requirementLabel,
  documentLimit,
  formatNames,
  scanTypes,
  documentFieldsOf,
  type Field as DocumentField,
  megabytes,
  assignableOfficers,
  type CaseEvent,
  attachmentName,
  mayAssign,
  mayOpenDocuments,
  type CaseRecord,
  clockText,
  currentStep,
  formatWib,
  maskDigitRuns,
  maskedAnswers,
  maskEmail,
  kipRows,
  type KlinikSession,
  maskPhone,
  laporEventTitle,
  stepForm,
  laporSummary,
  mayRevealApplicant,
  type Service,
  serviceFields,
  slaState,
  type StaffMember,
  type TransitionDef,
  workflowFor,
  worksCurrentStep,
  hasDuty,
  endsWithoutProduct,
  dutyHolders,
  serviceTerms,
  caseService,
} from '@loket/core';
import { raw } from 'hono/html';
import { SCAN_MAX_BYTES } from '../../cases/documents';
import {
  Banner,
  ConsolePage,
  ErrorSummary,
  Field,
  type FieldError,
  SlaTag,
  Summary,
  type SummaryRow,
} from '../components';
import { StepFields } from './step-fields';

/** SP4N-LAPOR!: where the complaint stands there, and (manual channel) the answers still to copy by hand. */
const LaporPanel = ({ c, officer }: { c: CaseRecord; officer: StaffMember }) => {
  const link = c.lapor!;
  const copier = hasDuty(officer.roles, 'complaintDesk');
  return (
    <>
      <h2 id="lapor">SP4N-LAPOR!</h2>
      <Summary rows={laporSummary(link)} />
      {link.toCopy.map((t) => (
        <div class="card">
          <h3>Salin tanggapan ini ke SP4N-LAPOR!</h3>
          <p class="prewrap">{t.content}</p>
          {copier && (
            <form method="post" action={`/konsol/berkas/${c.id}/lapor/disalin`}>
              <input type="hidden" name="copyId" value={t.id} />
              <button class="button button-secondary" type="submit">
                Sudah disalin ke LAPOR!
              </button>
            </form>
          )}
        </div>
      ))}
    </>
  );
};

const CHECK_TAGS: Record<string, [string, string]> = {
  ok: ['Sesuai', 'tag-green'],
  pending: ['Belum diperiksa', 'tag-grey'],
  missing: ['Belum lengkap', 'tag-red'],
  invalid: ['Perlu dilengkapi', 'tag-yellow'],
};
/** What a scan may be, in the officer's words: the field's types and the smaller of its limit and the console's. */
const scanHint = (f: DocumentField) =>
  `${formatNames(scanTypes(f))}, paling besar ${megabytes(documentLimit(f, SCAN_MAX_BYTES))}. Tercatat di riwayat berkas.`;

const FILE_TEXT: Record<string, string> = {
  pending: 'Menunggu disalin',
  stored: 'Tersimpan',
  failed: 'Gagal disalin (dicoba lagi otomatis)',
  rejected: 'Ditolak (ukuran atau jenis berkas)',
};
const CHANNELS: Record<string, string> = {
  google_form: 'Formulir Google',
  walk_in: 'Datang langsung',
  letter: 'Surat',
  sp4n_lapor: 'SP4N-LAPOR!',
  internal: 'Internal',
};

/** One line of the timeline in officers' words. */
const eventTitle = (e: CaseEvent, service: Service, staff: Map<string, StaffMember>, transitions: TransitionDef[]) => {
  const who = (id: unknown) => (typeof id === 'string' ? (staff.get(id)?.name ?? id) : '-');
  switch (e.type) {
    case 'created':
      return 'Permohonan diterima';
    case 'transition':
      return transitions.find((t) => t.event === e.event)?.label ?? e.event ?? 'Tahap berubah';
    case 'checklist_updated':
      return `Persyaratan "${requirementLabel(service, String(e.data?.requirementId))}" dinyatakan ${e.data?.status === 'ok' ? 'sesuai' : 'perlu diperbaiki'}`;
    case 'assigned':
      return `Didisposisikan kepada ${who(e.data?.to)}`;
    case 'resubmitted':
      return 'Pemohon mengirim jawaban baru';
    case 'deadline_recomputed':
      return 'Batas waktu dihitung ulang (kalender kerja berubah)';
    case 'attachment_stored':
      return e.data?.origin === 'desk'
        ? `Scan "${serviceFields(service).find((f) => f.id === e.data?.fieldId)?.label ?? e.data?.fieldId}" dilampirkan`
        : 'Dokumen tersimpan';
    case 'attachment_failed':
      return e.data?.rejected ? 'Dokumen ditolak' : 'Dokumen gagal disalin (dicoba lagi)';
    case 'attachment_retry':
      return 'Salin ulang dokumen diminta';
    case 'deadline_extended':
      return 'Batas jawaban diperpanjang 7 hari kerja';
    case 'letter_prepared':
      return 'Surat diberi nomor, menunggu tanda tangan';
    case 'letter_issued':
      return 'Surat ditandatangani dan terbit';
    case 'letter_revoked':
      return 'Surat dicabut';
    case 'sla_alert':
      return e.data?.threshold === 'breach' ? 'Peringatan: melewati batas waktu' : 'Peringatan: mendekati batas waktu';
    default:
      return laporEventTitle(e) ?? e.type;
  }
};

interface CasePageProps {
  c: CaseRecord;
  officer: StaffMember;
  events: CaseEvent[];
  staff: Map<string, StaffMember>;
  now: number;
  revealed?: boolean;
  flash?: string;
  errors?: FieldError[];
  /** SVG of the survey link, for a finished walk-in request. */
  surveyQr?: string;
}

/** Halaman berkas: header, then Ringkasan, Pemohon, Tindakan, Persyaratan, Dokumen, Riwayat. */
export const CasePage = ({ c, officer, events, staff, now, revealed, flash, errors = [], surveyQr }: CasePageProps) => {
  const service = caseService(c);
  const step = currentStep(c);
  const actions = actionsFor(c, officer.roles);
  const blocked = actions.flatMap((action) => {
    const why = blockedStep(c, action);
    return why ? [{ action, why }] : [];
  });
  const open = actions.filter((a) => !blocked.some((b) => b.action === a));
  const works = worksCurrentStep(c, officer.roles);
  const canReveal = mayRevealApplicant(c, officer.roles);
  const answers = revealed && canReveal ? c.answers : maskedAnswers(service, c);
  const fields = answerFieldsToShow(service, c);
  const assignable = assignableOfficers(c, [...staff.values()]);
  return (
    <ConsolePage title={`Berkas ${c.trackingNumber}`} officer={officer}>
      {flash && (
        <Banner title="Berhasil" success>
          {flash}
        </Banner>
      )}
      <ErrorSummary errors={errors} />
      <span class="muted">{service.name}</span>
      <h1>
        <span class="tn">{c.trackingNumber}</span>
      </h1>
      <p>
        <strong class="tag">{step.label}</strong> <SlaTag state={slaState(c.clock, now, c.closedAt)} />{' '}
        {clockText(c, now)}
      </p>
      <ul class="tabs">
        <li>
          <a href="#ringkasan">Ringkasan</a>
        </li>
        <li>
          <a href="#persyaratan">Persyaratan</a>
        </li>
        <li>
          <a href="#tindakan">Tindakan</a>
        </li>
        <li>
          <a href="#dokumen">Dokumen</a>
        </li>
        <li>
          <a href="#riwayat">Riwayat</a>
        </li>
      </ul>

      <h2 id="ringkasan">Ringkasan</h2>
      <Summary
        rows={[
          ['Layanan', `${service.name} (${serviceTerms(service).duration})`],
          ['Tahap', step.label],
          [
            'Batas waktu',
            c.clock.awaitingComplete
              ? 'Belum berjalan: dihitung sejak berkas dinyatakan lengkap'
              : c.clock.dueAt === undefined
                ? 'Dijeda: menunggu perbaikan dari pemohon'
                : `${formatWib(c.clock.dueAt)}${c.clock.estimated ? ' (perkiraan)' : ''}`,
          ],
          ['Diterima', formatWib(c.clock.receivedAt)],
          ['Kanal', CHANNELS[c.channel] ?? c.channel],
          ['Petugas', c.assigneeId ? (staff.get(c.assigneeId)?.name ?? c.assigneeId) : 'Belum didisposisikan'],
          ...(c.clock.pauses.length
            ? [
                [
                  'Jeda',
                  <ul>
                    {c.clock.pauses.map((p) => (
                      <li>
                        {formatWib(p.from)} – {p.to === undefined ? 'sekarang' : formatWib(p.to)}
                      </li>
                    ))}
                  </ul>,
                ] as SummaryRow,
              ]
            : []),
          ...(c.letterNumber ? [['Nomor surat', c.letterNumber] as SummaryRow] : []),
          ...(c.letterOwed && !c.letterId ? [['Surat', 'Sedang diberi nomor (segera keluar)'] as SummaryRow] : []),
          ...(c.letterId && c.letterIssuedAt === undefined
            ? [
                [
                  'Surat',
                  <>
                    Menunggu paraf dan tanda tangan · <a href={`/konsol/surat/${c.letterId}`}>buka halaman surat</a>
                  </>,
                ] as SummaryRow,
              ]
            : []),
        ]}
      />
      {c.letterId && c.letterRevokedAt !== undefined && (
        <p>
          Surat ini telah dicabut, sehingga tidak diunduh lagi dari berkas; salinan arsipnya ada di{' '}
          <a href="/konsol/surat?status=dicabut">Register surat</a>.{' '}
          <a href={`/verifikasi/${c.letterId}`}>Halaman verifikasi publik</a>
        </p>
      )}
      {c.letterId && c.letterIssuedAt !== undefined && c.letterRevokedAt === undefined && (
        <p>
          {mayOpenDocuments(c, officer.roles) && (
            <>
              <a class="button button-secondary" href={`/konsol/berkas/${c.id}/surat`}>
                Unduh surat (PDF)
              </a>{' '}
            </>
          )}
          <a href={`/verifikasi/${c.letterId}`}>Halaman verifikasi publik</a>{' '}
          <span class="small muted">(unduhan dicatat)</span>
        </p>
      )}
      {c.kip && (
        <>
          <h3>Batas waktu UU Keterbukaan Informasi Publik</h3>
          <Summary rows={kipRows(c.kip)} />
          {works && !c.kip.extended && c.closedAt === undefined && (
            <form method="post" action={`/konsol/berkas/${c.id}/perpanjang`} novalidate>
              <input type="hidden" name="expectedVersion" value={String(c.version)} />
              <div class="field">
                <label for="reason">Alasan perpanjangan 7 hari kerja (sekali, wajib tertulis)</label>
                <textarea id="reason" name="reason" rows={3}></textarea>
              </div>
              <button class="button button-secondary" type="submit">
                Perpanjang batas jawaban
              </button>
            </form>
          )}
        </>
      )}
      {mayAssign(c, officer.roles) && assignable.length > 0 && (
        <form method="post" action={`/konsol/berkas/${c.id}/disposisi`}>
          <input type="hidden" name="expectedVersion" value={String(c.version)} />
          <div class="field">
            <label for="assigneeId">Disposisi kepada</label>
            <select id="assigneeId" name="assigneeId">
              {assignable.map((s) => (
                <option value={s.id} selected={s.id === c.assigneeId}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button class="button button-secondary" type="submit">
            Disposisikan
          </button>
        </form>
      )}

      {c.lapor && <LaporPanel c={c} officer={officer} />}

      <h2 id="identitas">{c.lapor ? 'Pelapor' : 'Pemohon'}</h2>
      {c.confidential && !(revealed && canReveal) ? (
        <p>
          Identitas pelapor dirahasiakan
          {canReveal ? '' : `; hanya ${dutyHolders('complaintDesk')} yang dapat melihatnya`}.
        </p>
      ) : (
        <Summary
          rows={[
            ['Nama', c.applicant.name],
            [
              'Email',
              c.applicant.email ? (revealed && canReveal ? c.applicant.email : maskEmail(c.applicant.email)) : '-',
            ],
            [
              'Nomor HP',
              c.applicant.phone ? (revealed && canReveal ? c.applicant.phone : maskPhone(c.applicant.phone)) : '-',
            ],
            ...fields.map((f) => [f.label, answers[f.id]!.join(', ')] as [string, string]),
          ]}
        />
      )}
      {canReveal && !revealed && (
        <form method="post" action={`/konsol/berkas/${c.id}/tampilkan`}>
          <button class="button button-secondary" type="submit">
            Tampilkan data pribadi
          </button>
          <p class="small muted">Setiap kali data pribadi ditampilkan, nama Anda dan waktunya dicatat.</p>
        </form>
      )}
      {revealed && canReveal && (
        <p class="small">
          <strong>Data pribadi ditampilkan.</strong> Akses ini telah dicatat.
        </p>
      )}
      {(c.unmatchedAnswers?.length ?? 0) > 0 && (
        <>
          <h3>Jawaban formulir yang tidak dikenali</h3>
          <p class="small muted">
            Pertanyaan ini tidak ada dalam pemetaan formulir; periksa dan sampaikan kepada administrator.
          </p>
          <Summary
            rows={c.unmatchedAnswers!.map((u) => [u.title, u.values.map(maskDigitRuns).join(', ')] as [string, string])}
          />
        </>
      )}

      {surveyQr && (
        <div class="card">
          <h3>Survei kepuasan</h3>
          <p class="small">
            Minta pemohon memindai kode ini dengan ponselnya untuk menilai pelayanan (sekali untuk permohonan ini).
          </p>
          <div class="qr">{raw(surveyQr)}</div>
        </div>
      )}

      <h2 id="persyaratan">Persyaratan</h2>
      <ul class="cards">
        {checklistInOrder(c, service).map(([id, item]) => {
          const [text, cls] = CHECK_TAGS[item.status] ?? [item.status, ''];
          return (
            <li class={item.status === 'ok' ? 'card card-green card-compact' : 'card'} id={`req-${id}`}>
              <h3>{requirementLabel(service, id)}</h3>
              <p>
                <strong class={`tag ${cls}`}>{text}</strong>
                {item.checkedBy && (
                  <span class="small muted"> oleh {actorName(item.checkedBy, (id) => staff.get(id)?.name)}</span>
                )}
              </p>
              {item.issues.map((i) => (
                <p class="small">{i}</p>
              ))}
              {works &&
                item.status !== 'ok' &&
                documentFieldsOf(service, id).map((f) => (
                  <form
                    class="scan"
                    method="post"
                    enctype="multipart/form-data"
                    action={`/konsol/berkas/${c.id}/lampiran`}
                  >
                    <input type="hidden" name="fieldId" value={f.id} />
                    <input type="hidden" name="expectedVersion" value={String(c.version)} />
                    <Field
                      id={`file-${f.id}`}
                      label={`Lampirkan scan: ${f.label}`}
                      hint={scanHint(f)}
                      error={errors.find((e) => e.field === `file-${f.id}`)?.message}
                    >
                      <input type="file" id={`file-${f.id}`} name="file" accept={(f.accept ?? []).join(',')} />
                    </Field>
                    <button class="button button-secondary" type="submit">
                      Lampirkan
                    </button>
                  </form>
                ))}
              {works && (item.status === 'pending' || item.status === 'invalid') && (
                <form method="post" action={`/konsol/berkas/${c.id}/persyaratan`}>
                  <input type="hidden" name="requirementId" value={id} />
                  <input type="hidden" name="expectedVersion" value={String(c.version)} />
                  <button class="button button-secondary" type="submit" name="status" value="ok">
                    Nyatakan sesuai
                  </button>
                </form>
              )}
              {works && item.status !== 'missing' && (
                // Also how an "ok" given by mistake is taken back: the requirement needs work again.
                <details>
                  <summary>
                    {item.status === 'ok' ? 'Batalkan: nyatakan tidak sesuai' : 'Nyatakan tidak sesuai'}
                  </summary>
                  <form method="post" action={`/konsol/berkas/${c.id}/persyaratan`}>
                    <input type="hidden" name="requirementId" value={id} />
                    <input type="hidden" name="expectedVersion" value={String(c.version)} />
                    <Field id={`note-${id}`} label="Apa yang perlu diperbaiki">
                      <textarea id={`note-${id}`} name="note" rows={2} required></textarea>
                    </Field>
                    <button class="button button-secondary" type="submit" name="status" value="invalid">
                      Nyatakan tidak sesuai
                    </button>
                  </form>
                </details>
              )}
            </li>
          );
        })}
      </ul>

      <h2 id="tindakan">Tindakan</h2>
      {actions.length ? (
        <>
          <p>
            {open.map((a, i) => (
              <a
                class={
                  endsWithoutProduct(c, a) ? 'button button-warning' : i === 0 ? 'button' : 'button button-secondary'
                }
                href={`/konsol/berkas/${c.id}/tindakan/${a.event}`}
              >
                {a.label}
              </a>
            ))}
          </p>
          {blocked.map(({ action, why }) => (
            <div class="panel blocked">
              <p>
                <strong>{action.label}</strong> belum dapat dilakukan. {why.reason}
              </p>
              {why.requirements.length > 0 && (
                <ul>
                  {why.requirements.map((r) => (
                    <li>
                      <a href={`#req-${r.id}`}>{r.label}</a>{' '}
                      <span class="small muted">({CHECK_TAGS[r.status]?.[0] ?? r.status})</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      ) : (
        <p class="muted">
          {step.kind === 'terminal' ? 'Berkas sudah selesai.' : 'Tidak ada tindakan untuk peran Anda pada tahap ini.'}
        </p>
      )}

      <h2 id="dokumen">Dokumen</h2>
      {c.attachments.length ? (
        <ul class="cards">
          {documentsInView(service, c).map(({ attachment: a, current }) => (
            <li class={current ? 'card' : 'card card-muted'}>
              <h3>{serviceFields(service).find((f) => f.id === a.fieldId)?.label ?? a.fieldId}</h3>
              <p class="small">
                {!current && (
                  <>
                    <strong class="tag tag-grey">Versi sebelumnya</strong>{' '}
                  </>
                )}
                {attachmentName(c, officer.roles, a.fileName)} · {FILE_TEXT[a.status]}
              </p>
              {a.lastError && <p class="small">{a.lastError}</p>}
              {a.status === 'stored' && mayOpenDocuments(c, officer.roles) && (
                <p>
                  <a href={`/konsol/berkas/${c.id}/dokumen/${a.fieldId}/${a.sha256}`}>Buka dokumen</a>{' '}
                  <span class="small muted">(dicatat)</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Tidak ada dokumen unggahan.</p>
      )}

      <h2 id="riwayat">Riwayat</h2>
      <ol class="timeline" reversed>
        {[...events].reverse().map((e) => (
          <li>
            <h3>{eventTitle(e, service, staff, workflowFor(service).transitions)}</h3>
            <p class="small">
              <time datetime={new Date(e.at).toISOString()}>{formatWib(e.at)}</time> oleh{' '}
              {actorName(e.actorId, (id) => staff.get(id)?.name)}
            </p>
            {e.note && <p>{e.note}</p>}
          </li>
        ))}
      </ol>
    </ConsolePage>
  );
};

/** MOJ "confirm an action": a fixed heading, the case, a reason box; a revision request picks what to fix. */
export const ActionPage = ({
  c,
  officer,
  action,
  errors = [],
  note = '',
  values = {},
  sessions,
}: {
  c: CaseRecord;
  officer: StaffMember;
  action: TransitionDef;
  errors?: FieldError[];
  note?: string;
  values?: Record<string, string>;
  sessions?: KlinikSession[];
}) => {
  const service = caseService(c);
  const noteError = errors.find((e) => e.field === 'note')?.message;
  return (
    <ConsolePage title={`${errors.length ? 'Kesalahan: ' : ''}${action.label}`} officer={officer}>
      <ErrorSummary errors={errors} />
      <span class="muted">
        <span class="tn">{c.trackingNumber}</span> · {service.name}
      </span>
      <h1>{action.label}</h1>
      <form method="post" action={`/konsol/berkas/${c.id}/tindakan/${action.event}`} novalidate>
        <input type="hidden" name="expectedVersion" value={String(c.version)} />
        <StepFields fields={stepForm(c, action, { values, sessions })} errors={errors} />
        <div class={noteError ? 'field field-error' : 'field'}>
          <label for="note">
            {action.noteRequired && !sessions ? 'Alasan atau catatan (wajib)' : 'Catatan (tidak wajib)'}
          </label>
          {action.laporReply && c.lapor && (
            <p class="hint">
              {c.lapor.mode === 'api'
                ? 'Teks ini dikirim ke SP4N-LAPOR! sebagai tindak lanjut.'
                : 'Teks ini perlu disalin ke SP4N-LAPOR!; halaman berkas akan mengingatkan.'}
            </p>
          )}
          {noteError && (
            <p class="error-message">
              <span class="visually-hidden">Kesalahan: </span>
              {noteError}
            </p>
          )}
          <textarea id="note" name="note" rows={5}>
            {note}
          </textarea>
        </div>
        <button class={endsWithoutProduct(c, action) ? 'button button-warning' : 'button'} type="submit">
          {action.label}
        </button>
        <a class="button button-secondary" href={`/konsol/berkas/${c.id}`}>
          Batal
        </a>
      </form>
    </ConsolePage>
  );
};
