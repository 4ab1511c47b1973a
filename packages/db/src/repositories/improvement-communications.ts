import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { improvementCommunications, improvements, nonconformities } from '../tables/improvement.ts';

/** The communication log (4.2.4.c). */

export type CommunicationRow = typeof improvementCommunications.$inferSelect;
export type NewCommunication = Omit<typeof improvementCommunications.$inferInsert, 'id'>;
type Page = { limit: number; cursor?: string | undefined };

// ---- communication log -------------------------------------------------------------

const author = alias(users, 'author');
const communicationView = {
  ...getTableColumns(improvementCommunications),
  createdByName: author.displayName,
  ncNumber: nonconformities.number,
  ncTitle: nonconformities.title,
  improvementNumber: improvements.number,
  improvementTitle: improvements.title,
};
export type CommunicationView = CommunicationRow & {
  createdByName: string | null;
  ncNumber: number | null;
  ncTitle: string | null;
  improvementNumber: number | null;
  improvementTitle: string | null;
};

const selectCommunications = (db: Executor) =>
  db
    .select(communicationView)
    .from(improvementCommunications)
    .leftJoin(author, eq(author.id, improvementCommunications.createdBy))
    .leftJoin(nonconformities, eq(nonconformities.id, improvementCommunications.nonconformityId))
    .leftJoin(improvements, eq(improvements.id, improvementCommunications.improvementId));

export async function insertCommunication(db: Executor, values: NewCommunication) {
  const [row] = await db.insert(improvementCommunications).values(values).returning();
  return row!;
}

export async function getCommunication(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(improvementCommunications)
    .where(
      and(eq(improvementCommunications.organizationId, org), eq(improvementCommunications.id, id)),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getCommunicationView(db: Executor, org: string, id: string) {
  const [row] = await selectCommunications(db).where(
    and(eq(improvementCommunications.organizationId, org), eq(improvementCommunications.id, id)),
  );
  return row ?? null;
}

export async function updateCommunication(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewCommunication, 'organizationId'>>,
) {
  const t = improvementCommunications;
  const [row] = await db
    .update(t)
    .set({ ...values, version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(t.organizationId, org), eq(t.id, id), eq(t.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export interface CommunicationFilter {
  nonconformityId?: string | undefined;
  improvementId?: string | undefined;
  agreement?: string | undefined;
  channel?: string | undefined;
  visibleTo?: string | undefined;
}

/** The log, latest communication first. */
export async function listCommunications(
  db: Executor,
  org: string,
  f: CommunicationFilter,
  page: Page,
) {
  const t = improvementCommunications;
  const c: SQL[] = [eq(t.organizationId, org)];
  if (f.nonconformityId) c.push(eq(t.nonconformityId, f.nonconformityId));
  if (f.improvementId) c.push(eq(t.improvementId, f.improvementId));
  if (f.agreement) c.push(eq(t.agreement, f.agreement));
  if (f.channel) c.push(eq(t.channel, f.channel));
  if (f.visibleTo) c.push(eq(t.createdBy, f.visibleTo));
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    c.push(
      sql`(${t.communicatedOn}, ${t.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectCommunications(db)
    .where(and(...c))
    .orderBy(desc(t.communicatedOn), desc(t.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.communicatedOn, r.id]);
}
