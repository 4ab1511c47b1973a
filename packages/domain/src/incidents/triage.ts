import type { Db } from '@mamoru/db';
import type { IncidentTriage } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/incidents';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, staleVersion } from '../errors.ts';
import { assertHandles, INCIDENT_ENTITY } from './access.ts';
import { presentIncident } from './detail.ts';
import { checkReferences } from './report.ts';
import { loadForWrite } from './update.ts';
import { priorityOf, refuseStepTime, refuseTransition } from './workflow.ts';

/**
 * Triage (4.2.3.a.2): the team judges severity and urgency, which give the
 * priority from the organization's matrix, names the assignee and what was
 * affected, and may mark the incident confidential.
 */
export async function triageIncident(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: IncidentTriage,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { access, row } = await loadForWrite(tx, ctx, id, expectedVersion);
    assertHandles(access, row);
    const refusal = refuseTransition(row.status as 'reported', 'triaged', '');
    if (refusal) throw invalid([{ field: 'status', code: refusal }], refusal);
    await checkReferences(tx, org, { assigneeId: input.assigneeId });
    const settings = await incidentSettingsOf(tx, org);
    const priority = priorityOf(settings.priorityMatrix, input.severity, input.urgency);
    const now = input.at ? new Date(input.at) : new Date();
    const late = refuseStepTime(now, row.discoveredAt, new Date());
    if (late) throw invalid([{ field: 'at', code: late }], late);
    const updated = await repo.updateIncident(tx, org, id, expectedVersion, {
      status: 'triaged',
      severity: input.severity,
      urgency: input.urgency,
      priority,
      triagedAt: now,
      triagedBy: ctx.actor.userId,
      assigneeId: input.assigneeId,
      confidential: input.confidential,
      affectsConfidentiality: input.affects?.confidentiality,
      affectsIntegrity: input.affects?.integrity,
      affectsAvailability: input.affects?.availability,
    });
    if (!updated) throw staleVersion();
    await repo.insertTimeline(tx, [
      {
        organizationId: org,
        incidentId: id,
        kind: 'status',
        at: now,
        actorId: ctx.actor.userId,
        fromStatus: 'reported',
        toStatus: 'triaged',
        text: input.note ?? '',
      },
    ]);
    await recordAudit(tx, ctx, [
      {
        action: 'incident.triaged',
        entityType: INCIDENT_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: {
          status: 'triaged',
          severity: input.severity,
          urgency: input.urgency,
          priority,
          assigneeId: updated.assigneeId,
          confidential: updated.confidential,
        },
      },
    ]);
    return presentIncident(tx, ctx, access, id);
  });
}
