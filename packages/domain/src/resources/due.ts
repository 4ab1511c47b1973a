import type { Executor } from '@mamoru/db';
import type { ConformityDue } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { can } from '../identity/actor.ts';
import type { ConformitySnapshot } from '../conformity/types.ts';
import { resourceDue } from './fiscal.ts';

/**
 * The dashboard's resource line, for those who keep the register: the plan of
 * this year (or of the coming one, from a month before it starts) not approved,
 * and last year's usage not recorded. Read from the conformity snapshot.
 */
export function resourcePlanDue(_db: Executor, ctx: RequestContext, s: ConformitySnapshot) {
  if (!can(ctx.actor, 'resources:manage')) return [];
  const r = s.resources;
  const due = resourceDue({
    today: s.today,
    startMonth: r.startMonth,
    currentPlan: r.current.planStatus,
    nextPlan: r.nextPlanStatus,
    previousItems: r.previous.items,
    previousUsageRecorded: r.previous.usageRecorded,
  });
  const line: ConformityDue = {
    kind: 'resource_plan',
    count: due.count,
    overdue: due.overdue,
    href: '/resources',
  };
  return [line];
}
