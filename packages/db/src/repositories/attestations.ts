import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { conformityAttestations as att } from '../tables/attestations.ts';
import { users } from '../tables/identity.ts';

export type AttestationRow = typeof att.$inferSelect;
export type NewAttestation = Omit<typeof att.$inferInsert, 'id'>;
export type AttestationView = AttestationRow & {
  requestedByName: string | null;
  decidedByName: string | null;
};

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

const selectViews = (db: Executor) =>
  db
    .select({
      ...getTableColumns(att),
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(att)
    .leftJoin(requester, eq(requester.id, att.requestedBy))
    .leftJoin(decider, eq(decider.id, att.decidedBy));

export async function insertAttestation(db: Executor, values: NewAttestation) {
  const [row] = await db.insert(att).values(values).returning();
  return row!;
}

export async function getAttestation(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(att)
    .where(and(eq(att.organizationId, organizationId), eq(att.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getAttestationView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectViews(db).where(
    and(eq(att.organizationId, organizationId), eq(att.id, id)),
  );
  return row ?? null;
}

/** Records a decision or revocation; null when the version moved on. */
export async function updateAttestation(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Pick<NewAttestation, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>>,
) {
  const [row] = await db
    .update(att)
    .set({ ...values, version: sql`${att.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(eq(att.organizationId, organizationId), eq(att.id, id), eq(att.version, expectedVersion)),
    )
    .returning();
  return row ?? null;
}

export interface AttestationFilter {
  itemId?: string | undefined;
  status?: string | undefined;
}

/** Latest validity first (keyset on valid_until, id), filtered in SQL. */
export async function listAttestations(
  db: Executor,
  organizationId: string,
  f: AttestationFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [eq(att.organizationId, organizationId)];
  if (f.itemId) conditions.push(eq(att.itemId, f.itemId));
  if (f.status) conditions.push(eq(att.status, f.status));
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${att.validUntil}, ${att.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectViews(db)
    .where(and(...conditions))
    .orderBy(desc(att.validUntil), desc(att.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.validUntil, r.id]);
}
