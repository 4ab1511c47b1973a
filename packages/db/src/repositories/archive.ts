// The SQL of the organization archive (packages/domain/src/archive): the schema
// as the database catalogs describe it, rows out as JSON text through a cursor,
// rows in through json_populate_recordset. Tables and columns come from the
// catalogs at run time, never from a hand-written list, so a new table is
// exported without touching this file. Identifiers are quoted by drizzle;
// organization ids are validated UUIDs before they are written into SQL.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '../client.ts';

export interface ArchiveColumn {
  name: string;
  /** format_type(): e.g. `uuid`, `text[]`, `timestamp with time zone`. */
  type: string;
  nullable: boolean;
}

export interface ArchiveForeignKey {
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface ArchiveTable {
  name: string;
  /** Stored columns in column order; generated columns are left out. */
  columns: ArchiveColumn[];
  primaryKey: string[];
  foreignKeys: ArchiveForeignKey[];
  /** Sequences owned by a column (serial / identity), to be set to the column's max. */
  sequences: { column: string; sequence: string }[];
  /** A user trigger fires on UPDATE (append-only and frozen tables): never update it. */
  updateTrigger: boolean;
}

/** Every ordinary table of the public schema, with what the archive needs to know of it. */
export async function describeTables(db: Executor): Promise<ArchiveTable[]> {
  const tables = await queryRows<{ name: string; update_trigger: boolean }>(
    db,
    sql`select c.relname as name,
          exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal
                  and (t.tgtype & 16) <> 0) as update_trigger
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  const columns = await queryRows<{
    table: string;
    name: string;
    type: string;
    nullable: boolean;
  }>(
    db,
    sql`select c.relname as table, a.attname as name,
          format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0
          and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const constraints = await queryRows<{
    table: string;
    kind: 'p' | 'f';
    columns: string[];
    ref_table: string | null;
    ref_columns: string[] | null;
  }>(
    db,
    sql`select c.relname as table, k.contype as kind,
          array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
          f.relname as ref_table,
          case when k.contype = 'f' then
            array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
                  join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)
          end as ref_columns
        from pg_constraint k join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class f on f.oid = k.confrelid
        where n.nspname = 'public' and k.contype in ('p', 'f')
        order by c.relname, k.conname`,
  );
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    db,
    sql`select c.relname as table, a.attname as column, s.relname as sequence
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class c on c.oid = d.refobjid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.deptype in ('a', 'i') and n.nspname = 'public'
        order by c.relname, a.attname`,
  );
  return tables.map((t) => ({
    name: t.name,
    updateTrigger: t.update_trigger,
    columns: columns
      .filter((c) => c.table === t.name)
      .map(({ name, type, nullable }) => ({ name, type, nullable })),
    primaryKey: constraints.find((k) => k.table === t.name && k.kind === 'p')?.columns ?? [],
    foreignKeys: constraints
      .filter((k) => k.table === t.name && k.kind === 'f')
      .map((k) => ({ columns: k.columns, refTable: k.ref_table!, refColumns: k.ref_columns! })),
    sequences: sequences
      .filter((s) => s.table === t.name)
      .map(({ column, sequence }) => ({ column, sequence })),
  }));
}

/** The migrations recorded in the database (drizzle's table), oldest first, by their timestamp. */
export async function appliedMigrationTimes(db: Executor): Promise<number[]> {
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists[0]?.t) return [];
  const rows = await queryRows<{ created_at: string | number }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return rows.map((r) => Number(r.created_at));
}

/**
 * Which rows of a table belong to the archive, as a predicate over the alias `t`.
 * `organizations`: their ids; a table with organization_id: that column; a table
 * without one: rows whose parent (through a foreign key) belongs.
 */
