import { sql } from 'drizzle-orm';
import type { Db } from '@mamoru/db';
import { listGaps } from '@mamoru/db/repositories/people-competences';
import { reachablePeopleFilter } from '@mamoru/db/repositories/people-access';
import type { CompetenceGapQuery } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { peopleReach } from './access.ts';
import { expiryClock } from './profiles.ts';

/**
 * The gap view (5.2.2.a/b): who lacks which required competence, and whose
 * competence expires within the warning days, over the people the caller
 * reaches. The judgement is people-gaps.ts's; this pages and names it.
 */
export async function listCompetenceGaps(db: Db, ctx: RequestContext, q: CompetenceGapQuery) {
  const org = ctx.actor.organizationId;
  const reach = await peopleReach(db, ctx, 'people:read');
  const clock = await expiryClock(db, org);
  return listGaps(
    db,
    org,
    clock.today,
    clock.warningDays,
    {
      status: q.status,
      unitId: q.unitId,
      userId: q.userId,
      peopleFilter: reachablePeopleFilter(
        sql`g.user_id`,
        reach.reach,
        ctx.actor.userId,
        reach.headedUnitIds,
      ),
    },
    q,
  );
}
