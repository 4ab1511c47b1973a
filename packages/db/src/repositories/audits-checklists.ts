import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { auditChecklistLines, auditFindings } from '../tables/audits.ts';

/** Checklists of internal audits, their results and findings (SQL only here). */

export type ChecklistLineRow = typeof auditChecklistLines.$inferSelect;
export type NewChecklistLine = Omit<typeof auditChecklistLines.$inferInsert, 'id'>;
export type FindingRow = typeof auditFindings.$inferSelect;
export type NewFinding = Omit<typeof auditFindings.$inferInsert, 'id' | 'number'>;

/** The audit as the checklist sees it, with the caller's relation to it (one query). */
export interface AuditAccessRow {
  id: string;
  code: string;
  title: string;
  status: string;
  auditeeUnitIds: string[];
  requirementIds: string[];
  controlIds: string[];
  /** The caller is the lead auditor or a member of the team. */
  onTeam: boolean;
  /** The caller's unit is an auditee unit. */
  inAuditee: boolean;
}

export async function auditAccess(
  db: Executor,
  org: string,
  auditId: string,
  userId: string | null,
  forUpdate = false,
) {
  const [row] = await queryRows<AuditAccessRow>(
    db,
    sql`
    select a.id, a.code, a.title, a.status,
      a.auditee_unit_ids as "auditeeUnitIds", a.requirement_ids as "requirementIds",
      a.control_ids as "controlIds",
      (a.lead_auditor_id = ${userId}::uuid or exists (select 1 from audit_team_members m
        where m.audit_id = a.id and m.user_id = ${userId}::uuid)) as "onTeam",
      coalesce((select u.org_unit_id = any(a.auditee_unit_ids) from users u
        where u.id = ${userId}::uuid and u.organization_id = a.organization_id), false)
        as "inAuditee"
    from audits a
    where a.organization_id = ${org}::uuid and a.id = ${auditId}::uuid
    ${forUpdate ? sql`for update of a` : sql``}`,
  );
  if (!row) return null;
  return { ...row, onTeam: row.onTeam === true, inAuditee: row.inAuditee === true };
}

// ---- lines -------------------------------------------------------------------------

export interface ChecklistLineView extends ChecklistLineRow {
  findingId: string | null;
  answeredByName: string | null;
}

export async function listLines(db: Executor, org: string, auditId: string) {
  return queryRows<ChecklistLineView>(
    db,
    sql`
    select l.id, l.organization_id as "organizationId", l.audit_id as "auditId", l.position,
      l.kind, l.ref_id as "refId", l.prompt_ja as "promptJa", l.prompt_en as "promptEn",
      l.result, l.notes, l.evidence, l.answered_by as "answeredBy",
      l.answered_at as "answeredAt", l.version, l.created_at as "createdAt",
      l.updated_at as "updatedAt", f.id as "findingId", u.display_name as "answeredByName"
    from audit_checklist_lines l
    left join audit_findings f on f.line_id = l.id
    left join users u on u.id = l.answered_by
    where l.organization_id = ${org}::uuid and l.audit_id = ${auditId}::uuid
    order by l.position, l.created_at, l.id`,
  );
}

export async function getLine(db: Executor, org: string, auditId: string, lineId: string) {
  const [row] = await db
    .select()
    .from(auditChecklistLines)
    .where(
      and(
        eq(auditChecklistLines.organizationId, org),
        eq(auditChecklistLines.auditId, auditId),
        eq(auditChecklistLines.id, lineId),
      ),
    );
  return row ?? null;
}

export async function insertLines(db: Executor, rows: NewChecklistLine[]) {
  if (rows.length === 0) return [];
  return db.insert(auditChecklistLines).values(rows).returning();
}

