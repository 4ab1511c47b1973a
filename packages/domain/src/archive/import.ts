import { migrationsApplied, type Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive-import';
import { schemaProblem, type ArchiveManifest, type ArchiveProgress } from './manifest.ts';
import { archivePlan } from './plan.ts';
import { ArchiveError, ImportSink } from './sink.ts';
import { partOf, type Part } from './source.ts';
import { upgradersFor } from './upgraders.ts';
import { verifyArchive } from './verify.ts';
import { ArchiveReader, PartHash, hashedChunks, lines } from './zip.ts';

export interface ImportResult {
  organizations: number;
  rows: number;
  files: number;
}

/** Refuses a target that is not migrated or already holds one of the organizations. */
export async function checkTarget(db: Db, ids: string[]) {
  if (!(await migrationsApplied(db))) {
    throw new ArchiveError('the database is not (fully) migrated; run `mamoru migrate` first');
  }
  const existing = await repo.existingOrganizations(db, ids);
  if (existing.length > 0) {
    throw new ArchiveError(
      `the database already holds organization ${existing.join(', ')}; an archive is imported only into an instance without its organizations`,
    );
  }
}

/**
 * All-or-nothing into an instance holding none of the archive's organizations
 * (refuses otherwise): one transaction, which checks each organization's audit
 * chain and every evidence hash before it commits.
 */
export async function importArchive(
  db: Db,
  file: string,
  options: { onProgress?: (p: ArchiveProgress) => void } = {},
): Promise<ImportResult> {
  const check = await verifyArchive(file);
  if (!check.ok || !check.manifest) {
    throw new ArchiveError(`${file} does not verify`, check.problems);
  }
  const manifest = check.manifest;
  const problem = schemaProblem(manifest.schema);
  if (problem) throw new ArchiveError(`cannot import ${file}: ${problem}`);
  const ids = manifest.organizations.map((o) => o.id);
  await checkTarget(db, ids);
  const plan = await archivePlan(db);
  const reader = await ArchiveReader.open(file);
  try {
    return await db.transaction(async (tx) => {
      const sink = new ImportSink(tx, plan, ids, {
        onProgress: options.onProgress,
        upgraders: upgradersFor(manifest.schema.migrations),
      });
      await sink.begin();
      for (const part of manifest.parts) await sink.part(await readPart(reader, part));
      await sink.finish(new Map(manifest.organizations.map((o) => [o.id, o.auditHead])));
      return { organizations: ids.length, rows: sink.rows, files: sink.files };
    });
  } finally {
    reader.close();
  }
}

/** A part read from the ZIP, refusing (at its end) bytes that differ from the manifest's hash. */
async function readPart(
  reader: ArchiveReader,
  part: ArchiveManifest['parts'][number],
): Promise<Part> {
  const kind = partOf(part.path);
  if (!kind) throw new ArchiveError(`${part.path}: not a part of the archive format`);
  const hash = new PartHash();
  const stream = await reader.stream(part.path);
  const checked = async function* <T>(items: AsyncIterable<T>) {
    yield* items;
    if (hash.digest() !== part.sha256 || hash.bytes !== part.bytes) {
      throw new ArchiveError(`${part.path}: changed since it was verified`);
    }
  };
  if (kind.kind === 'file') {
    return {
      kind: 'file',
      path: part.path,
      sha256: kind.sha256,
      data: checked(hashedChunks(stream, hash)),
    };
  }
  return {
    kind: kind.kind,
    path: part.path,
    table: kind.table,
    rows: checked(lines(stream, hash)),
  };
}
