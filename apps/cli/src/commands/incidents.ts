import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { migrationsApplied, type Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { incidents, systemActor } from '@mamoru/domain';
import type { IncidentStatistics } from '@mamoru/contracts';
import { withDatabase } from './database.ts';

/**
 * `mamoru incidents stats` and `mamoru incidents export`: the statistics and
 * the incident register from the command line (e.g. a monthly report job).
 * They run as the system, which sees every incident, confidential ones too:
 * whoever runs them holds the database itself. `--no-confidential` leaves
 * confidential incidents out of an export meant for others.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function month(value: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('must be YYYY-MM');
  return value;
}
function language(value: string) {
  if (value !== 'ja' && value !== 'en') throw new InvalidArgumentError('must be ja or en');
  return value;
}
function format(value: string) {
  if (value !== 'xlsx' && value !== 'pdf') throw new InvalidArgumentError('must be xlsx or pdf');
  return value;
}

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

async function withOrganization<T>(
  organization: string | undefined,
  work: (db: Db, ctx: { actor: ReturnType<typeof systemActor>; requestId: null }) => Promise<T>,
) {
  return withDatabase(async (database) => {
    if (!(await migrationsApplied(database.db))) {
      throw new Error(
        `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
      );
    }
    const org = await organizationOf(database.db, organization);
    return work(database.db, { actor: systemActor(org.id), requestId: null });
  });
}

const hours = (h: number | null) => (h === null ? '—' : `${h} h`);

export function printStatistics(s: IncidentStatistics) {
  const t = s.totals;
  console.log(`incidents ${s.from} … ${s.to}: ${t.reported} discovered, ${t.closed} closed`);
  for (const m of s.months) {
    const types = Object.entries(m.byType)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    console.log(`${m.month}  ${String(m.total).padStart(4)}  ${types}`);
  }
  for (const u of s.byUnit) console.log(`unit ${u.unit?.name.en ?? '(none)'}: ${u.total}`);
  console.log(
    `open now ${t.open}, overdue notification clocks ${t.overdueClocks}, personal data ${t.personalData}`,
  );
  console.log(
    `costs (JPY): response ${t.costResponse}, recovery ${t.costRecovery}, loss ${t.costLoss}`,
  );
  console.log(
    `median to triage ${hours(t.medianHoursToTriage)} (${t.triagedWithinTarget} of ${t.triaged} ` +
      `within the target), median to recovery ${hours(t.medianHoursToRecover)}`,
  );
}

export function registerIncidents(program: Command) {
  const command = program.command('incidents').description('incident statistics and register');
  command
    .command('stats')
    .description('incidents per month, type and unit, with costs and median times')
    .option('--organization <id>', 'the organization (needed when there are several)')
    .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)', month)
    .option('--to <YYYY-MM>', 'last month (default: the current month)', month)
    .option('--json', 'print the statistics as JSON')
    .action(async (o: { organization?: string; from?: string; to?: string; json?: boolean }) => {
      const stats = await withOrganization(o.organization, (db, ctx) =>
        incidents.incidentStatistics(db, ctx, { from: o.from, to: o.to }),
      );
      if (o.json) console.log(JSON.stringify(stats, null, 2));
      else printStatistics(stats);
    });
  command
    .command('export')
    .description('write the incident register as XLSX or PDF')
    .requiredOption('--output <file>', 'the file to write')
    .option('--organization <id>', 'the organization (needed when there are several)')
    .option('--format <xlsx|pdf>', 'file format', format, 'xlsx')
    .option('--lang <ja|en>', 'language of the labels', language, 'ja')
    .option('--no-confidential', 'leave confidential incidents out')
    .action(
      async (o: {
        output: string;
        organization?: string;
        format: 'xlsx' | 'pdf';
        lang: 'ja' | 'en';
        confidential: boolean;
      }) => {
        const filter = o.confidential ? {} : { confidential: false };
        const bytes = await withOrganization(o.organization, (db, ctx) =>
          o.format === 'pdf'
            ? incidents.exports.registerPdf(db, ctx, filter, o.lang)
            : incidents.exports.registerXlsx(db, ctx, filter, o.lang),
        );
        await writeFile(o.output, bytes);
        console.log(`wrote ${o.output} (${bytes.length} bytes)`);
      },
    );
}
