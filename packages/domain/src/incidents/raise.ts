import type { Db } from '@mamoru/db';
import { lockNumbering, insertNonconformity } from '@mamoru/db/repositories/improvement';
import { insertImprovement } from '@mamoru/db/repositories/improvement-register';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { incidentTextsOf, touchIncident } from '@mamoru/db/repositories/incidents-links';
import type { IncidentRaise, IncidentRaised } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound } from '../errors.ts';
import { IMPROVEMENT_ENTITY } from '../improvement/improvements.ts';
import { improvementCode, nonconformityCode } from '../improvement/improvements-presenters.ts';
import { contentOf as nonconformityContent } from '../improvement/nonconformities.ts';
import { NONCONFORMITY_ENTITY } from '../improvement/access.ts';
import { checkUser } from '../scope/common.ts';
import { assertHandles, incidentAccess, INCIDENT_ENTITY } from './access.ts';
import { incidentReference } from './workflow.ts';

/**
 * Learning from an incident: the team raises a nonconformity (for corrective
 * action) or an improvement in the improvement area, linked back to the
 * incident so each side lists the other.
 */

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
function dateIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export async function raiseFromIncident(
  db: Db,
  ctx: RequestContext,
  incidentId: string,
  input: IncidentRaise,
): Promise<IncidentRaised> {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const incident = await incidentAccessRow(tx, org, incidentId);
    assertHandles(await incidentAccess(tx, ctx), incident);
    const texts = await incidentTextsOf(tx, org, incidentId);
    if (!texts) throw notFound(INCIDENT_ENTITY);
    const problems = await checkUser(tx, org, input.ownerId, 'ownerId');
    if (problems.length > 0) throw invalid(problems);
    const reference = incidentReference(incident.number);
    const sourceLink = {
      type: 'incident',
      id: incidentId,
      label: `${reference} ${incident.title}`,
    };
    const title = input.title ?? incident.title;
    let raised: IncidentRaised;
    if (input.kind === 'nonconformity') {
      await lockNumbering(tx, org);
      const row = await insertNonconformity(tx, {
        organizationId: org,
        kind: 'nonconformity',
        source: 'incident',
        sourceLink,
        title,
        description: input.description ?? (texts.rootCause || texts.description),
        severity: input.severity ?? 'minor',
        unitId: incident.unitId,
        evidence: [sourceLink],
        detectedOn: dateIn(incident.discoveredAt, texts.timeZone),
        ownerId: input.ownerId ?? null,
        reportedBy: ctx.actor.userId,
      });
      raised = {
        kind: 'nonconformity',
        id: row.id,
        reference: nonconformityCode(row.number),
        title: row.title,
        status: row.status,
      };
      await recordAudit(tx, ctx, [
        {
          action: 'nonconformity.created',
          entityType: NONCONFORMITY_ENTITY,
          entityId: row.id,
          after: nonconformityContent(row),
        },
        {
          action: 'incident.nonconformity_raised',
          entityType: INCIDENT_ENTITY,
          entityId: incidentId,
          after: { reference, nonconformityId: row.id, title: row.title },
        },
      ]);
    } else {
      const row = await insertImprovement(tx, {
        organizationId: org,
        source: 'incident_lesson',
        sourceLink,
        title,
        description: input.description ?? (texts.lessonsLearned || texts.description),
        suggestedBy: ctx.actor.userId,
        ownerId: input.ownerId ?? null,
      });
      raised = {
        kind: 'improvement',
        id: row.id,
        reference: improvementCode(row.number),
        title: row.title,
        status: row.status,
      };
      await recordAudit(tx, ctx, [
        {
          action: 'improvement.created',
          entityType: IMPROVEMENT_ENTITY,
          entityId: row.id,
          after: {
            number: row.number,
            source: row.source,
            sourceLink: row.sourceLink,
            title: row.title,
            description: row.description,
            status: row.status,
            ownerId: row.ownerId,
          },
        },
        {
          action: 'incident.improvement_raised',
          entityType: INCIDENT_ENTITY,
          entityId: incidentId,
          after: { reference, improvementId: row.id, title: row.title },
        },
      ]);
    }
    await touchIncident(tx, org, incidentId);
    return raised;
  });
}
