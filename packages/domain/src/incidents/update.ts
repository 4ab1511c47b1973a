import type { Db, Tx } from '@mamoru/db';
import type { IncidentLevel, IncidentUpdate } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/incidents';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, staleVersion } from '../errors.ts';
import { assertSees, handlesIncident, incidentAccess, INCIDENT_ENTITY } from './access.ts';
import { presentIncident } from './detail.ts';
import { checkReferences, replaceAssets } from './report.ts';
import { priorityOf } from './workflow.ts';

/**
 * Editing an incident. Handlers edit everything; the reporter may correct
 * what they reported (what, when, where, assets) while it waits for triage.
 * A new severity or urgency recomputes the priority from the matrix.
 */

/** What a reporter may still correct before triage. */
const REPORTER_FIELDS = new Set<keyof IncidentUpdate>([
  'title',
  'description',
  'occurredAt',
  'discoveredAt',
  'unitId',
  'locationId',
  'place',
  'assetIds',
]);

/** 422 with the workflow's code: a closed incident no longer changes. */
export const closedRefusal = () =>
  invalid([{ field: 'status', code: 'incident_closed' }], 'incident_closed');

/** The caller's access and the incident, checked to be seen, at the expected version. */
export async function loadForWrite(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const access = await incidentAccess(tx, ctx);
  const row = await incidentAccessRow(tx, ctx.actor.organizationId, id);
  assertSees(access, row);
  if (row.version !== version) throw staleVersion();
  return { access, row };
}

const date = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);

export async function updateIncident(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: IncidentUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { access, row } = await loadForWrite(tx, ctx, id, expectedVersion);
    const handles = handlesIncident(access, row);
    const ownReport = !!access.userId && row.reporterId === access.userId;
    const fields = (Object.keys(patch) as (keyof IncidentUpdate)[]).filter(
      (k) => patch[k] !== undefined,
    );
    if (!handles) {
      const allowed = ownReport && row.status === 'reported';
      if (!allowed || fields.some((k) => !REPORTER_FIELDS.has(k))) {
        throw forbidden('forbidden', { permission: 'incidents:handle' });
      }
    }
    if (row.status === 'closed') throw closedRefusal();
    await checkReferences(tx, org, patch);
    const before = (await repo.getIncidentRow(tx, org, id))!;
    const severity = (patch.severity ?? before.severity) as IncidentLevel | null;
    const urgency = (patch.urgency ?? before.urgency) as IncidentLevel | null;
    const rerank = (patch.severity || patch.urgency) && severity && urgency;
    const matrix = rerank ? (await incidentSettingsOf(tx, org)).priorityMatrix : null;
    const updated = await repo.updateIncident(tx, org, id, expectedVersion, {
      type: patch.type,
      title: patch.title,
      description: patch.description,
      occurredAt: date(patch.occurredAt),
      discoveredAt: date(patch.discoveredAt) ?? undefined,
      unitId: patch.unitId,
      locationId: patch.locationId,
      place: patch.place,
      confidential: patch.confidential,
      affectsConfidentiality: patch.affects?.confidentiality,
      affectsIntegrity: patch.affects?.integrity,
      affectsAvailability: patch.affects?.availability,
      personalData: patch.personalData,
      personalRecords: patch.personalRecords,
      personalDataCategories: patch.personalDataCategories,
      wrongfulIntent: patch.wrongfulIntent,
      severity: patch.severity,
      urgency: patch.urgency,
      priority: rerank ? priorityOf(matrix, severity, urgency) : undefined,
      assigneeId: patch.assigneeId,
      volume: patch.volume,
      volumeUnit: patch.volumeUnit,
      downtimeMinutes: patch.downtimeMinutes,
      costResponse: patch.costs?.response,
      costRecovery: patch.costs?.recovery,
      costLoss: patch.costs?.loss,
      rootCause: patch.rootCause,
      lessonsLearned: patch.lessonsLearned,
      recurrencePrevention: patch.recurrencePrevention,
    });
    if (!updated) throw staleVersion();
    if (patch.assetIds) await replaceAssets(tx, org, id, patch.assetIds);
    const { version: _b, updatedAt: _bu, ...was } = before;
    const { version: _a, updatedAt: _au, ...now } = updated;
    await recordAudit(tx, ctx, [
      {
        action: 'incident.updated',
        entityType: INCIDENT_ENTITY,
        entityId: id,
        ...diff(was, { ...now, ...(patch.assetIds && { assetIds: patch.assetIds }) }),
      },
    ]);
    return presentIncident(tx, ctx, access, id);
  });
}
