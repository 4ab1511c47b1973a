import type { Db, Tx } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive';
import * as auditRepo from '@mamoru/db/repositories/audit';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import {
  FORMAT,
  FORMAT_VERSION,
  MAMORU_VERSION,
  MANIFEST_PATH,
  databaseSchema,
  schemaProblem,
  type ArchiveManifest,
  type ArchiveProgress,
} from './manifest.ts';
import { planOf } from './plan.ts';
import { sourceParts } from './source.ts';
import { ArchiveWriter } from './zip.ts';

export interface ExportOptions {
  /** Default: every organization (a whole-instance backup). */
  organizationIds?: string[];
  now?: Date;
  onProgress?: (p: ArchiveProgress) => void;
}

/** The organizations of an archive, as its manifest names them (sorted by id). */
export async function manifestOrganizations(
  tx: Tx,
  ids: string[],
): Promise<ArchiveManifest['organizations']> {
  const organizations: ArchiveManifest['organizations'] = [];
  for (const id of [...ids].sort()) {
    const org = await orgsRepo.getOrganization(tx, id);
    if (!org) throw new Error(`no organization with id ${id}`);
    const head = await auditRepo.getAuditHead(tx, id);
    organizations.push({
      id,
      slug: id,
      name: org.name,
      auditHead: head ? { seq: head.lastSeq, hash: head.lastHash } : null,
    });
  }
  return organizations;
}

/**
 * Writes the organizations' data to one archive file, read in a single
 * REPEATABLE READ snapshot so a running server's writes never tear it.
 * Writes `${file}.partial`, then renames: never a half-written archive under the final name.
 */
export async function exportArchive(
  db: Db,
  file: string,
  options: ExportOptions = {},
): Promise<ArchiveManifest> {
  const writer = new ArchiveWriter(file);
  try {
    const manifest = await db.transaction(
      async (tx) => {
        await repo.fixJsonOutput(tx);
        const schema = await databaseSchema(tx);
        const problem = schemaProblem(schema);
        if (problem) throw new Error(`cannot export: ${problem.replace('archive', 'database')}`);
        const ids = options.organizationIds ?? (await orgsRepo.listOrganizationIds(tx));
        if (ids.length === 0) throw new Error('there is no organization to export');
        const organizations = await manifestOrganizations(tx, ids);
        const plan = planOf(await repo.describeTables(tx));
        const parts: ArchiveManifest['parts'] = [];
        for await (const part of sourceParts(tx, plan, ids)) {
          if (part.kind === 'file') {
            parts.push(await writer.addPart(part.path, part.data));
            options.onProgress?.({ part: part.path, rows: 0 });
            continue;
          }
          let rows = 0;
          const onProgress = options.onProgress;
          const written = await writer.addPart(
            part.path,
            (async function* () {
              // Rows go to the ZIP in pieces of about 64 KB, not one write per row.
              let pending = '';
              for await (const row of part.rows) {
                rows += 1;
                if (onProgress && rows % 1000 === 0) onProgress({ part: part.path, rows });
                pending += `${row}\n`;
                if (pending.length >= 65_536) {
                  yield pending;
                  pending = '';
                }
              }
              if (pending) yield pending;
            })(),
          );
          onProgress?.({ part: part.path, rows });
          parts.push({ ...written, rows });
        }
        const result: ArchiveManifest = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          mamoruVersion: MAMORU_VERSION,
          schema,
          exportedAt: (options.now ?? new Date()).toISOString(),
          organizations,
          parts,
        };
        return result;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.finish(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    return manifest;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
