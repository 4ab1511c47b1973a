import type { Command } from 'commander';
import type { Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import type { DomainError } from '@mamoru/domain';
import { demo, migrateDatabase, systemActor, type RequestContext } from '@mamoru/domain';
import { withDatabase } from './database.ts';

/** By shape: the CLI and the domain may be loaded as separate module instances. */
function isDomainError(error: unknown): error is DomainError {
  return error instanceof Error && 'fieldErrors' in error && 'code' in error;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** --organization, else the only organization; the demo fills one that exists. */
async function organizationOf(db: Db, given: string | undefined) {
  if (given !== undefined) {
    if (!UUID.test(given)) throw new Error('--organization must be an organization id (a UUID)');
    const org = await orgs.getOrganization(db, given);
    if (!org) throw new Error(`no organization with id ${given}`);
    return org;
  }
  const ids = await orgs.listOrganizationIds(db);
  if (ids.length === 0) {
    throw new Error(
      'there is no organization yet: set Mamoru up first (`mamoru admin create`, or the first-run page of the web app), then run `mamoru demo`',
    );
  }
  if (ids.length > 1) {
    throw new Error(
      `the database has ${ids.length} organizations; choose one with --organization (one of: ${ids.join(', ')})`,
    );
  }
  return (await orgs.getOrganization(db, ids[0]!))!;
}

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description(
      'fill the organization with a sample Japanese company mid-way through its ISMS: units, locations, assets, risks with most treatments decided, treatment actions, issued policy and procedures, approvals waiting, an SoA draft, internal audits with their nonconformities, interested parties, and the approved management review of last year',
    )
    .option('--organization <id>', 'the organization to fill (default: the only one)')
    .option('--force', 'add another copy even though the demo already ran (codes end in -2, -3, …)')
    .option(
      '--complete',
      'then carry the sample company through to readiness for its certification audit (every requirement item met)',
    )
    .action(async (options: { organization?: string; force?: boolean; complete?: boolean }) => {
      await withDatabase(async (database) => {
        await migrateDatabase(database.db);
        const org = await organizationOf(database.db, options.organization);
        // The CLI acts as the system, named so in the audit trail.
        const ctx: RequestContext = {
          actor: { ...systemActor(org.id), displayName: 'mamoru demo (CLI)' },
          requestId: null,
        };
        const summary = await demo
          .createDemo(database.db, ctx, { force: !!options.force })
          .catch((error: unknown) => {
            if (!isDomainError(error)) throw error;
            // --complete carries an existing demo on instead of adding a copy.
            if (error.code === 'demo_exists' && options.complete) return null;
            if (error.code === 'demo_exists') {
              throw new Error(
                `the demo already ran in "${org.name}"; run \`mamoru demo --force\` to add another copy`,
              );
            }
            const fields = error.fieldErrors.map((f) => `${f.field}: ${f.code}`).join(', ');
            throw new Error(`cannot add the demo: ${error.code}${fields ? ` (${fields})` : ''}`);
          });
        if (summary)
          console.log(
            `${database.label}: sample company added to "${org.name}"${summary.run > 1 ? ` (copy ${summary.run})` : ''}:\n` +
              `  ${summary.units} organization units, ${summary.locations} locations, ${summary.people} people\n` +
              `  ${summary.assets} assets, ${summary.risks} risks (${summary.treated} with a treatment), ${summary.actions} treatment actions\n` +
              `  ${summary.documents} documents (${summary.issued} issued, the others awaiting approval), ${summary.recordTypes} record types, statement of applicability ${summary.soa === 'created' ? 'drafted' : 'already there'}\n` +
              `  ${summary.auditors} internal auditors, ${summary.audits} internal audits (one closed with its report, one planned)\n` +
              `  ${summary.reviews} management reviews (last year's approved with two decisions, the next one planned)\n` +
              `  ${summary.incidents} incidents over the last year (one personal-data breach with its notifications, one still open)\n` +
              `  ${summary.objectives} information security objectives with ${summary.measurements} measurements (one at risk)\n` +
              `  ${summary.controls} controls operated with their checks (one failure raised as a nonconformity, one check overdue)`,
          );
        if (options.complete) {
          await demo.completeDemo(database.db);
          console.log(
            '  completed: approvals given, gaps closed, ready for the certification audit',
          );
        }
      });
    });
}
