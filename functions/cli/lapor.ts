import type { Deps } from '../deps';
import { CliError, noArguments } from './target';

/**
 * `loket lapor register <complaintId>`: one pengaduan case per complaint (a repeat prints the same
 * case with "created": false). `loket lapor sync`: the 15-minute sync once, as a JSON report.
 */
export const laporCommand = async (argv: string[], connect: () => Promise<Deps>) => {
  const [sub, ...rest] = argv;
  if (sub === 'register') {
    const [complaintId, ...extra] = rest;
    if (!complaintId || complaintId.startsWith('-'))
      throw new CliError('a complaint id is required: loket lapor register <complaintId>');
    noArguments(extra);
    const { registerFromLapor, requireComplaintId } = await import('../lapor/register');
    try {
      requireComplaintId(complaintId);
    } catch {
      throw new CliError(`"${complaintId}" is not a LAPOR! complaint id (letters, digits, dashes)`);
    }
    const deps = await connect();
    try {
      if (!deps.lapor)
        throw new CliError(
          'the LAPOR! API is not configured (LAPOR_API_BASE_URL, LAPOR_API_AUTH, LAPOR_API_TOKEN); register it by hand in the console',
          1,
        );
      process.stdout.write(JSON.stringify(await registerFromLapor(deps, complaintId, 'cli'), null, 2) + '\n');
    } finally {
      deps.db.destroy();
      deps.files.destroy();
    }
    return;
  }
  throw new CliError(
    sub ? `unknown lapor command "${sub}": register <complaintId> | sync` : 'lapor register <complaintId> | lapor sync',
  );
};
