import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@mamoru/db';
import { from as copyFrom } from 'pg-copy-streams';
import { ASSET_CSV_HEADER } from './generate.ts';

/**
 * The database's own bulk load of the same file, as the floor the import is
 * compared with: COPY … FROM STDIN into a bare table (text columns, no key, no
 * index, no constraint), from the client as the import reads it.
 */
const TABLE = 'bench_copy_assets';

export async function resetCopyTable(database: Database) {
  const columns = ASSET_CSV_HEADER.map((_, i) => `c${i} text`).join(', ');
  await database.db.execute(sql.raw(`drop table if exists ${TABLE}`));
  await database.db.execute(sql.raw(`create table ${TABLE} (${columns})`));
}

interface PgPool {
  connect(): Promise<{ query: (stream: unknown) => NodeJS.WritableStream; release(): void }>;
}
interface PgliteClient {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

export async function copyFile(database: Database, path: string) {
  const copy = `copy ${TABLE} from stdin with (format csv, header true)`;
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') {
    const connection = await (client as PgPool).connect();
    try {
      await pipeline(createReadStream(path), connection.query(copyFrom(copy)));
    } finally {
      connection.release();
    }
    return;
  }
  // PGlite reads COPY input from a Blob it mounts at /dev/blob.
  const blob = new Blob([await readFile(path)]);
  await (client as PgliteClient).query(copy.replace('stdin', "'/dev/blob'"), [], { blob });
}

export async function copiedRows(database: Database): Promise<number> {
  const result = (await database.db.execute(
    sql.raw(`select count(*)::int as n from ${TABLE}`),
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

/**
 * What the database alone takes to write the imported rows into a copy of the
 * assets table with every one of its indexes (no foreign keys, no audit, no
 * parsing): the part of the import that indexes bound, whatever the code does;
 * with `withForeignKeys`, what the indexes and the foreign keys bound.
 */
const INDEXED = 'bench_indexed_assets';

export async function writeIndexedCopy(
  database: Database,
  organizationId: string,
  withForeignKeys = false,
) {
  await database.db.execute(sql.raw(`drop table if exists ${INDEXED}`));
  await database.db.execute(
    sql.raw(`create table ${INDEXED} (like assets including defaults including indexes)`),
  );
  // The constrained floor: also the foreign keys of assets, each checked per row
  // by PostgreSQL's triggers, which no import that keeps them can avoid.
  if (withForeignKeys) {
    const keys = await queryRows<{ name: string; def: string }>(
      database.db,
      sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'assets'::regclass and contype = 'f'`,
    );
    for (const k of keys)
      await database.db.execute(
        sql.raw(`alter table ${INDEXED} add constraint bench_${k.name} ${k.def}`),
      );
  }
  const began = performance.now();
  await database.db.execute(
    sql`insert into ${sql.raw(INDEXED)} select * from assets where organization_id = ${organizationId}`,
  );
  const took = (performance.now() - began) / 1000;
  await database.db.execute(sql.raw(`drop table ${INDEXED}`));
  return took;
}