export type RowScope =
  | { kind: 'id' }
  /** notNull: columns a row must have set to be archived (e.g. a finished upload's sha256). */
  | { kind: 'organization'; notNull?: string[] | undefined }
  | {
      kind: 'parent';
      columns: string[];
      parentTable: string;
      parentColumns: string[];
      parent: RowScope;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidArray(ids: string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not an organization id: ${id}`);
  return sql.raw(`'{${ids.join(',')}}'::uuid[]`);
}

function scopePredicate(scope: RowScope, alias: string, ids: SQL, depth = 0): SQL {
  const a = sql.identifier(alias);
  if (scope.kind === 'id' || scope.kind === 'organization') {
    const column = sql.identifier(scope.kind === 'id' ? 'id' : 'organization_id');
    const base = sql`${a}.${column} = any(${ids})`;
    const notNull = scope.kind === 'organization' ? (scope.notNull ?? []) : [];
    if (notNull.length === 0) return base;
    const checks = notNull.map((c) => sql`${a}.${sql.identifier(c)} is not null`);
    return sql`${base} and ${sql.join(checks, sql` and `)}`;
  }
  const p = `p${depth}`;
  const joins = scope.columns.map(
    (c, i) =>
      sql`${sql.identifier(p)}.${sql.identifier(scope.parentColumns[i]!)} = ${a}.${sql.identifier(c)}`,
  );
  return sql`exists (select 1 from ${sql.identifier(scope.parentTable)} ${sql.identifier(p)}
    where ${sql.join(joins, sql` and `)} and ${scopePredicate(scope.parent, p, ids, depth + 1)})`;
}

/** Settings that make row_to_json write the same text on every server and session. */
export async function fixJsonOutput(tx: Tx) {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
  await tx.execute(sql`set local statement_timeout = 0`);
}

/**
 * The archive's id of a shipped row: derived from its natural key, so it is the
 * same on every instance (each loads the shipped rows under ids of its own).
 */
function archiveIdOf(table: string, alias: string, key: string[]): SQL {
  const parts = key.map((k) => sql`${sql.identifier(alias)}.${sql.identifier(k)}::text`);
  return sql`md5(${table} || ':' || concat_ws(':', ${sql.join(parts, sql`, `)}))::uuid`;
}

/** A column referencing a shipped table: written with the referenced row's archive id. */
export interface ShippedReference {
  column: string;
  refTable: string;
  key: string[];
}

/**
 * Opens a cursor over the table's archived rows as JSON text (one object per
 * row, the given columns), in primary-key order so that two exports of the
 * same data are the same bytes. Read it with fetchRows, then closeCursor.
 */
export async function openRowCursor(
  tx: Tx,
  cursor: string,
  table: { name: string; columns: string[]; orderBy: string[]; shipped: ShippedReference[] },
  scope: RowScope,
  organizationIds: string[],
) {
  const ids = uuidArray(organizationIds);
  const cols = sql.join(
    table.columns.map((c) => {
      const column = sql`t.${sql.identifier(c)}`;
      const ref = table.shipped.find((m) => m.column === c);
      if (!ref) return column;
      return sql`coalesce((select ${archiveIdOf(ref.refTable, 's', ref.key)}
        from ${sql.identifier(ref.refTable)} s where s.id = ${column} and s.organization_id is null),
        ${column}) as ${sql.identifier(c)}`;
    }),
    sql`, `,
  );
  const order = table.orderBy.length
    ? sql.join(
        table.orderBy.map((c) => sql`x.${sql.identifier(c)}`),
        sql`, `,
      )
    : sql`row_to_json(x)::text`;
  await tx.execute(sql`declare ${sql.identifier(cursor)} no scroll cursor for
    select row_to_json(x)::text as j
    from (select ${cols} from ${sql.identifier(table.name)} t
          where ${scopePredicate(scope, 't', ids)}) x
    order by ${order}`);
}

export async function fetchRows(tx: Tx, cursor: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ j: string }>(
    tx,
    sql`fetch forward ${sql.raw(String(Math.trunc(count)))} from ${sql.identifier(cursor)}`,
  );
  return rows.map((r) => r.j);
}

export async function closeCursor(tx: Tx, cursor: string) {
  await tx.execute(sql`close ${sql.identifier(cursor)}`);
}

/**
 * The shipped rows (organization_id null) of a table by their archive id and
 * natural key, e.g. the shipped catalog libraries by their library ID: a
 * reference to one is carried by this key and mapped to the target's own row.
 */
export async function shippedKeys(db: Executor, table: string, key: string[]): Promise<string[]> {
  const cols = sql.join(
    key.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );
  const rows = await queryRows<{ j: string }>(
    db,
    sql`select row_to_json(x)::text as j from (select ${archiveIdOf(table, 't', key)} as id, ${cols}
        from ${sql.identifier(table)} t where t.organization_id is null) x order by x.id`,
  );
  return rows.map((r) => r.j);
}
