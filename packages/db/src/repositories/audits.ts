import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { auditFindings, auditReports, auditTeamMembers, audits } from '../tables/audits.ts';
import { users } from '../tables/identity.ts';
import { unitNames, type NamedRef } from './audits-auditors.ts';
import { likePattern } from './scope.ts';

// The auditor register lives in audits-auditors.ts (re-exported here for callers).
export * from './audits-auditors.ts';

export type AuditRow = typeof audits.$inferSelect;
export type NewAudit = Omit<typeof audits.$inferInsert, 'id'>;

type Page = { limit: number; cursor?: string | undefined };

// ---- audits -----------------------------------------------------------------------

const lead = alias(users, 'lead_auditor');
const auditView = {
  ...getTableColumns(audits),
  leadAuditorName: lead.displayName,
  auditeeUnits: unitNames(audits.auditeeUnitIds),
  scopeAssets: sql<NamedRef[]>`coalesce((
    select jsonb_agg(jsonb_build_object('id', x.id, 'name', x.code || ' ' || x.name) order by x.code)
    from assets x where x.id = any(${audits.scopeAssetIds})), '[]'::jsonb)`,
  scopeDocuments: sql<NamedRef[]>`coalesce((
    select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.code || ' ' || d.title) order by d.code)
    from documents d where d.id = any(${audits.scopeDocumentIds})), '[]'::jsonb)`,
  team: sql<{ id: string; name: string; role: 'lead' | 'member' }[]>`coalesce((
    select jsonb_agg(jsonb_build_object('id', m.user_id, 'name', tu.display_name, 'role', m.role)
      order by m.role, tu.display_name, m.user_id)
    from audit_team_members m join users tu on tu.id = m.user_id
    where m.audit_id = ${audits.id}), '[]'::jsonb)`,
  // Who sent the notice is kept by the audit trail (the event of the last notice).
  noticeSentBy: sql<{ id: string | null; name: string } | null>`(
    select jsonb_build_object('id', e.actor_id, 'name', e.actor_name) from audit_events e
    where e.organization_id = ${audits.organizationId} and e.entity_type = 'internal_audit'
      and e.entity_id = ${audits.id}::text and e.action = 'internal_audit.notice_sent'
    order by e.seq desc limit 1)`,
};
export type AuditView = AuditRow & {
  leadAuditorName: string | null;
  auditeeUnits: NamedRef[];
  scopeAssets: NamedRef[];
  scopeDocuments: NamedRef[];
  team: { id: string; name: string; role: 'lead' | 'member' }[];
  noticeSentBy: { id: string | null; name: string } | null;
};

const selectAudits = (db: Executor) =>
  db.select(auditView).from(audits).leftJoin(lead, eq(lead.id, audits.leadAuditorId));

export async function insertAudit(db: Executor, values: NewAudit) {
  const [row] = await db.insert(audits).values(values).returning();
  return row!;
}

