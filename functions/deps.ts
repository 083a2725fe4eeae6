import {
  type Config,
  createDynamoClient,
  createLetterSigner,
  createLogger,
  createFileStore,
  createMailer,
  DynamoCalendarStore,
  DynamoCaseRepository,
  DynamoFormMappings,
  DynamoMarks,
  DynamoOutbox,
  DynamoRecomputeProgress,
  DynamoSessions,
  DynamoTickets,
  DynamoKlinik,
  DynamoLetters,
  DynamoStandardArchive,
  DynamoStaffDirectory,
  DynamoSurveys,
  DynamoUmkmRegistry,
  googleClients,
  laporClient,
  type Logger,
  systemIds,
  systemTime,
} from '@loket/adapters';
import {
  office,
  type CalendarStore,
  type CaseRepository,
  CaseService,
  type KlinikSeats,
  type OutboxStore,
  type StaffDirectory,
  type FormMappingStore,
  type IdSource,
  type LetterStore,
  type Mailer,
  type MarkStore,
  type RecomputeProgressStore,
  type SessionStore,
  type SurveyStore,
  type TicketStore,
  type TimeSource,
  type UmkmRegistry,
} from '@loket/core';
import { createBackground } from './background';
import { caseMails } from './mail/case-mail';
import { sendFresh } from './mail/dispatch';
// Static on purpose: it is small (the PDF maker it calls loads lazily), and a lazy import here would
// be one more split point for the bundler, one more file at every cold start (README, "Cold start").
import { prepareLetter } from './letters/prepare';

/**
 * The one composition root: configuration in, every adapter and service out. Lambda handlers, the
 * local desk, the CLI and the tests all build their world here from a `Config` (`loadConfig` reads the
 * environment). Outside it, only process-level settings are read from the environment: the local
 * desk's port and data directory, the CLI's target, the log level before a config exists, the S3
 * emulator's path-style switch and the Lambda task root where the letter fonts lie.
 */
export const createDeps = (
  config: Config,
  overrides: { time?: TimeSource; ids?: IdSource; log?: Logger; mailer?: Mailer } = {},
) => {
  // Drive and Forms when a service account is configured; without one, Google work waits visibly.
  const google = config.GOOGLE_SERVICE_ACCOUNT_KEY
    ? googleClients(config.GOOGLE_SERVICE_ACCOUNT_KEY, config.GOOGLE_API_ROOT_URL)
    : undefined;
  // SP4N-LAPOR! API channel when configured (its client loads on first use); otherwise complaints come in by hand.
  const lapor = config.LAPOR_API_BASE_URL
    ? laporClient({
        baseUrl: config.LAPOR_API_BASE_URL,
        auth: config.LAPOR_API_AUTH!,
        token: config.LAPOR_API_TOKEN!,
        userId: config.LAPOR_USER_ID,
        institutionId: config.LAPOR_INSTITUTION_ID,
        timeoutMs: config.LAPOR_TIMEOUT_MS,
      })
    : undefined;
  const db = createDynamoClient(config.AWS_REGION);
  const files = createFileStore(config.AWS_REGION, config.LOKET_BUCKET);
  const time = overrides.time ?? systemTime;
  const ids = overrides.ids ?? systemIds;
  const log = overrides.log ?? createLogger({ stage: config.LOKET_STAGE }, { level: config.LOKET_LOG_LEVEL });
  const repo: CaseRepository = new DynamoCaseRepository(db, config.LOKET_TABLE);
  const calendars: CalendarStore = new DynamoCalendarStore(db, config.LOKET_TABLE);
  const staff: StaffDirectory = new DynamoStaffDirectory(db, config.LOKET_TABLE);
  const outbox: OutboxStore = new DynamoOutbox(db, config.LOKET_TABLE);
  const marks: MarkStore = new DynamoMarks(db, config.LOKET_TABLE);
  const recompute: RecomputeProgressStore = new DynamoRecomputeProgress(db, config.LOKET_TABLE);
  const sessions: SessionStore = new DynamoSessions(db, config.LOKET_TABLE);
  const tickets: TicketStore = new DynamoTickets(db, config.LOKET_TABLE);
  const formMappings: FormMappingStore = new DynamoFormMappings(db, config.LOKET_TABLE);
  const letters: LetterStore = new DynamoLetters(db, config.LOKET_TABLE);
  const surveys: SurveyStore = new DynamoSurveys(db, config.LOKET_TABLE);
  const umkm: UmkmRegistry = new DynamoUmkmRegistry(db, config.LOKET_TABLE);
  const klinik: KlinikSeats = new DynamoKlinik(db, config.LOKET_TABLE);
  const mailer = overrides.mailer ?? createMailer(config);
  const cases = new CaseService({
    repo,
    calendars,
    time,
    ids,
    klinik,
    staff,
    standards: new DynamoStandardArchive(db, config.LOKET_TABLE),
    onStandardConflict: (version) =>
      log.error('standard.version_reused', {
        version,
        hint: 'the running standard differs from the stored document of the same version: give a changed standard a new version',
      }),
    mailsFor: caseMails(config.LOKET_PUBLIC_URL, staff, config.LOKET_ODS_URL),
    // Queued mail is sent at once where this function sends; otherwise, or if that fails, the scheduled drain does.
    afterChange: async (change, mails) => {
      // The letter a step owes is numbered right after the step is stored; should that fail, the
      // minutely job numbers it (the case carries a "letter due" marker until then).
      if (change.effects.includes('request_letter_number')) {
        await prepareLetter(deps, change.record.id, change.event.actorId).catch((e: unknown) =>
          log.warn('letter.prepare_deferred', { caseId: change.record.id, error: String(e) }),
        );
      }
      if (mails.length)
        await sendFresh(deps, mails).catch((e) => log.warn('mail.dispatch_error', { error: String(e) }));
    },
  });
  const deps = {
    config,
    db,
    files,
    time,
    ids,
    log,
    repo,
    calendars,
    staff,
    outbox,
    marks,
    recompute,
    sessions,
    tickets,
    formMappings,
    letters,
    signer: createLetterSigner(
      config.LOKET_SIGNING === 'bsre'
        ? {
            channel: 'bsre',
            url: config.LOKET_BSRE_URL!,
            user: config.LOKET_BSRE_USER!,
            password: config.LOKET_BSRE_PASSWORD!,
            timeoutMs: config.LOKET_BSRE_TIMEOUT_MS,
            tampilan: config.LOKET_BSRE_TAMPILAN,
          }
        : {
            channel: 'desk',
            keys: config.LOKET_DESK_KEYS,
            region: config.AWS_REGION,
            office: office().name,
            now: time.now,
          },
    ),
    surveys,
    umkm,
    klinik,
    mailer,
    cases,
    google,
    lapor,
    background: createBackground(log),
  };
  return deps;
};

export type Deps = ReturnType<typeof createDeps>;
