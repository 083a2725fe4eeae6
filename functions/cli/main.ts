import { installStandard, LoketError, services } from '@loket/core';
import type { Deps } from '../deps';
import { CliError, noArguments } from './target';

// The AWS SDK, the Google clients and the jobs load only for the command that needs them: usage
// errors and --help answer in a fraction of the time.
const connect = async () => (await import('./target-connect')).connect();

/** Kept here, not in sla.ts, so `--help` does not load the calendar code. */
const SLA_USAGE =
  'sla --service <id> --received <ISO-8601> [--pause <fromISO>/<toISO> ...] | sla --clock kip-answer|kip-extended --received <ISO-8601> | sla --clock kip-objection --issued <ISO-8601>';

const TARGET = `Target: the local desk started by \`npm start\` (found via LOKET_DATA_DIR, default .data),
or AWS when LOKET_STAGE names a deployed stage (run inside \`npx sst shell --stage <stage>\`).
Exit codes: 0 ok, 1 failure, 2 wrong usage. Every subcommand answers --help.`;

interface Command {
  usage: string;
  summary: string;
  run(argv: string[]): Promise<void>;
}

/** Runs one scheduled job against the target, prints its report as JSON, and fails if any part failed. */
const runJob = (load: () => Promise<(deps: Deps) => Promise<unknown>>) => async (argv: string[]) => {
  noArguments(argv);
  const job = await load();
  const deps = await connect();
  try {
    const report = await job(deps);
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    const failed = failures(report);
    if (failed.length) throw new JobFailed(`${failed.length} part(s) failed: ${failed.join('; ')}`);
  } finally {
    deps.db.destroy();
    deps.files.destroy();
  }
};

class JobFailed extends Error {}

/** Every `error` a job report holds, with where it sits (`mail`, `forms.0`…). */
const failures = (report: unknown, path = ''): string[] => {
  if (!report || typeof report !== 'object') return [];
  return Object.entries(report).flatMap(([k, v]) =>
    k === 'error' && typeof v === 'string' ? [`${path || 'job'}: ${v}`] : failures(v, path ? `${path}.${k}` : k),
  );
};

