import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  auditChecklistLines,
  auditFindings,
  auditProgrammes,
  auditTeamMembers,
  audits,
  internalAuditors,
} from '../tables/audits.ts';

/**
 * Plain inserts of internal audit rows for the demo organization and for
 * tests of the report and conformity rules: they lay down an audit's history
 * as it stands (a closed audit with results and findings) without walking the
 * services that plan and conduct audits. Rules of those services do not apply here.
 */

export type NewAuditProgramme = typeof auditProgrammes.$inferInsert;
export type NewAudit = typeof audits.$inferInsert;
export type NewTeamMember = typeof auditTeamMembers.$inferInsert;
export type NewChecklistLine = typeof auditChecklistLines.$inferInsert;
export type NewFinding = typeof auditFindings.$inferInsert;
export type NewInternalAuditor = typeof internalAuditors.$inferInsert;

export async function seedProgramme(db: Executor, values: NewAuditProgramme) {
  const [row] = await db.insert(auditProgrammes).values(values).returning();
  return row!;
}

export async function seedAudit(db: Executor, values: NewAudit) {
  const [row] = await db.insert(audits).values(values).returning();
  return row!;
}

export async function seedTeam(db: Executor, rows: NewTeamMember[]) {
  if (rows.length) await db.insert(auditTeamMembers).values(rows);
}

export async function seedLines(db: Executor, rows: NewChecklistLine[]) {
  if (rows.length === 0) return [];
  return db.insert(auditChecklistLines).values(rows).returning();
}

export async function seedFindings(db: Executor, rows: NewFinding[]) {
  if (rows.length === 0) return [];
  return db.insert(auditFindings).values(rows).returning();
}

export async function seedAuditors(db: Executor, rows: NewInternalAuditor[]) {
  if (rows.length) await db.insert(internalAuditors).values(rows);
}

/** Moves an audit along its lifecycle as history records it (the demo's closed audit). */
export async function seedAuditStatus(
  db: Executor,
  org: string,
  auditId: string,
  values: Pick<NewAudit, 'status' | 'closedAt' | 'openingMeetingAt' | 'closingMeetingAt'>,
) {
  await db
    .update(audits)
    .set({ ...values, version: sql`${audits.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(audits.organizationId, org), eq(audits.id, auditId)));
}
