import type { Command } from 'commander';
import { migrationsApplied } from '@mamoru/db';
import { evidenceFiles } from '@mamoru/domain';
import { withDatabase } from './database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MEANING = {
  missing: 'chunks of its content are missing',
  altered: 'its bytes no longer match their SHA-256',
} as const;

export function registerEvidence(program: Command) {
  const evidence = program.command('evidence').description('the evidence file store');
  evidence
    .command('verify')
    .description(
      're-hash every stored file (of every organization, or one); exit 1 if any is missing or altered',
    )
    .option('--organization <id>', 'verify only the files of the organization with this id')
    .option('--json', 'print the result as JSON')
    .action(async (options: { organization?: string; json?: boolean }) => {
      if (options.organization !== undefined && !UUID.test(options.organization)) {
        throw new Error('--organization must be an organization id (a UUID)');
      }
      await withDatabase(async (database) => {
        if (!(await migrationsApplied(database.db))) {
          throw new Error(
            `${database.label}: the database is not (fully) migrated; run \`mamoru migrate\` first`,
          );
        }
        const result = await evidenceFiles.verifyStoredFiles(database.db, {
          ...(options.organization ? { organizationId: options.organization } : {}),
        });
        const ok = result.problems.length === 0;
        if (options.json) {
          console.log(JSON.stringify({ ok, ...result }, null, 2));
        } else {
          for (const p of result.problems) {
            const names = p.files.map((f) => `${f.originalName} (${f.id})`).join(', ');
            console.log(
              `${p.problem.toUpperCase()}: ${p.sha256} of organization ${p.organizationId}: ` +
                `${MEANING[p.problem]}; files: ${names || 'none'}`,
            );
          }
          console.log(
            `${database.label}: ${result.checked} stored file(s), ${result.bytes} bytes checked, ` +
              `${result.problems.length} problem(s)`,
          );
        }
        if (!ok) {
          throw new Error(
            `${result.problems.length} of ${result.checked} stored file(s) are missing or altered`,
          );
        }
      });
    });
}
