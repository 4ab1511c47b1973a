import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import type { PriorityMatrix } from '../tables/incidents.ts';
import { incidentSettingsOf, type IncidentSettingsRow } from './incidents-clocks.ts';

/**
 * The incident settings as the settings page shows them (the team's role and
 * unit named, the records type coded) and their optimistic-locked upsert.
 */

export interface IncidentSettingsView extends IncidentSettingsRow {
  role: { id: string; code: string; name: string; nameEn: string } | null;
  unit: { id: string; name: string } | null;
  recordType: { id: string; code: string } | null;
}

export async function incidentSettingsView(
  db: Executor,
  org: string,
): Promise<IncidentSettingsView> {
  const settings = await incidentSettingsOf(db, org);
  const [names] = await queryRows<{
    roleCode: string | null;
    roleName: string | null;
    roleNameEn: string | null;
    unitName: string | null;
    recordTypeCode: string | null;
  }>(
    db,
    sql`select
        (select code from isms_roles where organization_id = ${org} and id = ${settings.teamRoleId}) as "roleCode",
        (select name from isms_roles where organization_id = ${org} and id = ${settings.teamRoleId}) as "roleName",
        (select name_en from isms_roles where organization_id = ${org} and id = ${settings.teamRoleId}) as "roleNameEn",
        (select name from org_units where organization_id = ${org} and id = ${settings.teamUnitId}) as "unitName",
        (select code from record_types where organization_id = ${org} and id = ${settings.recordTypeId}) as "recordTypeCode"`,
  );
  return {
    ...settings,
    role:
      settings.teamRoleId && names?.roleCode != null
        ? {
            id: settings.teamRoleId,
            code: names.roleCode,
            name: names.roleName ?? '',
            nameEn: names.roleNameEn ?? '',
          }
        : null,
    unit:
      settings.teamUnitId && names?.unitName != null
        ? { id: settings.teamUnitId, name: names.unitName }
        : null,
    recordType:
      settings.recordTypeId && names?.recordTypeCode != null
        ? { id: settings.recordTypeId, code: names.recordTypeCode }
        : null,
  };
}

export interface IncidentSettingsValues {
  teamRoleId: string | null;
  teamUnitId: string | null;
  triageTargetHours: number;
  priorityMatrix: PriorityMatrix | null;
  timeZone: string;
}

/**
 * Writes the settings when the stored version is still `expectedVersion` (0:
 * no row yet). Returns false when another writer came first.
 */
export async function saveIncidentSettings(
  db: Executor,
  org: string,
  expectedVersion: number,
  v: IncidentSettingsValues,
): Promise<boolean> {
  const matrix = v.priorityMatrix ? JSON.stringify(v.priorityMatrix) : null;
  const rows = await queryRows<{ version: number }>(
    db,
    expectedVersion === 0
      ? sql`insert into incident_settings (organization_id, team_role_id, team_unit_id,
            triage_target_hours, priority_matrix, time_zone)
          values (${org}, ${v.teamRoleId}, ${v.teamUnitId}, ${v.triageTargetHours},
            ${matrix}::jsonb, ${v.timeZone})
          on conflict (organization_id) do nothing
          returning version`
      : sql`update incident_settings set team_role_id = ${v.teamRoleId},
            team_unit_id = ${v.teamUnitId}, triage_target_hours = ${v.triageTargetHours},
            priority_matrix = ${matrix}::jsonb, time_zone = ${v.timeZone},
            version = version + 1, updated_at = now()
          where organization_id = ${org} and version = ${expectedVersion}
          returning version`,
  );
  return rows.length > 0;
}

/** Whether the ISMS role is the organization's and active. */
export async function activeIsmsRoleExists(db: Executor, org: string, id: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from isms_roles where organization_id = ${org} and id = ${id} and active`,
  );
  return rows.length > 0;
}

/** Whether the unit is the organization's and active. */
export async function activeOrgUnitExists(db: Executor, org: string, id: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from org_units where organization_id = ${org} and id = ${id} and active`,
  );
  return rows.length > 0;
}
