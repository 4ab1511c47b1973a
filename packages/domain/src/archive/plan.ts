// Which tables an archive holds, in which order, and how: worked out from the
// database catalogs (repositories/archive.ts), so a new table is archived
// without being listed anywhere. Only the exceptions are named here.
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive';

/** Tables not archived, and why. Keep this list short. */
export const SKIPPED_TABLES: Readonly<Record<string, string>> = {
  // Transient sign-in state: a restored instance asks everyone to sign in again.
  sessions: 'sign-in sessions',
  auth_flows: 'sign-ins in progress (MFA, single sign-on round trips)',
  login_failures: 'failed sign-in counters (throttling)',
  saml_replay: 'SAML assertion ids seen, kept only until they expire',
  // Evidence bytes travel as files/<sha256> parts and are re-chunked on import.
  file_chunks: 'evidence bytes (archived as files/<sha256>)',
};

/**
 * Tables whose rows with organization_id null ship with Mamoru and are loaded
 * by every instance at migrate, under ids of its own. Such rows are not
 * archived; a reference to one is carried by its natural key (refs/<table>.jsonl).
 */
export const SHIPPED_KEYS: Readonly<Record<string, string[]>> = {
  catalog_libraries: ['library_id'],
};

/** Rows that are not finished data are left out: an upload still being written has no hash. */
const NOT_NULL: Readonly<Record<string, string[]>> = { file_blobs: ['sha256'] };

export interface TablePlan {
  name: string;
  table: repo.ArchiveTable;
  scope: repo.RowScope;
  /** Nullable back-references (self-references, cycles): inserted as NULL, set after every insert. */
  deferred: string[];
  /** Columns referencing a shipped table's rows, mapped by natural key on import. */
  mapped: { column: string; refTable: string }[];
}

export interface ArchivePlan {
  /** In foreign-key dependency order: every referenced table before its referrers. */
  tables: TablePlan[];
  /** Shipped tables referenced by archived rows (their refs/ parts come first). */
  shipped: { table: string; key: string[] }[];
}

export async function archivePlan(db: Executor): Promise<ArchivePlan> {
  return planOf(await repo.describeTables(db));
}

