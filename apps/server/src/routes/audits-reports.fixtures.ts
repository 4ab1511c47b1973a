import { expect } from 'vitest';
import * as seed from '@mamoru/db/repositories/audits-seed';
import type { OrgUnit, User } from '@mamoru/contracts';
import type { App } from '../testing/app.ts';
import { createUser, type Client } from '../testing/identity.ts';
import { createOrgUnit, uniqueCode } from '../testing/isms.ts';

/**
 * Audits laid down for the report tests through the seed repository (the
 * services that plan and conduct audits are another area's): an audit in
 * progress with a team, an auditee unit with its head, checklist lines and findings.
 */

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFrom = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Puts a user in a unit (their primary unit) through the users API. */
export async function placeInUnit(admin: Client, user: User, unit: OrgUnit) {
  const current = (await admin.get(`/api/v1/users/${user.id}`)).json<User & { version: number }>();
  const res = await admin.patch(
    `/api/v1/users/${user.id}`,
    { orgUnitId: unit.id },
    { headers: { 'if-match': `"${current.version}"` } },
  );
  expect(res.statusCode, res.body).toBe(200);
}

export interface SeededAudit {
  id: string;
  code: string;
  findingIds: string[];
}

export interface AuditSeed {
  leadId: string;
  memberIds?: string[];
  unitIds: string[];
  status?: string;
  programmeId?: string | null;
  plannedStart?: string;
  plannedEnd?: string;
  lines: {
    kind: 'requirement' | 'control' | 'custom';
    refId: string | null;
    result: string | null;
    notes?: string;
  }[];
  findings?: {
    kind: string;
    requirementId?: string;
    controlId?: string;
    dueDate?: string;
    status?: string;
    description: string;
  }[];
}

export async function seedAudit(app: App, org: string, s: AuditSeed): Promise<SeededAudit> {
  const db = app.database.db;
  const code = uniqueCode('IA-TEST');
  const audit = await seed.seedAudit(db, {
    organizationId: org,
    programmeId: s.programmeId ?? null,
    fiscalYear: 2026,
    code,
    title: `内部監査 ${code}`,
    status: s.status ?? 'in_progress',
    auditeeUnitIds: s.unitIds,
    requirementIds: s.lines.filter((l) => l.kind === 'requirement').map((l) => l.refId!),
    controlIds: s.lines.filter((l) => l.kind === 'control').map((l) => l.refId!),
    plannedStart: s.plannedStart ?? daysFrom(-10),
    plannedEnd: s.plannedEnd ?? daysFrom(10),
    leadAuditorId: s.leadId,
  });
  await seed.seedTeam(db, [
    { auditId: audit.id, organizationId: org, userId: s.leadId, role: 'lead' },
    ...(s.memberIds ?? []).map((userId) => ({
      auditId: audit.id,
      organizationId: org,
      userId,
      role: 'member',
    })),
  ]);
  await seed.seedLines(
    db,
    s.lines.map((l, i) => ({
      organizationId: org,
      auditId: audit.id,
      position: i + 1,
      kind: l.kind,
      refId: l.refId,
      promptJa: l.refId ? '' : '追加の確認',
      promptEn: l.refId ? '' : 'Additional check',
      result: l.result,
      notes: l.notes ?? '',
      answeredBy: l.result ? s.leadId : null,
      answeredAt: l.result ? new Date() : null,
    })),
  );
  const findings = await seed.seedFindings(
    db,
    (s.findings ?? []).map((f, i) => ({
      organizationId: org,
      auditId: audit.id,
      number: i + 1,
      kind: f.kind,
      requirementId: f.requirementId ?? null,
      controlId: f.controlId ?? null,
      unitId: s.unitIds[0] ?? null,
      description: f.description,
      dueDate: f.dueDate ?? daysFrom(30),
      status: f.status ?? 'open',
    })),
  );
  return { id: audit.id, code, findingIds: findings.map((f) => f.id) };
}

/** An approved programme of this fiscal year, its period holding today. */
export async function seedApprovedProgramme(app: App, org: string, approvedBy: string) {
  const row = await seed.seedProgramme(app.database.db, {
    organizationId: org,
    fiscalYear: 2026,
    number: 1,
    status: 'approved',
    title: '内部監査プログラム',
    periodStart: daysFrom(-100),
    periodEnd: daysFrom(200),
    approvedBy,
    approvedAt: new Date(),
  });
  return row.id;
}

/** The people of an audit: lead and member auditors, the unit's head and staff, outsiders. */
export async function auditPeople(admin: Client) {
  const make = async (roles: Parameters<typeof createUser>[1]['roles'], name: string) =>
    createUser(admin, { roles, displayName: name });
  const lead = await make(['internal_auditor'], 'Lead auditor');
  const member = await make(['internal_auditor'], 'Member auditor');
  const head = await make(['staff'], 'Head of unit');
  const auditee = await make(['staff'], 'Auditee');
  const outsider = await make(['staff'], 'Outsider');
  const external = await make(['external_auditor'], 'External auditor');
  const manager = await make(['isms_manager'], 'ISMS manager');
  const unit = await createOrgUnit(admin, { name: '情報システム部', managerUserId: head.user.id });
  await placeInUnit(admin, auditee.user, unit);
  return { lead, member, head, auditee, outsider, external, manager, unit };
}