export async function nextPosition(db: Executor, org: string, auditId: string) {
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select (coalesce(max(position), 0) + 1)::int as next from audit_checklist_lines
      where organization_id = ${org}::uuid and audit_id = ${auditId}::uuid`,
  );
  return row?.next ?? 1;
}

export async function updateLine(
  db: Executor,
  org: string,
  lineId: string,
  expectedVersion: number,
  values: Partial<NewChecklistLine>,
) {
  const [row] = await db
    .update(auditChecklistLines)
    .set({ ...values, version: sql`${auditChecklistLines.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(auditChecklistLines.organizationId, org),
        eq(auditChecklistLines.id, lineId),
        eq(auditChecklistLines.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteLine(db: Executor, org: string, lineId: string) {
  await db
    .delete(auditChecklistLines)
    .where(and(eq(auditChecklistLines.organizationId, org), eq(auditChecklistLines.id, lineId)));
}

/** Sets positions 1, 2, 3… in the given order, in one statement. */
export async function reorderLines(db: Executor, org: string, auditId: string, ids: string[]) {
  await db.execute(sql`
    update audit_checklist_lines l set position = o.ord::int, updated_at = now()
    from unnest(${sql.param(ids)}::uuid[]) with ordinality as o(id, ord)
    where l.id = o.id and l.organization_id = ${org}::uuid and l.audit_id = ${auditId}::uuid`);
}

// ---- findings ----------------------------------------------------------------------

export async function findingOfLine(db: Executor, org: string, lineId: string) {
  const [row] = await db
    .select()
    .from(auditFindings)
    .where(and(eq(auditFindings.organizationId, org), eq(auditFindings.lineId, lineId)));
  return row ?? null;
}

export async function getFinding(db: Executor, org: string, auditId: string, findingId: string) {
  const [row] = await db
    .select()
    .from(auditFindings)
    .where(
      and(
        eq(auditFindings.organizationId, org),
        eq(auditFindings.auditId, auditId),
        eq(auditFindings.id, findingId),
      ),
    );
  return row ?? null;
}

/** Numbers the finding 1, 2, 3… per audit (the audit row is locked by the caller). */
export async function insertFinding(db: Executor, values: NewFinding) {
  const [row] = await db
    .insert(auditFindings)
    .values({
      ...values,
      number: sql`(select coalesce(max(number), 0) + 1 from audit_findings
        where audit_id = ${values.auditId}::uuid)`,
    })
    .returning();
  return row!;
}

export async function updateFinding(
  db: Executor,
  org: string,
  findingId: string,
  expectedVersion: number | null,
  values: Partial<typeof auditFindings.$inferInsert>,
) {
  const conditions = [eq(auditFindings.organizationId, org), eq(auditFindings.id, findingId)];
  if (expectedVersion !== null) conditions.push(eq(auditFindings.version, expectedVersion));
  const [row] = await db
    .update(auditFindings)
    .set({ ...values, version: sql`${auditFindings.version} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function deleteFinding(db: Executor, org: string, findingId: string) {
  await db
    .delete(auditFindings)
    .where(and(eq(auditFindings.organizationId, org), eq(auditFindings.id, findingId)));
}

/** Whether every unit ID is an org unit of the organization. */
export async function unitsExist(db: Executor, org: string, unitIds: string[]) {
  if (unitIds.length === 0) return true;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from org_units where organization_id = ${org}::uuid
      and id = any(${sql.param(unitIds)}::uuid[])`,
  );
  return row?.n === new Set(unitIds).size;
}

/** Lines of several audits at once (the import reads the audit's lines by ID). */
export async function linesByIds(db: Executor, org: string, auditId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(auditChecklistLines)
    .where(
      and(
        eq(auditChecklistLines.organizationId, org),
        eq(auditChecklistLines.auditId, auditId),
        inArray(auditChecklistLines.id, ids),
      ),
    )
    .orderBy(asc(auditChecklistLines.position));
}

/** Whether the user's primary unit is the given unit. */
export async function userInUnit(db: Executor, org: string, userId: string, unitId: string) {
  const [row] = await queryRows<{ yes: boolean }>(
    db,
    sql`select exists (select 1 from users where organization_id = ${org}::uuid
      and id = ${userId}::uuid and org_unit_id = ${unitId}::uuid) as yes`,
  );
  return row?.yes === true;
}

/** The findings the given lines raised, in one query. */
export async function findingsOfLines(db: Executor, org: string, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db
    .select()
    .from(auditFindings)
    .where(and(eq(auditFindings.organizationId, org), inArray(auditFindings.lineId, lineIds)));
}

/** The audit a line belongs to (files attached to a line are authorized through it). */
export async function auditOfLine(db: Executor, org: string, lineId: string) {
  const [row] = await db
    .select({ auditId: auditChecklistLines.auditId })
    .from(auditChecklistLines)
    .where(and(eq(auditChecklistLines.organizationId, org), eq(auditChecklistLines.id, lineId)));
  return row?.auditId ?? null;
}
