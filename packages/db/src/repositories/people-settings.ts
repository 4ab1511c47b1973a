import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { peopleSettings } from '../tables/people.ts';

/**
 * The people area's settings (one row per organization, made on the first
 * edit) and the organization chart's data. Scoped by the organization id given.
 */

/** Days ahead in which an expiring competence shows as expiring, when no row exists. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 90;

/** The organization's warning days for expiring competences (the default without settings). */
export async function warningDaysOf(db: Executor, org: string) {
  const [row] = await queryRows<{ days: number }>(
    db,
    sql`select expiry_warning_days as days from people_settings where organization_id = ${org}`,
  );
  return row?.days ?? DEFAULT_EXPIRY_WARNING_DAYS;
}

export interface SettingsView {
  disciplinaryDocumentId: string | null;
  documentCode: string | null;
  documentTitle: string | null;
  expiryWarningDays: number;
  /** 0 while the organization has no row yet. */
  version: number;
}

export async function getSettings(db: Executor, org: string): Promise<SettingsView> {
  const [row] = await queryRows<SettingsView>(
    db,
    sql`select s.disciplinary_document_id as "disciplinaryDocumentId", d.code as "documentCode",
        d.title as "documentTitle", s.expiry_warning_days as "expiryWarningDays", s.version
      from people_settings s
      left join documents d on d.id = s.disciplinary_document_id
        and d.organization_id = s.organization_id
      where s.organization_id = ${org}`,
  );
  return (
    row ?? {
      disciplinaryDocumentId: null,
      documentCode: null,
      documentTitle: null,
      expiryWarningDays: DEFAULT_EXPIRY_WARNING_DAYS,
      version: 0,
    }
  );
}

/**
 * Writes the settings when the stored version is the expected one (0: no row
 * yet); null when another write came first.
 */
export async function saveSettings(
  db: Executor,
  org: string,
  expectedVersion: number,
  values: { disciplinaryDocumentId: string | null; expiryWarningDays: number },
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(peopleSettings)
      .values({ organizationId: org, ...values })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(peopleSettings)
    .set({ ...values, version: sql`${peopleSettings.version} + 1`, updatedAt: sql`now()` })
    .where(
      sql`${peopleSettings.organizationId} = ${org} and ${peopleSettings.version} = ${expectedVersion}`,
    )
    .returning();
  return row ?? null;
}

/** Whether the document exists in the organization. */
export async function documentExists(db: Executor, org: string, id: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from documents where organization_id = ${org} and id = ${id}`,
  );
  return row !== undefined;
}

// ---- organization chart -----------------------------------------------------------------

export interface ChartUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  headId: string | null;
  headName: string | null;
  memberCount: number;
}

/** Active units with their heads and active member counts, in one query. */
export async function chartUnits(db: Executor, org: string) {
  return queryRows<ChartUnitRow>(
    db,
    sql`select ou.id, ou.code, ou.name, ou.parent_id as "parentId",
        h.id as "headId", h.display_name as "headName",
        (select count(*)::int from users m
          where m.organization_id = ou.organization_id and m.org_unit_id = ou.id and m.active)
          as "memberCount"
      from org_units ou
      left join users h on h.id = ou.manager_user_id and h.organization_id = ou.organization_id
      where ou.organization_id = ${org} and ou.active
      order by ou.code, ou.id`,
  );
}

export interface ChartRoleRow {
  roleId: string;
  code: string;
  name: string;
  kind: string;
  userId: string;
  userName: string;
  /** The unit the assignment names (per-unit roles). */
  assignmentUnitId: string | null;
  /** The unit the person belongs to. */
  userUnitId: string | null;
}

/** Current assignments of active roles, with the holder's own unit. */
export async function chartRoles(db: Executor, org: string) {
  return queryRows<ChartRoleRow>(
    db,
    sql`select r.id as "roleId", r.code, r.name, a.kind, u.id as "userId",
        u.display_name as "userName", a.org_unit_id as "assignmentUnitId",
        u.org_unit_id as "userUnitId"
      from isms_role_assignments a
      join isms_roles r on r.id = a.role_id and r.active
      join users u on u.id = a.user_id
      where a.organization_id = ${org}
        and a.starts_on <= current_date and (a.ends_on is null or a.ends_on >= current_date)
      order by r.sort_order, r.code, (a.kind = 'holder') desc, u.display_name, a.id`,
  );
}
