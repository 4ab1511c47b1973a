import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { internalAuditors, type audits } from '../tables/audits.ts';
import { users } from '../tables/identity.ts';
import { orgUnits } from '../tables/scope.ts';

export type InternalAuditorRow = typeof internalAuditors.$inferSelect;
export type NewInternalAuditor = Omit<typeof internalAuditors.$inferInsert, 'id'>;

type Page = { limit: number; cursor?: string | undefined };
export type NamedRef = { id: string; name: string };

/** Names of the units in an uuid[] column, as [{id, name}] ordered by name. */
export const unitNames = (column: SQL | typeof audits.auditeeUnitIds) => sql<NamedRef[]>`coalesce((
  select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
  from org_units u where u.id = any(${column})), '[]'::jsonb)`;

// ---- the auditor register ---------------------------------------------------------

const primaryUnit = alias(orgUnits, 'primary_unit');
const auditorView = {
  ...getTableColumns(internalAuditors),
  userName: users.displayName,
  primaryUnitId: users.orgUnitId,
  primaryUnitName: primaryUnit.name,
  units: unitNames(sql`${internalAuditors.unitIds}`),
};
export type InternalAuditorView = InternalAuditorRow & {
  userName: string;
  primaryUnitId: string | null;
  primaryUnitName: string | null;
  units: NamedRef[];
};

const selectAuditors = (db: Executor) =>
  db
    .select(auditorView)
    .from(internalAuditors)
    .innerJoin(users, eq(users.id, internalAuditors.userId))
    .leftJoin(primaryUnit, eq(primaryUnit.id, users.orgUnitId));

export async function insertAuditor(db: Executor, values: NewInternalAuditor) {
  const [row] = await db.insert(internalAuditors).values(values).returning();
  return row!;
}

export async function getAuditor(db: Executor, organizationId: string, id: string) {
  const [row] = await selectAuditors(db).where(
    and(eq(internalAuditors.organizationId, organizationId), eq(internalAuditors.id, id)),
  );
  return (row as InternalAuditorView | undefined) ?? null;
}

export async function auditorOfUser(db: Executor, organizationId: string, userId: string) {
  const [row] = await db
    .select({ id: internalAuditors.id })
    .from(internalAuditors)
    .where(
      and(eq(internalAuditors.organizationId, organizationId), eq(internalAuditors.userId, userId)),
    );
  return row?.id ?? null;
}

/** The register by name, keyset-paginated. */
export async function listAuditors(
  db: Executor,
  organizationId: string,
  f: { active?: boolean | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(internalAuditors.organizationId, organizationId)];
  if (f.active !== undefined) conditions.push(eq(internalAuditors.active, f.active));
  const after = decodeCursor(page.cursor, 2, ['text', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${users.displayName}, ${internalAuditors.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`,
    );
  }
  const rows = (await selectAuditors(db)
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(internalAuditors.id))
    .limit(page.limit + 1)) as InternalAuditorView[];
  return toPage(rows, page.limit, (r) => [r.userName, r.id]);
}

export async function updateAuditor(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewInternalAuditor, 'organizationId' | 'userId'>>,
) {
  const [row] = await db
    .update(internalAuditors)
    .set({ ...values, version: sql`${internalAuditors.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(internalAuditors.organizationId, organizationId),
        eq(internalAuditors.id, id),
        eq(internalAuditors.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Of the users given, those in the register and active. */
export async function activeAuditorUserIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ userId: internalAuditors.userId })
    .from(internalAuditors)
    .innerJoin(users, eq(users.id, internalAuditors.userId))
    .where(
      and(
        eq(internalAuditors.organizationId, organizationId),
        eq(internalAuditors.active, true),
        eq(users.active, true),
        sql`${internalAuditors.userId} = any(${sql.param(ids)}::uuid[])`,
      ),
    );
  return rows.map((r) => r.userId);
}
