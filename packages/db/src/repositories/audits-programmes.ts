import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { auditProgrammes } from '../tables/audits.ts';
import { documents } from '../tables/documents.ts';

export type AuditProgrammeRow = typeof auditProgrammes.$inferSelect;
export type NewAuditProgramme = Omit<typeof auditProgrammes.$inferInsert, 'id'>;

type Page = { limit: number; cursor?: string | undefined };

/** The latest version of a fiscal year's programme (the one being worked on). */
export async function latestProgramme(
  db: Executor,
  organizationId: string,
  fiscalYear: number,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(auditProgrammes)
    .where(
      and(
        eq(auditProgrammes.organizationId, organizationId),
        eq(auditProgrammes.fiscalYear, fiscalYear),
      ),
    )
    .orderBy(desc(auditProgrammes.number))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getProgramme(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(auditProgrammes)
    .where(and(eq(auditProgrammes.organizationId, organizationId), eq(auditProgrammes.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The approved version of a fiscal year before `number`, for the approval's change list. */
export async function previousApprovedProgramme(
  db: Executor,
  organizationId: string,
  fiscalYear: number,
  number: number,
) {
  const [row] = await db
    .select()
    .from(auditProgrammes)
    .where(
      and(
        eq(auditProgrammes.organizationId, organizationId),
        eq(auditProgrammes.fiscalYear, fiscalYear),
        sql`${auditProgrammes.number} < ${number}`,
        inArray(auditProgrammes.status, ['approved', 'superseded']),
      ),
    )
    .orderBy(desc(auditProgrammes.number))
    .limit(1);
  return row ?? null;
}

/**
 * The programme the dashboard measures against: the approved one whose period
 * holds the day, else the latest version of the latest fiscal year.
 */
export async function programmeInForce(db: Executor, organizationId: string, day: string) {
  const [row] = await db
    .select()
    .from(auditProgrammes)
    .where(
      and(
        eq(auditProgrammes.organizationId, organizationId),
        inArray(auditProgrammes.status, ['approved', 'draft', 'pending']),
      ),
    )
    .orderBy(
      sql`(${auditProgrammes.status} = 'approved' and ${day}::date between ${auditProgrammes.periodStart} and ${auditProgrammes.periodEnd}) desc`,
      desc(auditProgrammes.fiscalYear),
      desc(auditProgrammes.number),
    )
    .limit(1);
  return row ?? null;
}

export async function listProgrammes(
  db: Executor,
  organizationId: string,
  f: { fiscalYear?: number | undefined; status?: string | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(auditProgrammes.organizationId, organizationId)];
  if (f.fiscalYear !== undefined) conditions.push(eq(auditProgrammes.fiscalYear, f.fiscalYear));
  if (f.status) conditions.push(eq(auditProgrammes.status, f.status));
  const after = decodeCursor(page.cursor, 2, ['int', 'int']);
  if (after) {
    conditions.push(
      sql`(${auditProgrammes.fiscalYear}, ${auditProgrammes.number}) < (${Number(after[0])}, ${Number(after[1])})`,
    );
  }
  const rows = await db
    .select()
    .from(auditProgrammes)
    .where(and(...conditions))
    .orderBy(desc(auditProgrammes.fiscalYear), desc(auditProgrammes.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.fiscalYear, r.number]);
}

export async function insertProgramme(db: Executor, values: NewAuditProgramme) {
  const [row] = await db.insert(auditProgrammes).values(values).returning();
  return row!;
}

/** Updates one version; with expectedVersion null the caller holds the row lock already. */
export async function updateProgramme(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewAuditProgramme, 'organizationId' | 'fiscalYear' | 'number'>>,
) {
  const conditions: SQL[] = [
    eq(auditProgrammes.organizationId, organizationId),
    eq(auditProgrammes.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(auditProgrammes.version, expectedVersion));
  const [row] = await db
    .update(auditProgrammes)
    .set({ ...values, version: sql`${auditProgrammes.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Marks the fiscal year's other approved versions superseded. */
export async function supersedeApprovedProgrammes(
  db: Executor,
  organizationId: string,
  fiscalYear: number,
  exceptId: string,
) {
  await db
    .update(auditProgrammes)
    .set({ status: 'superseded', updatedAt: sql`now()` })
    .where(
      and(
        eq(auditProgrammes.organizationId, organizationId),
        eq(auditProgrammes.fiscalYear, fiscalYear),
        eq(auditProgrammes.status, 'approved'),
        sql`${auditProgrammes.id} <> ${exceptId}`,
      ),
    );
}

/** The ids among `ids` that are documents of the organization. */
export async function existingDocumentIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), inArray(documents.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Applicable controls of the SoA in force (its latest approved version), in ID order. */
export async function applicableControlsInForce(db: Executor, organizationId: string) {
  const rows = await queryRows<{ control_id: string }>(
    db,
    sql`
    with in_force as (select id from soa_versions where organization_id = ${organizationId}
        and status = 'approved' order by approved_at desc nulls last, number desc limit 1)
    select e.control_id from soa_entries e join in_force v on v.id = e.soa_version_id
    where e.organization_id = ${organizationId} and e.applicable
    order by e.control_id`,
  );
  return rows.map((r) => r.control_id);
}
