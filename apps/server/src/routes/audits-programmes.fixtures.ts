import { sql } from 'drizzle-orm';
import { schema, type Db } from '@mamoru/db';

const { auditChecklistLines, auditFindings, audits, auditTeamMembers } = schema;

/**
 * Test data of the audits the programme plans against, written straight into
 * the tables: the audit, checklist and findings areas own their routes, and
 * the planning view reads only their rows.
 */

let codes = 0;

export interface AuditInput {
  status?: string;
  plannedStart: string;
  plannedEnd: string;
  programmeId?: string | null;
  auditeeUnitIds?: string[];
  requirementIds?: string[];
  controlIds?: string[];
  teamUserIds?: string[];
}

export async function insertAudit(db: Db, org: string, input: AuditInput) {
  codes += 1;
  const [row] = await db
    .insert(audits)
    .values({
      organizationId: org,
      programmeId: input.programmeId ?? null,
      fiscalYear: Number(input.plannedStart.slice(0, 4)),
      code: `IA-T-${codes}-${Date.now()}`,
      title: `Audit ${codes}`,
      status: input.status ?? 'planned',
      auditeeUnitIds: input.auditeeUnitIds ?? [],
      requirementIds: input.requirementIds ?? [],
      controlIds: input.controlIds ?? [],
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    })
    .returning();
  if (input.teamUserIds?.length) {
    await db.insert(auditTeamMembers).values(
      input.teamUserIds.map((userId, i) => ({
        auditId: row!.id,
        organizationId: org,
        userId,
        role: i === 0 ? 'lead' : 'member',
      })),
    );
  }
  return row!;
}

/** Answered checklist lines (kind, ref, result, answered day). */
export async function insertLines(
  db: Db,
  org: string,
  auditId: string,
  lines: { kind: 'requirement' | 'control'; refId: string; result: string | null; on: string }[],
) {
  await db.insert(auditChecklistLines).values(
    lines.map((l, i) => ({
      organizationId: org,
      auditId,
      position: i + 1,
      kind: l.kind,
      refId: l.refId,
      result: l.result,
      answeredAt: l.result ? new Date(`${l.on}T03:00:00Z`) : null,
    })),
  );
}

export async function insertFinding(
  db: Db,
  org: string,
  auditId: string,
  f: {
    number: number;
    kind: string;
    requirementId?: string;
    controlId?: string;
    unitId?: string;
    dueDate?: string;
    status?: string;
  },
) {
  const [row] = await db
    .insert(auditFindings)
    .values({
      organizationId: org,
      auditId,
      number: f.number,
      kind: f.kind,
      requirementId: f.requirementId ?? null,
      controlId: f.controlId ?? null,
      unitId: f.unitId ?? null,
      description: `Finding ${f.number}`,
      dueDate: f.dueDate ?? null,
      status: f.status ?? 'open',
    })
    .returning();
  return row!;
}

/** Puts a user in a unit (their primary unit), as the users area would. */
export async function setUserUnit(db: Db, userId: string, unitId: string) {
  await db.execute(sql`update users set org_unit_id = ${unitId} where id = ${userId}`);
}

/** Marks the organization's statement approved with exactly these controls applicable. */
export async function approveSoaWith(db: Db, org: string, applicable: string[]) {
  await db.execute(
    sql`update soa_versions set status = 'approved', approved_at = now() where organization_id = ${org}`,
  );
  await db.execute(
    sql`update soa_entries set applicable = (control_id = any(${sql.param(
      applicable,
    )}::text[])) where organization_id = ${org}`,
  );
}
