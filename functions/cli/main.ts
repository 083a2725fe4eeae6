import { ConfigError } from '@loket/adapters';
import { LoketError, SERVICES } from '@loket/core';
import { issueStaffToken } from '../api/auth';
import type { Deps } from '../deps';
import { reconcileForms } from '../intake/reconcile';
import { runMorningDigests } from '../jobs/digest';
import { runMinutely } from '../jobs/run';
import { slaCommand } from './sla';
import { CliError, connect } from './target';

const HELP = `loket — operators' tool for the Loket service desk

Usage: npx loket <command> [options]

Commands:
  services                         list the nine services with their SLA
  sla --service <id> --received <ISO-8601> [--pause <fromISO>/<toISO> ...]
                                   compute a deadline (JSON, times in +07:00)
  token <staff id>                 issue a staff API token (12 hours)
  sweep                            run the minutely job once: deadline alerts, mail outbox,
                                   file-copy retries (JSON report)
  reconcile                        fetch Google Forms responses the webhook missed (JSON report)
  digest                           send today's officer digests (and the weekly report on the
                                   first working day of the week)
  help                             this text

Target: the local desk started by \`npm start\` (found via LOKET_DATA_DIR, default .data),
or AWS when LOKET_STAGE names a deployed stage (run inside \`npx sst shell --stage <stage>\`).
Exit codes: 0 ok, 1 failure, 2 wrong usage.`;

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  async services() {
    const rows = SERVICES.map((s) => `${String(s.number).padEnd(2)} ${s.id.padEnd(26)} ${s.sla.text.padEnd(19)} ${s.name}`);
    process.stdout.write(['#  id                         jangka waktu        layanan', ...rows].join('\n') + '\n');
  },
  sla: slaCommand,
  async token(argv) {
    const staffId = argv[0];
    if (!staffId) throw new CliError('usage: loket token <staff id>');
    const deps = connect();
    const member = await deps.staff.get(staffId);
    if (!member?.active) throw new CliError(`no active officer "${staffId}" in the staff directory`);
    process.stdout.write(issueStaffToken(deps.config.LOKET_AUTH_SECRET, staffId, Date.now()) + '\n');
    deps.db.destroy();
  },
  sweep: (argv) => runJob(argv, runMinutely),
  reconcile: (argv) => runJob(argv, reconcileForms),
  digest: (argv) => runJob(argv, runMorningDigests),
  async help() {
    process.stdout.write(HELP + '\n');
  },
};

/** Runs one scheduled job against the target and prints its report as JSON. */
const runJob = async (argv: string[], job: (deps: Deps) => Promise<unknown>) => {
  if (argv.length) throw new CliError(`unexpected arguments: ${argv.join(' ')}`);
  const deps = connect();
  try {
    process.stdout.write(JSON.stringify(await job(deps), null, 2) + '\n');
  } finally {
    deps.db.destroy();
    deps.s3.destroy();
  }
};

const [name = 'help', ...rest] = process.argv.slice(2);
const command = commands[name === '--help' || name === '-h' ? 'help' : name];
if (!command) {
  process.stderr.write(`loket: unknown command "${name}"\n\n${HELP}\n`);
  process.exit(2);
}
command(rest).catch((e: Error) => {
  const usage = e instanceof CliError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`loket ${name}: ${usage || e instanceof ConfigError || e instanceof LoketError ? e.message : e.stack}\n`);
  process.exit(usage ? 2 : 1);
});