/** The next code IA-<FY>-NN of the fiscal year (the unique index catches a race). */
export async function nextAuditCode(db: Executor, organizationId: string, fiscalYear: number) {
  const prefix = `IA-${fiscalYear}-`;
  const [row] = await db
    .select({
      n: sql<number>`coalesce(max(nullif(substring(${audits.code} from ${`^${prefix}(\\d+)$`}), '')::int), 0)`,
    })
    .from(audits)
    .where(and(eq(audits.organizationId, organizationId), eq(audits.fiscalYear, fiscalYear)));
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(2, '0')}`;
}

export async function getAudit(db: Executor, organizationId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(audits)
    .where(and(eq(audits.organizationId, organizationId), eq(audits.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function getAuditView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectAudits(db).where(
    and(eq(audits.organizationId, organizationId), eq(audits.id, id)),
  );
  return (row as AuditView | undefined) ?? null;
}

/**
 * 'Own' reach of audits:read: audits the user is on the team of, or whose
 * auditee units include the user's unit.
 */
export const auditVisibleTo = (userId: string) => sql`(
  exists (select 1 from audit_team_members m where m.audit_id = ${audits.id} and m.user_id = ${userId})
  or exists (select 1 from users me where me.id = ${userId} and me.org_unit_id = any(${audits.auditeeUnitIds})))`;

export async function isOnTeam(db: Executor, auditId: string, userId: string) {
  const [row] = await db
    .select({ userId: auditTeamMembers.userId })
    .from(auditTeamMembers)
    .where(and(eq(auditTeamMembers.auditId, auditId), eq(auditTeamMembers.userId, userId)));
  return Boolean(row);
}

export async function canSeeAudit(
  db: Executor,
  organizationId: string,
  id: string,
  userId: string,
) {
  const [row] = await db
    .select({ id: audits.id })
    .from(audits)
    .where(
      and(eq(audits.organizationId, organizationId), eq(audits.id, id), auditVisibleTo(userId)),
    );
  return Boolean(row);
}

export interface AuditFilter {
  q?: string | undefined;
  status?: string | undefined;
  fiscalYear?: number | undefined;
  programmeId?: string | undefined;
  unitId?: string | undefined;
  auditorUserId?: string | undefined;
  /** Set for 'own' reach: only audits visible to this user. */
  visibleTo?: string | undefined;
}

/** Audits, latest start first, keyset-paginated; every filter in SQL. */
export async function listAudits(db: Executor, organizationId: string, f: AuditFilter, page: Page) {
  const conditions: SQL[] = [eq(audits.organizationId, organizationId)];
  if (f.q) {
    const pattern = likePattern(f.q);
    conditions.push(sql`(${audits.code} ilike ${pattern} or ${audits.title} ilike ${pattern})`);
  }
  if (f.status) conditions.push(eq(audits.status, f.status));
  if (f.fiscalYear) conditions.push(eq(audits.fiscalYear, f.fiscalYear));
  if (f.programmeId) conditions.push(eq(audits.programmeId, f.programmeId));
  if (f.unitId) conditions.push(sql`${f.unitId}::uuid = any(${audits.auditeeUnitIds})`);
  if (f.auditorUserId) {
    conditions.push(sql`exists (select 1 from audit_team_members m
      where m.audit_id = ${audits.id} and m.user_id = ${f.auditorUserId})`);
  }
  if (f.visibleTo) conditions.push(auditVisibleTo(f.visibleTo));
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${audits.plannedStart}, ${audits.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = (await selectAudits(db)
    .where(and(...conditions))
    .orderBy(desc(audits.plannedStart), desc(audits.id))
    .limit(page.limit + 1)) as AuditView[];
  return toPage(rows, page.limit, (r) => [r.plannedStart, r.id]);
}

export async function updateAudit(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewAudit, 'organizationId' | 'code'>>,
) {
  const [row] = await db
    .update(audits)
    .set({ ...values, version: sql`${audits.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(audits.organizationId, organizationId),
        eq(audits.id, id),
        eq(audits.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Replaces the team in two statements. */
export async function replaceTeam(
  db: Executor,
  organizationId: string,
  auditId: string,
  members: { userId: string; role: 'lead' | 'member' }[],
) {
  await db.delete(auditTeamMembers).where(eq(auditTeamMembers.auditId, auditId));
  if (members.length === 0) return;
  await db
    .insert(auditTeamMembers)
    .values(members.map((m) => ({ auditId, organizationId, userId: m.userId, role: m.role })));
}

/** Whether the audit's report is approved (or acknowledged after approval). */
export async function reportApproved(db: Executor, organizationId: string, auditId: string) {
  const [row] = await db
    .select({ status: auditReports.status })
    .from(auditReports)
    .where(and(eq(auditReports.organizationId, organizationId), eq(auditReports.auditId, auditId)));
  return row?.status === 'approved' || row?.status === 'acknowledged';
}

/** Findings of the audit neither verified nor taken over by the improvement area. */
export async function unresolvedFindings(db: Executor, organizationId: string, auditId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditFindings)
    .where(
      and(
        eq(auditFindings.organizationId, organizationId),
        eq(auditFindings.auditId, auditId),
        sql`${auditFindings.status} not in ('verified', 'transferred')`,
      ),
    );
  return Number(row?.n ?? 0);
}
