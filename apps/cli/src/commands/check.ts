import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { migrationsApplied } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { conformity, conformityExport, systemActor } from '@mamoru/domain';
import type { ConformityReport } from '@mamoru/contracts';
import { withDatabase } from './database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function percent(value: string) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError('must be a whole percentage from 0 to 100');
  }
  return n;
}

function language(value: string) {
  if (value !== 'ja' && value !== 'en') throw new InvalidArgumentError('must be ja or en');
  return value;
}

/** Items met by an attestation rather than by their rule carry this mark after their status. */
const ATTESTED = { ja: '（証明）', en: ' (attested)' } as const;

function printText(report: ConformityReport, name: string, lang: 'ja' | 'en') {
  const { summary } = report;
  const status = conformityExport.STATUS_TEXT[lang];
  console.log(
    `${name}: readiness ${summary.readiness}% (${summary.counts.met} of ${summary.total} items met, ` +
      `${summary.metByAttestation} of them by attestation; ` +
      `${summary.counts.partly_met} partly met, ${summary.counts.not_met} not met, ` +
      `${summary.counts.not_evidenced} not yet evidenced)`,
  );
  for (const item of report.items) {
    const verdict = status[item.status] + (item.basis === 'attestation' ? ATTESTED[lang] : '');
    console.log(
      `${verdict.padEnd(18)} ${item.id.padEnd(10)} ${item.title[lang]}: ${item.explanation[lang]}`,
    );
  }
}

/** Picks the organization: the one given, else the only one there is. */
async function organizationOf(db: Parameters<typeof orgs.getOrganization>[0], id?: string) {
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

export function registerCheck(program: Command) {
  program
    .command('check')
    .description(
      'evaluate every requirement item of the criteria against the organization’s data ' +
        '(the readiness report); exit 1 when readiness is under --fail-under',
    )
    .option('--organization <id>', 'the organization to check (needed when there are several)')
    .option(
      '--json',
      'print the whole report as JSON (per item: status, and basis rule|attestation|null)',
    )
    .option('--fail-under <percent>', 'exit 1 when fewer than this share of items are met', percent)
    .option('--lang <ja|en>', 'language of the text output', language, 'en')
    .action(
      async (options: {
        organization?: string;
        json?: boolean;
        failUnder?: number;
        lang: 'ja' | 'en';
      }) => {
        await withDatabase(async (database) => {
          const db = database.db;
          if (!(await migrationsApplied(db))) {
            throw new Error(
              `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
            );
          }
          const org = await organizationOf(db, options.organization);
          const ctx = { actor: systemActor(org.id), requestId: null };
          const report = await conformity.getConformity(db, ctx);
          if (options.json) console.log(JSON.stringify(report, null, 2));
          else printText(report, org.name, options.lang);
          const readiness = report.summary.readiness;
          if (options.failUnder !== undefined && readiness < options.failUnder) {
            throw new Error(
              `readiness ${readiness}% is under the threshold of ${options.failUnder}%`,
            );
          }
        });
      },
    );
}
