import { and, eq, inArray, not, sql } from 'drizzle-orm';
import type { Db } from '@mamoru/db';
import { schema } from '@mamoru/db';

/**
 * Test helpers of the checklists: audits and their teams are written straight
 * into the tables (the audit service and its independence checks are another
 * area's, tested there), and so are the SoA decisions and users' units the
 * checklist reads.
 */

let sequence = 0;

export interface AuditFixture {
  status?: 'planned' | 'in_progress' | 'reported' | 'follow_up' | 'closed';
  auditeeUnitIds?: string[];
  requirementIds?: string[];
  controlIds?: string[];
  leadAuditorId?: string | null;
  memberIds?: string[];
}

export async function insertAudit(db: Db, organizationId: string, input: AuditFixture = {}) {
  sequence += 1;
  const [audit] = await db
    .insert(schema.audits)
    .values({
      organizationId,
      fiscalYear: 2026,
      code: `IA-2026-T${sequence}`,
      title: `監査 ${sequence}`,
      status: input.status ?? 'planned',
      auditeeUnitIds: input.auditeeUnitIds ?? [],
      requirementIds: input.requirementIds ?? [],
      controlIds: input.controlIds ?? [],
      plannedStart: '2026-04-01',
      plannedEnd: '2026-04-30',
      leadAuditorId: input.leadAuditorId ?? null,
    })
    .returning();
  const team = [
    ...(input.leadAuditorId ? [{ userId: input.leadAuditorId, role: 'lead' }] : []),
    ...(input.memberIds ?? []).map((userId) => ({ userId, role: 'member' })),
  ];
  if (team.length > 0) {
    await db
      .insert(schema.auditTeamMembers)
      .values(team.map((t) => ({ ...t, auditId: audit!.id, organizationId })));
  }
  return audit!;
}

export async function setAuditStatus(db: Db, auditId: string, status: string) {
  await db.update(schema.audits).set({ status }).where(eq(schema.audits.id, auditId));
}

export async function setUserUnit(db: Db, userId: string, unitId: string | null) {
  await db.update(schema.users).set({ orgUnitId: unitId }).where(eq(schema.users.id, userId));
}

/** Decides the organization's SoA entries: these controls applicable, every other one not. */
export async function decideApplicable(db: Db, organizationId: string, controlIds: string[]) {
  const org = eq(schema.soaEntries.organizationId, organizationId);
  await db
    .update(schema.soaEntries)
    .set({ applicable: true })
    .where(and(org, inArray(schema.soaEntries.controlId, controlIds)));
  await db
    .update(schema.soaEntries)
    .set({ applicable: false })
    .where(and(org, not(inArray(schema.soaEntries.controlId, controlIds))));
}

/** The number of audit trail events of an action, to see that a change was recorded. */
export async function eventCount(db: Db, organizationId: string, action: string) {
  const result = (await db.execute(
    sql`select count(*)::int as n from audit_events
      where organization_id = ${organizationId}::uuid and action = ${action}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}
