import type { Db } from '@mamoru/db';
import type { IncidentStatus, IncidentTransition } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/incidents';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, staleVersion } from '../errors.ts';
import { assertHandles, INCIDENT_ENTITY } from './access.ts';
import { keepClosingRecord } from './closing-record.ts';
import { presentIncident } from './detail.ts';
import { loadForWrite } from './update.ts';
import {
  incidentReference,
  refuseStepTime,
  refuseTransition,
  STATUS_TIMESTAMP,
} from './workflow.ts';

/**
 * A step forward in the response: contained, eradicated, recovered, closed.
 * The workflow's rules refuse (422, with the rule's code) going back, skipping
 * triage and closing without lessons learned. Closing keeps the incident's
 * record in the records area (4.3.3) and writes `incident.closed`, which the
 * ISMS event log picks up.
 */
export async function transitionIncident(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: IncidentTransition,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { access, row } = await loadForWrite(tx, ctx, id, expectedVersion);
    assertHandles(access, row);
    const before = (await repo.getIncidentRow(tx, org, id))!;
    const lessons = input.lessonsLearned ?? before.lessonsLearned;
    const from = row.status as IncidentStatus;
    const refusal = refuseTransition(from, input.to, lessons);
    if (refusal) {
      const field = refusal === 'incident_lessons_required' ? 'lessonsLearned' : 'to';
      throw invalid([{ field, code: refusal }], refusal);
    }
    const at = input.at ? new Date(input.at) : new Date();
    const late = refuseStepTime(at, row.discoveredAt, new Date());
    if (late) throw invalid([{ field: 'at', code: late }], late);
    const closing = input.to === 'closed';
    const updated = await repo.updateIncident(tx, org, id, expectedVersion, {
      status: input.to,
      [STATUS_TIMESTAMP[input.to]]: at,
      ...(input.lessonsLearned !== undefined && { lessonsLearned: input.lessonsLearned }),
      ...(closing && { closedBy: ctx.actor.userId }),
    });
    if (!updated) throw staleVersion();
    await repo.insertTimeline(tx, [
      {
        organizationId: org,
        incidentId: id,
        kind: 'status',
        at,
        actorId: ctx.actor.userId,
        fromStatus: from,
        toStatus: input.to,
        text: input.note ?? '',
      },
    ]);
    const record = closing ? await keepClosingRecord(tx, ctx, updated) : null;
    await recordAudit(tx, ctx, [
      {
        action: closing ? 'incident.closed' : 'incident.status_changed',
        entityType: INCIDENT_ENTITY,
        entityId: id,
        before: { status: from },
        after: {
          // The event log (read more widely than incidents) names a confidential one by reference only.
          title: row.confidential
            ? incidentReference(row.number)
            : `${incidentReference(row.number)} ${row.title}`,
          status: input.to,
          at: at.toISOString(),
          ...(closing && { lessonsLearned: lessons, recordId: record }),
        },
      },
    ]);
    return presentIncident(tx, ctx, access, id);
  });
}
