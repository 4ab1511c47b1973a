import type { Db, Executor } from '@mamoru/db';
import type { IncidentReport } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/incidents';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { INCIDENT_ENTITY, incidentAccess, seesIncident } from './access.ts';
import { presentIncident } from './detail.ts';

/**
 * Reporting (anyone with an account; a monitoring tool through a token with
 * `incidents:report`). A report carrying the external reference of an open
 * incident is counted on it and noted in its timeline instead of opening a
 * second incident.
 */

/** 422 naming each reference that is not an object of the organization. */
export async function checkReferences(
  db: Executor,
  org: string,
  refs: { unitId?: string | null; locationId?: string | null; assigneeId?: string | null },
) {
  const errors: FieldError[] = [];
  const check = async (
    field: string,
    table: 'org_units' | 'locations' | 'users',
    id?: string | null,
  ) => {
    if (id && !(await repo.existsInOrg(db, table, org, id))) {
      errors.push({ field, code: 'reference_not_found' });
    }
  };
  await check('unitId', 'org_units', refs.unitId);
  await check('locationId', 'locations', refs.locationId);
  await check('assigneeId', 'users', refs.assigneeId);
  if (errors.length > 0) throw invalid(errors);
}

/** Sets the incident's assets; 422 when one is not an asset of the organization. */
export async function replaceAssets(db: Executor, org: string, id: string, assetIds: string[]) {
  const found = await repo.setIncidentAssets(db, org, id, assetIds);
  if (found !== new Set(assetIds).size) {
    throw invalid([{ field: 'assetIds', code: 'reference_not_found' }]);
  }
}

export async function reportIncident(db: Db, ctx: RequestContext, input: IncidentReport) {
  authorize(ctx.actor, 'incidents:report');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await checkReferences(tx, org, input);
    await repo.lockNumbering(tx, org);
    const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : new Date();
    const { id, inserted } = await repo.insertOrMergeIncident(tx, {
      organizationId: org,
      type: input.type,
      title: input.title,
      description: input.description,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
      discoveredAt,
      reporterId: ctx.actor.userId,
      channel: ctx.actor.kind === 'token' ? 'api' : 'web',
      externalRef: input.externalRef ?? null,
      unitId: input.unitId ?? null,
      locationId: input.locationId ?? null,
      place: input.place,
      personalData: input.personalData,
      confidential: input.confidential,
    });
    if (inserted) {
      await replaceAssets(tx, org, id, input.assetIds);
      await recordAudit(tx, ctx, [
        {
          action: 'incident.reported',
          entityType: INCIDENT_ENTITY,
          entityId: id,
          after: {
            type: input.type,
            title: input.title,
            channel: ctx.actor.kind === 'token' ? 'api' : 'web',
            externalRef: input.externalRef ?? null,
            confidential: input.confidential,
            personalData: input.personalData,
          },
        },
      ]);
    } else {
      // The repeat goes in the timeline: what the tool said this time, and when.
      await repo.insertTimeline(tx, [
        {
          organizationId: org,
          incidentId: id,
          kind: 'report',
          at: discoveredAt,
          actorId: ctx.actor.userId,
          text: [input.title, input.description].filter(Boolean).join('\n'),
        },
      ]);
      await recordAudit(tx, ctx, [
        {
          action: 'incident.report_merged',
          entityType: INCIDENT_ENTITY,
          entityId: id,
          after: { externalRef: input.externalRef ?? null, title: input.title },
        },
      ]);
    }
    const access = await incidentAccess(tx, ctx);
    // A reference held by an incident the caller may not see (another person's
    // confidential report) is refused, and the merge undone, rather than shown.
    if (!inserted && !seesIncident(access, (await incidentAccessRow(tx, org, id))!)) {
      throw conflict('incident_external_ref_taken', { externalRef: input.externalRef ?? '' });
    }
    return { incident: await presentIncident(tx, ctx, access, id), merged: !inserted };
  });
}
