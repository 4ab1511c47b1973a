// The writing half of the organization archive's SQL (see archive.ts): rows in
// through json_populate_recordset, so PostgreSQL itself turns the JSON text of
// row_to_json back into every column type, on PostgreSQL and PGlite alike.
// Work tables are temporary and dropped at commit.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '../client.ts';

const MAP_TABLE = sql.identifier('archive_reference_map');

/** Organizations of these ids that the database already holds. */
export async function existingOrganizations(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from organizations where id::text = any(${sql.param(ids)}::text[])`,
  );
  return rows.map((r) => r.id);
}

export async function countOrganizationsAll(db: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organizations`,
  );
  return rows[0]?.n ?? 0;
}

/** Row counts of the given tables (tests: a failed import leaves every count as it was). */
export async function rowCounts(db: Executor, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** Prepares the import's work tables (gone at commit or rollback). */
export async function prepareImport(tx: Tx) {
  await tx.execute(sql`set local statement_timeout = 0`);
  await tx.execute(
    sql`create temp table ${MAP_TABLE} (ref_table text, source text, target text,
        primary key (ref_table, source)) on commit drop`,
  );
}

/**
 * Maps the source's ids of shipped rows (rows of `table` with organization_id
 * null) to this database's rows with the same natural key; returns the
 * source ids that have no counterpart here.
 */
export async function mapShippedRows(
  tx: Tx,
  table: string,
  key: string[],
  json: string,
): Promise<string[]> {
  const t = sql.identifier(table);
  const match = sql.join(
    key.map((k) => sql`t.${sql.identifier(k)} = s.${sql.identifier(k)}`),
    sql` and `,
  );
  await tx.execute(sql`insert into ${MAP_TABLE} (ref_table, source, target)
    select ${table}, s.id::text, t.id::text
    from json_populate_recordset(null::${t}, ${json}::json) s
    join ${t} t on t.organization_id is null and ${match}`);
  const missing = await queryRows<{ id: string }>(
    tx,
    sql`select s.id::text as id from json_populate_recordset(null::${t}, ${json}::json) s
        where not exists (select 1 from ${MAP_TABLE} m where m.ref_table = ${table}
                          and m.source = s.id::text)`,
  );
  return missing.map((r) => r.id);
}

export interface InsertPlan {
  table: string;
  /** The columns to write (the others take their default), with their types. */
  columns: { name: string; type: string }[];
  /** Written as NULL now and set by applyDeferred once every row is in. */
  deferred: string[];
  /** Columns referencing shipped rows: the source id is mapped to this database's. */
  mapped: { column: string; refTable: string }[];
}

function selectList(plan: InsertPlan): SQL {
  return sql.join(
    plan.columns.map(({ name, type }) => {
      const r = sql`r.${sql.identifier(name)}`;
      if (plan.deferred.includes(name)) return sql`null`;
      const mapped = plan.mapped.find((m) => m.column === name);
      if (!mapped) return r;
      return sql`coalesce((select m.target from ${MAP_TABLE} m
        where m.ref_table = ${mapped.refTable} and m.source = ${r}::text)::${sql.raw(type)}, ${r})`;
    }),
    sql`, `,
  );
}

/** Inserts a batch of rows given as a JSON array of objects (row_to_json's form). */
export async function insertRows(tx: Tx, plan: InsertPlan, json: string) {
  const t = sql.identifier(plan.table);
  const names = sql.join(
    plan.columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  await tx.execute(sql`insert into ${t} (${names})
    select ${selectList(plan)} from json_populate_recordset(null::${t}, ${json}::json) r`);
  if (plan.deferred.length > 0) {
    const stash = sql.identifier(`archive_deferred_${plan.table}`);
    const keep = sql.join(
      plan.deferred.map((c) => sql`r.${sql.identifier(c)} is not null`),
      sql` or `,
    );
    await tx.execute(sql`insert into ${stash} select r.* from json_populate_recordset(null::${t}, ${json}::json) r
      where ${keep}`);
  }
}

/** Creates the stash of a table's deferred (back-reference) values. */
export async function createDeferredStash(tx: Tx, table: string) {
  await tx.execute(
    sql`create temp table ${sql.identifier(`archive_deferred_${table}`)} on commit drop
        as select * from ${sql.identifier(table)} with no data`,
  );
}

/** Sets the deferred columns from the stash, in one statement for the table. */
export async function applyDeferred(
  tx: Tx,
  table: string,
  primaryKey: string[],
  deferred: string[],
) {
  const stash = sql.identifier(`archive_deferred_${table}`);
  const set = sql.join(
    deferred.map((c) => sql`${sql.identifier(c)} = d.${sql.identifier(c)}`),
    sql`, `,
  );
  const match = sql.join(
    primaryKey.map((c) => sql`t.${sql.identifier(c)} = d.${sql.identifier(c)}`),
    sql` and `,
  );
  await tx.execute(
    sql`update ${sql.identifier(table)} t set ${set} from ${stash} d where ${match}`,
  );
}

/** Moves a sequence owned by a column past the column's largest value. */
export async function setSequenceToMax(tx: Tx, table: string, column: string, sequence: string) {
  const c = sql.identifier(column);
  const t = sql.identifier(table);
  await tx.execute(sql`select setval(${sequence}::regclass,
    coalesce((select max(${c}) from ${t}), 1), (select max(${c}) from ${t}) is not null)`);
}

/** The finished blobs of the organizations with this SHA-256 (evidence bytes go to each). */
export async function blobsWithSha(tx: Tx, organizationIds: string[], sha256: string) {
  return queryRows<{ id: string; chunk_count: number; size: number }>(
    tx,
    sql`select id::text as id, chunk_count, size::float8 as size from file_blobs
        where sha256 = ${sha256} and organization_id::text = any(${sql.param(organizationIds)}::text[])
        order by id`,
  );
}

/** Every finished blob of the organizations, by SHA-256 (export: one files/ part each). */
export async function blobsOf(db: Executor, organizationIds: string[]) {
  return queryRows<{ id: string; sha256: string; chunk_count: number; size: number }>(
    db,
    sql`select distinct on (sha256) id::text as id, sha256, chunk_count, size::float8 as size
        from file_blobs
        where sha256 is not null and organization_id::text = any(${sql.param(organizationIds)}::text[])
        order by sha256, id`,
  );
}

export async function insertChunks(tx: Tx, blobId: string, first: number, chunks: Buffer[]) {
  if (chunks.length === 0) return;
  const values = sql.join(
    chunks.map((data, i) => sql`(${blobId}::uuid, ${first + i}, ${data})`),
    sql`, `,
  );
  await tx.execute(sql`insert into file_chunks (blob_id, seq, data) values ${values}`);
}

export async function setChunkCount(tx: Tx, blobId: string, chunkCount: number) {
  await tx.execute(
    sql`update file_blobs set chunk_count = ${chunkCount} where id = ${blobId}::uuid`,
  );
}