const COMMANDS: Record<string, Command> = {
  services: {
    usage: 'services',
    summary: "list the standard's services with their time limits",
    async run(argv) {
      noArguments(argv);
      const rows = services().map(
        (s) => `${String(s.number).padEnd(2)} ${s.id.padEnd(26)} ${s.sla.text.padEnd(19)} ${s.name}`,
      );
      process.stdout.write(['#  id                         time limit          service', ...rows].join('\n') + '\n');
    },
  },
  standard: {
    usage: 'standard check <file> | standard show [file] | standard export | standard schema',
    summary:
      "the office's standard document: check one (every problem with its path and line; exit 1), summarise one (or the installed one), print the one the target desk runs, print the JSON Schema",
    run: async (argv) => (await import('./standard')).standardCommand(argv, connect),
  },
  sla: {
    usage: SLA_USAGE,
    summary: 'compute a deadline (JSON, times in +07:00)',
    run: async (argv) => (await import('./sla')).slaCommand(argv),
  },
  token: {
    usage: 'token <staff id>',
    summary: 'issue a staff API token (12 hours) for scripts',
    async run(argv) {
      const [staffId, ...extra] = argv;
      if (!staffId || staffId.startsWith('-')) throw new CliError('a staff id is required: loket token <staff id>');
      noArguments(extra);
      const deps = await connect();
      try {
        const member = await deps.staff.get(staffId);
        if (!member?.active) throw new CliError(`no active officer "${staffId}" in the staff directory`, 1);
        const { issueStaffToken } = await import('../api/auth');
        process.stdout.write(issueStaffToken(deps.config.LOKET_AUTH_SECRET, staffId, Date.now()) + '\n');
      } finally {
        deps.db.destroy();
      }
    },
  },
  staff: {
    usage:
      'staff add <id> --name <name> --email <email> --role <role> [--role <role> ...] [--superior <id>] | staff list | staff disable <id>',
    summary: 'the staff directory: create the first administrator of a fresh stage, list officers, disable one',
    run: async (argv) => (await import('./staff')).staffCommand(argv),
  },
  sweep: {
    usage: 'sweep',
    summary: 'run the minutely job once: deadline alerts, mail outbox, file-copy retries (JSON report)',
    run: runJob(async () => (await import('../jobs/run')).runMinutely),
  },
  reconcile: {
    usage: 'reconcile',
    summary: 'fetch Google Forms responses the webhook missed (JSON report)',
    run: runJob(async () => (await import('../intake/reconcile')).reconcileForms),
  },
  lapor: {
    usage: 'lapor register <complaintId> | lapor sync',
    summary:
      'SP4N-LAPOR!: make the pengaduan case of a complaint (JSON: caseId, trackingNumber, created), or run the 15-minute sync once (JSON report)',
    async run(argv) {
      if (argv[0] === 'sync') return runJob(async () => (await import('../lapor/sync')).syncLapor)(argv.slice(1));
      return (await import('./lapor')).laporCommand(argv, connect);
    },
  },
  report: {
    usage: 'report --month YYYY-MM | report --quarter YYYY-Qn | report --year YYYY',
    summary:
      "the head of office's report of a period as JSON: per service, per officer, complaints, the satisfaction index",
    async run(argv) {
      const [flag, value, ...extra] = argv;
      noArguments(extra);
      const { monthPeriod, quarterPeriod, yearPeriod } = await import('@loket/core');
      const periods = {
        '--month': [monthPeriod, 'a month (YYYY-MM)'],
        '--quarter': [quarterPeriod, 'a quarter (YYYY-Qn)'],
        '--year': [yearPeriod, 'a year (YYYY)'],
      } as const;
      const chosen = periods[flag as keyof typeof periods];
      if (!value || !chosen)
        throw new CliError('give a period: report --month 2026-11, --quarter 2026-Q4 or --year 2026');
      let period;
      try {
        period = chosen[0](value);
      } catch {
        throw new CliError(`"${value}" is not ${chosen[1]}`);
      }
      const deps = await connect();
      try {
        const { loadReport } = await import('../reports/load');
        process.stdout.write(JSON.stringify(await loadReport(deps, period), null, 2) + '\n');
      } finally {
        deps.db.destroy();
        deps.files.destroy();
      }
    },
  },
  digest: {
    usage: 'digest',
    summary: "send today's officer digests (and the weekly report on the first working day)",
    run: runJob(async () => (await import('../jobs/digest')).runMorningDigests),
  },
};

const help = () =>
  [
    "loket — operators' tool for the Loket service desk",
    '',
    'Usage: npx loket <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
    '  help\n      this text',
    '',
    TARGET,
  ].join('\n');

const fail = (name: string, message: string, code: number): never => {
  process.stderr.write(`loket${name ? ` ${name}` : ''}: ${message.split('\n')[0]}\n`);
  process.exit(code);
};

const main = async () => {
  const [name = 'help', ...rest] = process.argv.slice(2);
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest.length) fail('help', `unexpected arguments: ${rest.join(' ')}`, 2);
    process.stdout.write(help() + '\n');
    return;
  }
  const command = COMMANDS[name];
  if (!command) return fail('', `unknown command "${name}" (see: npx loket --help)`, 2);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: npx loket ${command.usage}\n  ${command.summary}\n\n${TARGET}\n`);
    return;
  }
  try {
    // Commands that read services and roles need the office's standard, as the desk has it.
    if (name !== 'standard') {
      const { defaultStandardFile, loadStandard } = await import('@loket/adapters');
      installStandard(loadStandard(process.env.LOKET_STANDARD ?? defaultStandardFile()));
    }
    await command.run(rest);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof CliError) fail(name, err.message, e.exitCode);
    if (err.code?.startsWith('ERR_PARSE_ARGS')) fail(name, `${err.message} (see: npx loket ${name} --help)`, 2);
    if (e instanceof JobFailed || err.name === 'ConfigError') fail(name, err.message, 1);
    // Domain errors carry an Indonesian message for people and an English detail for operators.
    if (e instanceof LoketError) fail(name, e.detail ?? e.message, 1);
    fail(name, `${err.name}: ${err.message} (set LOKET_LOG_LEVEL=debug for details)`, 1);
  }
};

await main();
