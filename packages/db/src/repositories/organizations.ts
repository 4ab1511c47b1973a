import { eq, and, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { organizations } from '../tables/identity.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

export async function countOrganizations(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}

export async function insertOrganization(
  db: Executor,
  values: { name: string; defaultLocale: string },
) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export async function getOrganization(db: Executor, organizationId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return row ?? null;
}

/** Updates only when the version matches; null means someone else changed it first. */
export async function updateOrganization(
  db: Executor,
  organizationId: string,
  expectedVersion: number,
  values: Partial<Pick<OrganizationRow, 'name' | 'defaultLocale'>>,
) {
  const [row] = await db
    .update(organizations)
    .set({ ...values, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(organizations.id, organizationId), eq(organizations.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function listOrganizationIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: organizations.id }).from(organizations);
  return rows.map((r) => r.id);
}

/** Marks first-run set-up as over (once; later calls keep the first moment). */
export async function completeSetup(db: Executor, organizationId: string) {
  await db
    .update(organizations)
    .set({ setupCompletedAt: sql`now()` })
    .where(and(eq(organizations.id, organizationId), isNull(organizations.setupCompletedAt)));
}
