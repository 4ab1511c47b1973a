import type { Executor } from '@mamoru/db';
import type { ConformityDue } from '@mamoru/contracts';
import { reviewDueCounts } from '@mamoru/db/repositories/legal';
import type { RequestContext } from '../audit/trail.ts';
import { reachOf } from '../identity/actor.ts';
import { LEGAL_DUE_SOON_DAYS } from './rules.ts';
import { todayUtc } from './service.ts';

/**
 * The dashboard's line of legal reviews due within 30 days or overdue, for
 * whoever keeps the register (all of it) or owns obligations (their own);
 * readers only get no line: the work is not theirs.
 */
export async function legalDue(db: Executor, ctx: RequestContext): Promise<ConformityDue[]> {
  const reach = reachOf(ctx.actor, 'legal:manage');
  if (!reach || (reach === 'own' && !ctx.actor.userId)) return [];
  const c = await reviewDueCounts(
    db,
    ctx.actor.organizationId,
    todayUtc(),
    LEGAL_DUE_SOON_DAYS,
    reach === 'own' ? (ctx.actor.userId ?? undefined) : undefined,
  );
  return [
    {
      kind: 'legal_review',
      count: c.due,
      overdue: c.overdue,
      href: c.overdue > 0 ? '/legal?due=overdue' : '/legal?due=soon',
    },
  ];
}
