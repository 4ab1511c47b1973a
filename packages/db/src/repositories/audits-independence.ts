import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * What the independence rule reads, each in one set-based query: the unit
 * tree, the auditors' units, and the owners, authors and approvers of the
 * assets and documents in scope. Callers pass every id they need at once.
 */

export async function unitTree(db: Executor, organizationId: string) {
  return queryRows<{ id: string; parentId: string | null; managerUserId: string | null }>(
    db,
    sql`select id, parent_id as "parentId", manager_user_id as "managerUserId"
        from org_units where organization_id = ${organizationId}`,
  );
}

/** Each user's primary unit plus the register's extra units. */
export async function auditorUnits(db: Executor, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return queryRows<{ userId: string; name: string; unitIds: string[] }>(
    db,
    sql`select u.id as "userId", u.display_name as name,
          array_remove(array[u.org_unit_id] || coalesce(ia.unit_ids, '{}'::uuid[]), null)::text[]
            as "unitIds"
        from users u
        left join internal_auditors ia on ia.organization_id = u.organization_id and ia.user_id = u.id
        where u.organization_id = ${organizationId} and u.id = any(${sql.param(userIds)}::uuid[])`,
  );
}

export async function scopeAssets(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{
    id: string;
    label: string;
    ownerUserId: string | null;
    ownerUnitId: string | null;
  }>(
    db,
    sql`select id, code || ' ' || name as label, owner_user_id as "ownerUserId",
          owner_unit_id as "ownerUnitId"
        from assets where organization_id = ${organizationId} and id = any(${sql.param(ids)}::uuid[])`,
  );
}

/** Documents with everyone who wrote or approved one of their revisions. */
export async function scopeDocuments(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{
    id: string;
    label: string;
    ownerUserId: string | null;
    authorIds: string[];
    approverIds: string[];
  }>(
    db,
    sql`select d.id, d.code || ' ' || d.title as label, d.owner_user_id as "ownerUserId",
          coalesce(array_agg(distinct x.author) filter (where x.author is not null), '{}')::text[]
            as "authorIds",
          coalesce(array_agg(distinct v.approved_by) filter (where v.approved_by is not null), '{}')::text[]
            as "approverIds"
        from documents d
        left join document_versions v on v.document_id = d.id
        left join lateral (values (v.created_by), (v.updated_by), (d.created_by)) x(author) on true
        where d.organization_id = ${organizationId} and d.id = any(${sql.param(ids)}::uuid[])
        group by d.id`,
  );
}

/** Names of units, for the labels of conflicts. */
export async function unitLabels(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; label: string }>(
    db,
    sql`select id, name as label from org_units
        where organization_id = ${organizationId} and id = any(${sql.param(ids)}::uuid[])`,
  );
}

/** How many of the ids are objects of the organization (references are checked before writes). */
export async function countExisting(
  db: Executor,
  organizationId: string,
  table: 'org_units' | 'assets' | 'documents' | 'audit_programmes',
  ids: string[],
) {
  if (ids.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}
        where organization_id = ${organizationId} and id = any(${sql.param(ids)}::uuid[])`,
  );
  return Number(row?.n ?? 0);
}

export interface AuditScopeWithTeam {
  id: string;
  code: string;
  auditeeUnitIds: string[];
  scopeAssetIds: string[];
  scopeDocumentIds: string[];
  team: string[];
}

/**
 * Audits not yet closed with their scope and team, optionally only those one
 * user is on the team of, or those visible to a user ('own' reach).
 */
export async function openAuditsWithTeams(
  db: Executor,
  organizationId: string,
  f: { auditId?: string; memberUserId?: string; visibleTo?: string } = {},
) {
  return queryRows<AuditScopeWithTeam>(
    db,
    sql`select a.id, a.code, a.auditee_unit_ids::text[] as "auditeeUnitIds",
          a.scope_asset_ids::text[] as "scopeAssetIds",
          a.scope_document_ids::text[] as "scopeDocumentIds",
          coalesce((select array_agg(m.user_id::text) from audit_team_members m
            where m.audit_id = a.id), '{}') as team
        from audits a
        where a.organization_id = ${organizationId} and a.status <> 'closed'
        ${f.auditId ? sql`and a.id = ${f.auditId}` : sql``}
        ${
          f.memberUserId
            ? sql`and exists (select 1 from audit_team_members m
                where m.audit_id = a.id and m.user_id = ${f.memberUserId})`
            : sql``
        }
        ${
          f.visibleTo
            ? sql`and (exists (select 1 from audit_team_members m
                where m.audit_id = a.id and m.user_id = ${f.visibleTo})
              or exists (select 1 from users me
                where me.id = ${f.visibleTo} and me.org_unit_id = any(a.auditee_unit_ids)))`
            : sql``
        }
        order by a.planned_start, a.code`,
  );
}

/** The fiscal year of a programme of the organization, or null. */
export async function programmeYear(db: Executor, organizationId: string, id: string) {
  const [row] = await queryRows<{ fiscalYear: number }>(
    db,
    sql`select fiscal_year as "fiscalYear" from audit_programmes
        where organization_id = ${organizationId} and id = ${id}`,
  );
  return row ? Number(row.fiscalYear) : null;
}

/** The register's extra units of a user (none when not in the register). */
export async function extraUnitsOf(db: Executor, organizationId: string, userId: string) {
  const [row] = await queryRows<{ unitIds: string[] }>(
    db,
    sql`select unit_ids::text[] as "unitIds" from internal_auditors
        where organization_id = ${organizationId} and user_id = ${userId}`,
  );
  return row?.unitIds ?? [];
}
