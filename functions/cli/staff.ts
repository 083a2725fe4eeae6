import { parseArgs } from 'node:util';
import { maskEmail, parseMailAddress, savedStaffMember, STAFF_ID, staffRoles, type StaffMember } from '@loket/core';
import { CliError } from './target';
import { connect } from './target-connect';

const withDeps = async <T>(fn: (deps: Awaited<ReturnType<typeof connect>>) => Promise<T>) => {
  const deps = await connect();
  try {
    return await fn(deps);
  } finally {
    deps.db.destroy();
  }
};

/**
 * `loket staff add|list|disable`: the staff directory from the command line, on the local desk or an
 * AWS stage (inside `sst shell`). This is how a fresh deployment gets its first administrator.
 */
export const staffCommand = async (argv: string[]) => {
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    if (rest.length) throw new CliError(`unexpected arguments: ${rest.join(' ')}`);
    const staff = await withDeps((d) => d.staff.list());
    const rows = staff.map((s) => ({
      id: s.id,
      name: s.name,
      email: maskEmail(s.email),
      roles: s.roles,
      superiorId: s.superiorId ?? null,
      active: s.active,
    }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  if (sub === 'disable') {
    const [id, ...extra] = rest;
    if (!id || extra.length) throw new CliError('usage: loket staff disable <id>');
    await withDeps(async (d) => {
      const member = await d.staff.get(id);
      if (!member) throw new CliError(`no officer "${id}" in the staff directory`, 1);
      await d.staff.put(savedStaffMember({ ...member, active: false }, member, d.time.now()));
    });
    process.stdout.write(JSON.stringify({ id, active: false }) + '\n');
    return;
  }
  if (sub === 'add') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string', multiple: true },
        superior: { type: 'string' },
      },
    });
    const [id, ...extra] = positionals;
    if (!id || extra.length)
      throw new CliError('usage: loket staff add <id> --name <name> --email <email> --role <role> ...');
    if (!STAFF_ID.test(id)) throw new CliError(`the id must be 2–40 lowercase letters, digits or "-" (got "${id}")`);
    if (!values.name?.trim()) throw new CliError('--name is required');
    const email = values.email && parseMailAddress(values.email);
    if (!email) throw new CliError('--email must be exactly one email address');
    const roles = values.role ?? [];
    const unknown = roles.filter((r) => !staffRoles().includes(r));
    if (!roles.length || unknown.length)
      throw new CliError(
        `--role must name one or more of: ${staffRoles().join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
      );
    const member: StaffMember = {
      id,
      name: values.name.trim(),
      email,
      roles,
      superiorId: values.superior,
      active: true,
    };
    const created = await withDeps(async (d) => {
      if (values.superior && !(await d.staff.get(values.superior)))
        throw new CliError(`no officer "${values.superior}" to report to`, 1);
      const existed = await d.staff.get(id);
      await d.staff.put(savedStaffMember(member, existed, d.time.now()));
      return !existed;
    });
    process.stdout.write(JSON.stringify({ id, roles, active: true, created }) + '\n');
    return;
  }
  throw new CliError(
    'usage: loket staff add <id> --name <name> --email <email> --role <role> ... | staff list | staff disable <id>',
  );
};
