import type { Db } from '@mamoru/db';
import type { IncidentListQuery } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/incidents';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { incidentAccess } from './access.ts';
import { presentListItem } from './detail.ts';

/**
 * The incident list: filtered, sorted and paginated in SQL under the shared
 * visibility rule (own reports for staff; confidential ones only for the team,
 * top management, their reporter and assignee).
 */
export async function listIncidents(db: Db, ctx: RequestContext, q: IncidentListQuery) {
  authorize(ctx.actor, 'incidents:read');
  const access = await incidentAccess(db, ctx);
  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const me = ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const page = await repo.listIncidents(
    db,
    ctx.actor.organizationId,
    access,
    {
      status: q.status,
      type: q.type,
      severity: q.severity,
      unitId: q.unitId,
      reporterId: q.mine === 'reported' ? me : undefined,
      assigneeId: q.mine === 'assigned' ? me : undefined,
      open: flag(q.open),
      confidential: flag(q.confidential),
      from: q.from,
      to: q.to,
      q: q.q,
    },
    q.sort,
    q,
  );
  return { items: page.items.map(presentListItem), nextCursor: page.nextCursor };
}
