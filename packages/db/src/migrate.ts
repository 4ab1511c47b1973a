import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every Mamoru process.
const MIGRATION_LOCK = 727_001;

export interface MigrationResult {
  applied: number;
  total: number;
}

export interface MigrateOptions {
  /**
   * A data step that must follow the schema, e.g. loading the catalogs shipped
   * with Mamoru (which live in @mamoru/domain, above this package). It runs on
   * every call, after the migrations, in the same transaction and under the
   * same advisory lock, so it must be idempotent and never races another
   * instance's.
   */
  afterMigrate?: (tx: Tx) => Promise<void>;
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two
 * server instances starting together never race (drizzle's own migrator creates
 * its schema outside any lock).
 */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder });
  let applied = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`);
    const done = await queryRows<{ hash: string }>(
      tx,
      sql`select hash from drizzle.__drizzle_migrations`,
    );
    const doneHashes = new Set(done.map((r) => r.hash));
    for (const m of migrations) {
      if (doneHashes.has(m.hash)) continue;
      for (const statement of m.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
      );
      applied += 1;
    }
    await options.afterMigrate?.(tx);
  });
  return { applied, total: migrations.length };
}

/** True when every migration shipped with this build is recorded in the database. */
// The files ship with the build, so read and hash them once, not on every /readyz probe.
let shippedHashes: string[] | undefined;

export async function migrationsApplied(db: Db): Promise<boolean> {
  shippedHashes ??= readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  const expected = shippedHashes;
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists[0]?.t) return false;
  const done = await queryRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations`,
  );
  const have = new Set(done.map((r) => r.hash));
  return expected.every((h) => have.has(h));
}
