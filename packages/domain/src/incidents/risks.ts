import type { Db, Executor } from '@mamoru/db';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import * as links from '@mamoru/db/repositories/incidents-links';
import type { IncidentRisk } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid } from '../errors.ts';
import { assertHandles, incidentAccess, INCIDENT_ENTITY } from './access.ts';
import { incidentReference } from './workflow.ts';

/**
 * The risks an incident relates to, and the request to reassess them
 * (4.2.3.c): an incident may show a risk was judged too low. A request counts
 * as answered once the risk is updated after it.
 */

export function presentIncidentRisk(r: links.IncidentRiskRow): IncidentRisk {
  return {
    id: r.id,
    reference: r.code,
    title: `${r.assetName} × ${r.threatName}`,
    level: r.level,
    reassessmentRequestedAt: r.reassessmentRequestedAt?.toISOString() ?? null,
    reassessed: !!r.reassessmentRequestedAt && r.updatedAt > r.reassessmentRequestedAt,
  };
}

async function handledIncident(tx: Executor, ctx: RequestContext, incidentId: string) {
  const incident = await incidentAccessRow(tx, ctx.actor.organizationId, incidentId);
  assertHandles(await incidentAccess(tx, ctx), incident);
  return incident;
}

/** Makes the incident's related risks exactly `riskIds`. */
export async function setIncidentRisks(
  db: Db,
  ctx: RequestContext,
  incidentId: string,
  riskIds: string[],
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const incident = await handledIncident(tx, ctx, incidentId);
    const ids = [...new Set(riskIds)];
    const known = await links.existingRiskIds(tx, org, ids);
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid([{ field: `riskIds.${unknown}`, code: 'reference_not_found' }]);
    const before = await links.incidentRisksOf(tx, org, incidentId);
    await links.replaceIncidentRisks(tx, incidentId, ids);
    const after = await links.incidentRisksOf(tx, org, incidentId);
    await links.touchIncident(tx, org, incidentId);
    await recordAudit(tx, ctx, [
      {
        action: 'incident.risks_updated',
        entityType: INCIDENT_ENTITY,
        entityId: incidentId,
        before: { riskIds: before.map((r) => r.id) },
        after: { reference: incidentReference(incident.number), riskIds: after.map((r) => r.id) },
      },
    ]);
    return after;
  });
}

/** Asks for reassessment of the named related risks (all of them when none are named). */
export async function requestRiskReassessment(
  db: Db,
  ctx: RequestContext,
  incidentId: string,
  riskIds: string[] | undefined,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const incident = await handledIncident(tx, ctx, incidentId);
    const related = new Set((await links.incidentRisksOf(tx, org, incidentId)).map((r) => r.id));
    const stranger = (riskIds ?? []).findIndex((id) => !related.has(id));
    if (stranger >= 0) {
      throw invalid([{ field: `riskIds.${stranger}`, code: 'incident_risk_not_related' }]);
    }
    if (related.size === 0) {
      throw invalid([{ field: 'riskIds', code: 'incident_risk_none' }]);
    }
    const marked = await links.requestReassessment(
      tx,
      incidentId,
      riskIds ? [...new Set(riskIds)] : null,
      ctx.actor.userId,
    );
    await recordAudit(tx, ctx, [
      {
        action: 'incident.reassessment_requested',
        entityType: INCIDENT_ENTITY,
        entityId: incidentId,
        after: { reference: incidentReference(incident.number), riskIds: marked },
      },
    ]);
    return links.incidentRisksOf(tx, org, incidentId);
  });
}
