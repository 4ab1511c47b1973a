import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/incidents';
import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden } from '../errors.ts';
import { assertSees, handlesIncident, incidentAccess, INCIDENT_ENTITY } from './access.ts';
import { presentIncident } from './detail.ts';
import { closedRefusal } from './update.ts';

/**
 * Actions taken and notes (who, when, what). Handlers write both; the
 * reporter may add a note to their own report while it is open (what else
 * they noticed). Nothing is added once the incident is closed.
 */
export async function addTimelineEntry(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { kind: 'action' | 'note'; at?: string | undefined; text: string },
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const access = await incidentAccess(tx, ctx);
    const row = await incidentAccessRow(tx, org, id);
    assertSees(access, row);
    const ownNote = input.kind === 'note' && !!access.userId && row.reporterId === access.userId;
    if (!handlesIncident(access, row) && !ownNote) {
      throw forbidden('forbidden', { permission: 'incidents:handle' });
    }
    if (row.status === 'closed') throw closedRefusal();
    const at = input.at ? new Date(input.at) : new Date();
    await repo.insertTimeline(tx, [
      {
        organizationId: org,
        incidentId: id,
        kind: input.kind,
        at,
        actorId: ctx.actor.userId,
        text: input.text,
      },
    ]);
    await recordAudit(tx, ctx, [
      {
        action: 'incident.action_recorded',
        entityType: INCIDENT_ENTITY,
        entityId: id,
        after: { kind: input.kind, at: at.toISOString(), text: input.text },
      },
    ]);
    return presentIncident(tx, ctx, access, id);
  });
}
