import { sql } from 'drizzle-orm';

/**
 * Helpers for adding referenced names to a page of rows with one `union all`
 * query (each branch tagged by `kind`), instead of joining the lookups into
 * the page query.
 */

/** The distinct ids the rows refer to, as one `uuid[]` parameter. */
export function idList(values: (string | null)[]) {
  const ids = [...new Set(values.filter((v): v is string => !!v))];
  return sql`${sql.param(ids)}::uuid[]`;
}

/** Finds a looked-up row by its branch (`kind`) and id; nothing for a null id. */
export function finder<R extends { kind: string; id: string }>(rows: R[]) {
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  return (kind: R['kind'], id: string | null) => (id ? byKey.get(`${kind}:${id}`) : undefined);
}