export function planOf(all: repo.ArchiveTable[]): ArchivePlan {
  const byName = new Map(all.map((t) => [t.name, t]));
  const included = all.filter((t) => !(t.name in SKIPPED_TABLES));
  const hasOrg = (t: repo.ArchiveTable) => t.columns.some((c) => c.name === 'organization_id');
  const orgNullable = (t: repo.ArchiveTable) =>
    t.columns.some((c) => c.name === 'organization_id' && c.nullable);

  const scopes = new Map<string, repo.RowScope>();
  const scopeOf = (t: repo.ArchiveTable, seen: Set<string>): repo.RowScope | null => {
    const known = scopes.get(t.name);
    if (known) return known;
    let scope: repo.RowScope | null = null;
    if (t.name === 'organizations') scope = { kind: 'id' };
    else if (hasOrg(t)) scope = { kind: 'organization', notNull: NOT_NULL[t.name] };
    else {
      for (const fk of [...t.foreignKeys].sort((a, b) => a.refTable.localeCompare(b.refTable))) {
        const parent = byName.get(fk.refTable);
        if (!parent || parent.name === t.name || seen.has(parent.name)) continue;
        if (parent.name in SKIPPED_TABLES) continue;
        const parentScope = scopeOf(parent, new Set([...seen, t.name]));
        if (!parentScope) continue;
        scope = {
          kind: 'parent',
          columns: fk.columns,
          parentTable: parent.name,
          parentColumns: fk.refColumns,
          parent: parentScope,
        };
        break;
      }
    }
    if (scope) scopes.set(t.name, scope);
    return scope;
  };

  const plans = new Map<string, TablePlan>();
  const shipped = new Set<string>();
  for (const t of included) {
    const scope = scopeOf(t, new Set());
    if (!scope) {
      throw new Error(
        `archive: table ${t.name} has no organization_id and no foreign key to an archived table; ` +
          `give it one, or name it in SKIPPED_TABLES (archive/plan.ts) with the reason`,
      );
    }
    const mapped: TablePlan['mapped'] = [];
    for (const fk of t.foreignKeys) {
      const ref = byName.get(fk.refTable)!;
      if (ref.name in SKIPPED_TABLES) {
        throw new Error(`archive: ${t.name} references ${ref.name}, which is not archived`);
      }
      if (ref.name !== t.name && orgNullable(ref)) {
        const key = SHIPPED_KEYS[ref.name];
        if (!key || fk.columns.length !== 1 || fk.refColumns[0] !== 'id') {
          throw new Error(
            `archive: ${t.name} references ${ref.name}, whose shipped rows have no natural key in SHIPPED_KEYS`,
          );
        }
        mapped.push({ column: fk.columns[0]!, refTable: ref.name });
        shipped.add(ref.name);
      }
    }
    plans.set(t.name, { name: t.name, table: t, scope, deferred: [], mapped });
  }

  const nullable = (t: repo.ArchiveTable, columns: string[]) =>
    columns.every((c) => t.columns.find((col) => col.name === c)?.nullable);
  const defer = (plan: TablePlan, columns: string[], why: string) => {
    if (!nullable(plan.table, columns)) {
      throw new Error(`archive: ${plan.name}.${columns.join(',')} ${why} but is not nullable`);
    }
    for (const c of columns) if (!plan.deferred.includes(c)) plan.deferred.push(c);
  };
  // A self-reference may point at a row that comes later in key order.
  for (const plan of plans.values()) {
    for (const fk of plan.table.foreignKeys) {
      if (fk.refTable === plan.name) defer(plan, fk.columns, 'references its own table');
    }
  }
  // Between tables that reference each other, every nullable reference inside the cycle waits.
  for (const component of cycles(plans)) {
    for (const name of component) {
      const plan = plans.get(name)!;
      for (const fk of plan.table.foreignKeys) {
        if (
          fk.refTable !== name &&
          component.has(fk.refTable) &&
          nullable(plan.table, fk.columns)
        ) {
          defer(plan, fk.columns, 'closes a cycle');
        }
      }
    }
  }
  for (const plan of plans.values()) {
    if (plan.deferred.length > 0 && plan.table.updateTrigger) {
      throw new Error(
        `archive: ${plan.name} would need an UPDATE after the import, but a trigger guards it against updates`,
      );
    }
  }
  return {
    tables: dependencyOrder(plans),
    shipped: [...shipped].sort().map((table) => ({ table, key: SHIPPED_KEYS[table]! })),
  };
}

/** The references that must hold at insert time: not deferred, not self, between archived tables. */
function edges(plan: TablePlan, plans: Map<string, TablePlan>): string[] {
  return plan.table.foreignKeys
    .filter(
      (fk) =>
        fk.refTable !== plan.name &&
        plans.has(fk.refTable) &&
        !fk.columns.every((c) => plan.deferred.includes(c)),
    )
    .map((fk) => fk.refTable);
}

/** Strongly connected components of more than one table (Tarjan). */
function cycles(plans: Map<string, TablePlan>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: Set<string>[] = [];
  let next = 0;
  const visit = (name: string) => {
    index.set(name, next);
    low.set(name, next);
    next += 1;
    stack.push(name);
    onStack.add(name);
    for (const ref of edges(plans.get(name)!, plans)) {
      if (!index.has(ref)) {
        visit(ref);
        low.set(name, Math.min(low.get(name)!, low.get(ref)!));
      } else if (onStack.has(ref)) {
        low.set(name, Math.min(low.get(name)!, index.get(ref)!));
      }
    }
    if (low.get(name) === index.get(name)) {
      const component = new Set<string>();
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.add(member);
        if (member === name) break;
      }
      if (component.size > 1) found.push(component);
    }
  };
  for (const name of [...plans.keys()].sort()) if (!index.has(name)) visit(name);
  return found;
}

/** Kahn's order, ties broken by name, so the same schema always gives the same order. */
function dependencyOrder(plans: Map<string, TablePlan>): TablePlan[] {
  const waiting = new Map([...plans.values()].map((p) => [p.name, new Set(edges(p, plans))]));
  const order: TablePlan[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, refs]) => refs.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      throw new Error(
        `archive: the tables ${[...waiting.keys()].join(', ')} reference each other through columns that are not nullable`,
      );
    }
    const name = ready.sort()[0]!;
    order.push(plans.get(name)!);
    waiting.delete(name);
    for (const refs of waiting.values()) refs.delete(name);
  }
  return order;
}
