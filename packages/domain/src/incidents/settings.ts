import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/incidents-settings';
import type { IncidentSettings, IncidentSettingsUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { assertManages, incidentAccess } from './access.ts';
import { isTimeZone } from './clocks.ts';
import { DEFAULT_PRIORITY_MATRIX } from './workflow.ts';

/**
 * The organization's incident settings: the incident team (an ISMS role and/or
 * a unit), the triage target, the priority matrix and the time zone clocks
 * count calendar days in. Without a row yet the defaults apply (version 0).
 */

export const INCIDENT_SETTINGS_ENTITY = 'incident_settings';

export function presentIncidentSettings(v: repo.IncidentSettingsView): IncidentSettings {
  return {
    team: {
      role: v.role
        ? { id: v.role.id, code: v.role.code, name: { ja: v.role.name, en: v.role.nameEn } }
        : null,
      unit: v.unit ? { id: v.unit.id, name: { ja: v.unit.name, en: v.unit.name } } : null,
    },
    triageTargetHours: v.triageTargetHours,
    priorityMatrix: v.priorityMatrix ?? DEFAULT_PRIORITY_MATRIX,
    timeZone: v.timeZone,
    recordType: v.recordType,
    version: v.version,
  };
}

/** Readers of incidents see the settings (the web needs the matrix and the time zone). */
export async function getIncidentSettings(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'incidents:read');
  return repo.incidentSettingsView(db, ctx.actor.organizationId);
}

const contentOf = (v: repo.IncidentSettingsView) => ({
  teamRoleId: v.teamRoleId,
  teamUnitId: v.teamUnitId,
  triageTargetHours: v.triageTargetHours,
  priorityMatrix: v.priorityMatrix,
  timeZone: v.timeZone,
  version: v.version,
});

export async function updateIncidentSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  patch: IncidentSettingsUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    assertManages(await incidentAccess(tx, ctx));
    const before = await repo.incidentSettingsView(tx, org);
    if (before.version !== expectedVersion) throw staleVersion();
    const problems: FieldError[] = [];
    if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
      problems.push({ field: 'timeZone', code: 'time_zone_unknown' });
    }
    if (patch.teamRoleId && !(await repo.activeIsmsRoleExists(tx, org, patch.teamRoleId))) {
      problems.push({ field: 'teamRoleId', code: 'reference_not_found' });
    }
    if (patch.teamUnitId && !(await repo.activeOrgUnitExists(tx, org, patch.teamUnitId))) {
      problems.push({ field: 'teamUnitId', code: 'reference_not_found' });
    }
    if (problems.length > 0) throw invalid(problems);
    const saved = await repo.saveIncidentSettings(tx, org, expectedVersion, {
      teamRoleId: patch.teamRoleId !== undefined ? patch.teamRoleId : before.teamRoleId,
      teamUnitId: patch.teamUnitId !== undefined ? patch.teamUnitId : before.teamUnitId,
      triageTargetHours: patch.triageTargetHours ?? before.triageTargetHours,
      priorityMatrix: patch.priorityMatrix ?? before.priorityMatrix,
      timeZone: patch.timeZone ?? before.timeZone,
    });
    if (!saved) throw staleVersion();
    const after = await repo.incidentSettingsView(tx, org);
    await recordAudit(tx, ctx, [
      {
        action: 'incident_settings.updated',
        entityType: INCIDENT_SETTINGS_ENTITY,
        entityId: org,
        ...diff(contentOf(before), contentOf(after)),
      },
    ]);
    return after;
  });
}
