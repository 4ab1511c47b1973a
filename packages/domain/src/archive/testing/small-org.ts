// Test helper: a small organization that touches what the archive must carry
// (a cycle users ↔ org_units, self-references, evidence files, a reference to a
// shipped catalog library, an audit chain), and the script that makes the
// committed golden archive from it:
//   node --import tsx packages/domain/src/archive/testing/small-org.ts
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '@mamoru/db';
import * as archiveRepo from '@mamoru/db/repositories/archive';
import * as importRepo from '@mamoru/db/repositories/archive-import';
import { systemActor } from '../../identity/actor.ts';
import { setupOrganization } from '../../identity/setup.ts';
import { createLocation, createOrgUnit } from '../../scope/structure.ts';
import { registerFileOwner } from '../../files/owners.ts';
import { uploadFile } from '../../files/service.ts';
import { migrateDatabase } from '../../database.ts';
import { exportArchive } from '../export.ts';

export const GOLDEN_ARCHIVE = new URL('../fixtures/golden-small-org.zip', import.meta.url).pathname;

registerFileOwner('archive_test', {
  authorizeRead: async () => {},
  authorizeWrite: async () => {},
});

async function* once(bytes: Buffer) {
  yield bytes;
}

/** A small organization; returns its id. Deterministic content, random ids. */
export async function createSmallOrganization(db: Db, name = 'Archive Test Co.'): Promise<string> {
  const { organization, user } = await setupOrganization(
    db,
    {
      organizationName: name,
      displayName: 'Admin',
      email: `admin-${Math.random().toString(36).slice(2)}@archive.example`,
      password: 'Velvet-Harbor-Quantum-7319',
      locale: 'en',
    },
    null,
  );
  const ctx = { actor: systemActor(organization.id), requestId: null };
  const head = await createOrgUnit(db, ctx, {
    code: 'HQ',
    name: 'Head office',
    description: '',
    managerUserId: user.id,
  });
  await createOrgUnit(db, ctx, { code: 'IT', name: 'IT', description: '', parentId: head.id });
  const site = await createLocation(db, ctx, {
    code: 'TKY',
    name: 'Tokyo',
    kind: 'site',
    address: '',
    description: '',
  });
  await createLocation(db, ctx, {
    code: 'TKY-3F',
    name: 'Third floor',
    kind: 'room',
    address: '',
    description: '',
    parentId: site.id,
  });
  await db.execute(sql`update users set org_unit_id = ${head.id} where id = ${user.id}`);
  for (const [file, size] of [
    ['minutes.pdf', 1000],
    ['scan.pdf', 300 * 1024],
  ] as const) {
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, file.length)]);
    await uploadFile(db, ctx, {
      owner: { type: 'archive_test', id: head.id },
      originalName: file,
      content: once(content),
      maxBytes: 10 * 1024 * 1024,
    });
  }
  // An organization's own wording of a shipped library's control (a reference by natural key).
  await db.execute(sql`insert into catalog_overlays
      (organization_id, library_id, namespace, node_id, text, search_text)
    select ${organization.id}, id, 'control', 'A.5.1', '{"en":"Our policy"}', 'our policy'
    from catalog_libraries where organization_id is null and library_id = 'jipdec-isms-2.0'`);
  return organization.id;
}

/** Every table's row count (a failed import must leave all of them as they were). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await archiveRepo.describeTables(db)).map((t) => t.name);
  return importRepo.rowCounts(db, tables);
}

export async function organizationCount(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organizations`,
  );
  return rows[0]!.n;
}

if (
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/^.*\/packages\//, 'packages/'))
) {
  const database = await openDatabase({ dataDir: 'memory://', pgliteThread: 'inline' });
  await migrateDatabase(database.db);
  await createSmallOrganization(database.db);
  const manifest = await exportArchive(database.db, GOLDEN_ARCHIVE);
  process.stdout.write(`${GOLDEN_ARCHIVE}: ${manifest.parts.length} parts\n`);
  await database.close();
}
