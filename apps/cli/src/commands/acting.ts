import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { migrationsApplied, type Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as usersRepo from '@mamoru/db/repositories/users';
import { DomainError, sessions, systemActor, type RequestContext } from '@mamoru/domain';
import { withDatabase } from './database.ts';

/**
 * Who a register command acts as. By default the system, named after the
 * command in the audit trail (as `mamoru demo` and `mamoru catalog` do); with
 * `--as <email>` a person of the organization, whose roles then decide what
 * the command may do and who is recorded as measuring or reviewing.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ActingOptions {
  organization?: string;
  as?: string;
}

export const organizationOption = () =>
  new Option('--organization <id>', 'the organization (needed when there are several)');
export const asOption = () =>
  new Option(
    '--as <email>',
    'act as this person of the organization (default: the system, named after the command)',
  );

export function language(value: string) {
  if (value !== 'ja' && value !== 'en') throw new InvalidArgumentError('must be ja or en');
  return value;
}
export function fileFormat(value: string) {
  if (value !== 'xlsx' && value !== 'pdf') throw new InvalidArgumentError('must be xlsx or pdf');
  return value;
}
export function isoDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be YYYY-MM-DD');
  return value;
}
export const isUuid = (value: string) => UUID.test(value);

/** The organization given, else the only one there is. */
async function organizationOf(db: Db, id?: string) {
  if (id !== undefined) {
    if (!UUID.test(id)) throw new Error('--organization must be an organization id (a UUID)');
    const org = await orgs.getOrganization(db, id);
    if (!org) throw new Error(`no organization with id ${id}`);
    return org;
  }
  const ids = await orgs.listOrganizationIds(db);
  if (ids.length === 0) throw new Error('no organization yet: run `mamoru admin create` first');
  if (ids.length > 1) throw new Error('several organizations: name one with --organization <id>');
  return (await orgs.getOrganization(db, ids[0]!))!;
}

async function contextFor(
  db: Db,
  organizationId: string,
  command: string,
  email?: string,
): Promise<RequestContext> {
  if (email === undefined) {
    return {
      actor: { ...systemActor(organizationId), displayName: `mamoru ${command} (CLI)` },
      requestId: null,
    };
  }
  const user = await usersRepo.findUserByEmail(db, email.trim());
  if (!user || user.organizationId !== organizationId) {
    throw new Error(`--as: no user ${email} in the organization`);
  }
  if (!sessions.userMayAct(user))
    throw new Error(`--as: ${email} may not act (inactive or expired)`);
  return { actor: sessions.actorForUser(user), requestId: null };
}

/** A refusal of the domain as a line a shell user can act on; other errors pass through. */
export function explain(error: unknown, what: string): never {
  if (!(error instanceof DomainError)) throw error;
  const fields = error.fieldErrors.map((f) => `${f.field}: ${f.code}`).join('; ');
  const params = Object.entries(error.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  throw new Error(
    `${what}: ${error.code}${params ? ` (${params})` : ''}${fields ? ` — ${fields}` : ''}`,
  );
}

/** Opens the database, checks it is migrated, and runs work as the acting actor. */
export async function acting<T>(
  options: ActingOptions,
  command: string,
  work: (db: Db, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  return withDatabase(async (database) => {
    if (!(await migrationsApplied(database.db))) {
      throw new Error(
        `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
      );
    }
    const org = await organizationOf(database.db, options.organization);
    const ctx = await contextFor(database.db, org.id, command, options.as);
    return work(database.db, ctx).catch((error: unknown) => explain(error, `mamoru ${command}`));
  });
}

/** Rows as aligned columns for the terminal. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `<area> export`: the register as XLSX or PDF in the chosen language, written
 * to a file; `build` makes the bytes for the format asked.
 */
export function exportCommand(
  command: Command,
  description: string,
  build: (
    db: Db,
    ctx: RequestContext,
    format: 'xlsx' | 'pdf',
    lang: 'ja' | 'en',
  ) => Promise<Uint8Array>,
) {
  command
    .command('export')
    .description(description)
    .requiredOption('--output <file>', 'the file to write')
    .addOption(organizationOption())
    .addOption(asOption())
    .option('--format <xlsx|pdf>', 'file format', fileFormat, 'xlsx')
    .option('--lang <ja|en>', 'language of the labels', language, 'ja')
    .action(
      async (o: ActingOptions & { output: string; format: 'xlsx' | 'pdf'; lang: 'ja' | 'en' }) => {
        const bytes = await acting(o, `${command.name()} export`, (db, ctx) =>
          build(db, ctx, o.format, o.lang),
        );
        await writeFile(o.output, bytes);
        console.log(`wrote ${o.output} (${bytes.length} bytes)`);
      },
    );
}
