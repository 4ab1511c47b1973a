import type { Db } from '@mamoru/db';
import * as archiveRepo from '@mamoru/db/repositories/archive';
import * as repo from '@mamoru/db/repositories/archive-import';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import { manifestOrganizations } from './export.ts';
import { buildSchema, databaseSchema, schemaProblem, type ArchiveProgress } from './manifest.ts';
import { archivePlan, planOf } from './plan.ts';
import { ArchiveError, ImportSink } from './sink.ts';
import { sourceParts } from './source.ts';
import { checkTarget, type ImportResult } from './import.ts';
import { upgradersFor } from './upgraders.ts';

/**
 * Every organization of `source` into `target` (migrated, holding no
 * organization), in one target transaction: the export and import pipeline
 * without a file in between, with the same checks before the commit.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  options: { onProgress?: (p: ArchiveProgress) => void } = {},
): Promise<ImportResult> {
  const count = await repo.countOrganizationsAll(target);
  if (count > 0) {
    throw new ArchiveError(
      `the target database already holds ${count} organization(s); copy only into an empty instance`,
    );
  }
  await checkTarget(target, []);
  const targetSchema = await databaseSchema(target);
  const current = buildSchema();
  if (targetSchema.migrations !== current.migrations || targetSchema.last !== current.last) {
    throw new ArchiveError(
      'the target database is not at this Mamoru schema; run `mamoru migrate` on it',
    );
  }
  const plan = await archivePlan(target);
  return source.transaction(
    async (stx) => {
      await archiveRepo.fixJsonOutput(stx);
      const schema = await databaseSchema(stx);
      const problem = schemaProblem(schema);
      if (problem)
        throw new ArchiveError(`cannot copy: ${problem.replace('archive', 'source database')}`);
      const ids = await orgsRepo.listOrganizationIds(stx);
      if (ids.length === 0) throw new ArchiveError('the source database holds no organization');
      const organizations = await manifestOrganizations(stx, ids);
      const sourcePlan = planOf(await archiveRepo.describeTables(stx));
      return target.transaction(async (ttx) => {
        const sink = new ImportSink(ttx, plan, ids, {
          onProgress: options.onProgress,
          upgraders: upgradersFor(schema.migrations),
        });
        await sink.begin();
        for await (const part of sourceParts(stx, sourcePlan, ids)) await sink.part(part);
        await sink.finish(new Map(organizations.map((o) => [o.id, o.auditHead])));
        return { organizations: ids.length, rows: sink.rows, files: sink.files };
      });
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
