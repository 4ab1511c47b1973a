import type { Command } from 'commander';
import { migrationsApplied } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { audit } from '@mamoru/domain';
import { withDatabase } from './database.ts';
import { checkAnchorFile, readAnchorFile, registerAuditAnchor } from './audit-anchor.ts';

type Reason = NonNullable<audit.ChainVerification['broken']>['reason'];

/** What each kind of break means, for the person reading the report. */
const MEANING: Record<Reason, string> = {
  hash_mismatch: 'its content no longer matches its hash, so it was altered after it was written',
  link_mismatch: 'it does not link to the event before it, so events were replaced or reordered',
  gap: 'this event is missing, so events were deleted from the middle of the chain',
  head_mismatch: 'the chain ends before its recorded head, so events were deleted from its end',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Result {
  id: string;
  name: string;
  ok: boolean;
  events: number;
  broken: { seq: number; reason: Reason } | null;
}

function line(r: Result): string {
  const head = `${r.name} (${r.id}): `;
  if (r.ok) return `${head}ok (${r.events} events)`;
  const { seq, reason } = r.broken!;
  return `${head}BROKEN at event #${seq}: ${reason} (${MEANING[reason]})`;
}

export function registerAudit(program: Command) {
  const auditCommand = program.command('audit').description('the hash-chained audit trail');
  auditCommand
    .command('verify')
    .description(
      'recompute the audit hash chain of every organization (or one); exit 1 if any is broken',
    )
    .option('--organization <id>', 'verify only the organization with this id')
    .option('--json', 'print the result as JSON')
    .option(
      '--anchor <file>',
      'also prove that no event up to the anchors in this file (from `audit anchor`) was rewritten',
    )
    .option(
      '--public-key <file>',
      "the anchor signer's public key (PEM); default: the key of MAMORU_AUDIT_SIGNING_KEY",
    )
    .action(
      async (options: {
        organization?: string;
        json?: boolean;
        anchor?: string;
        publicKey?: string;
      }) => {
        const anchors = options.anchor ? readAnchorFile(options.anchor) : null;
        await withDatabase(async (database) => {
          const db = database.db;
          if (!(await migrationsApplied(db))) {
            throw new Error(
              `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
            );
          }
          let ids: string[];
          if (options.organization !== undefined) {
            if (!UUID.test(options.organization)) {
              throw new Error(`--organization must be an organization id (a UUID)`);
            }
            ids = [options.organization];
          } else {
            ids = await orgs.listOrganizationIds(db);
          }
          const organizations = [];
          for (const id of ids) {
            const org = await orgs.getOrganization(db, id);
            if (!org) throw new Error(`no organization with id ${id}`);
            organizations.push(org);
          }
          organizations.sort(
            (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
          );

          const results: Result[] = [];
          for (const org of organizations) {
            const v = await audit.verifyAuditChain(db, org.id);
            results.push({
              id: org.id,
              name: org.name,
              ok: v.ok,
              events: v.checked,
              broken: v.broken ?? null,
            });
          }
          const anchored = anchors
            ? await checkAnchorFile(db, anchors, options.publicKey)
            : { ok: true, lines: [] };
          const ok = results.every((r) => r.ok) && anchored.ok;
          if (options.json) {
            console.log(
              JSON.stringify(
                { ok, organizations: results, ...(anchors ? { anchors: anchored.lines } : {}) },
                null,
                2,
              ),
            );
          } else if (results.length === 0) {
            console.log(`${database.label}: no organizations yet, nothing to verify`);
          } else {
            for (const r of results) console.log(line(r));
          }
          if (!options.json) for (const l of anchored.lines) console.log(l);
          if (!anchored.ok) throw new Error('the audit trail does not match its anchor');
          if (!ok) {
            const broken = results.filter((r) => !r.ok).length;
            throw new Error(
              `the audit trail of ${broken} of ${results.length} organization(s) does not verify`,
            );
          }
        });
      },
    );
  registerAuditAnchor(auditCommand);
}
