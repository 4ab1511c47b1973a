import type { Executor } from '@mamoru/db';
import { checkDueCounts } from '@mamoru/db/repositories/controls';
import type { ConformityDue } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { reachOf } from '../identity/actor.ts';
import { todayOf } from './access.ts';

/**
 * The dashboard's line of control checks due within 30 days or overdue: the
 * organization's for readers of the whole register, one's own checks (and
 * those of controls one owns) for 'own' reach; nothing without the permission.
 */
export async function controlCheckDue(db: Executor, ctx: RequestContext): Promise<ConformityDue[]> {
  const reach = reachOf(ctx.actor, 'controls:read');
  if (!reach) return [];
  const only = reach === 'own' ? (ctx.actor.userId ?? '') : undefined;
  const c = await checkDueCounts(db, ctx.actor.organizationId, todayOf(), only);
  const href = only ? '/controls?tab=checks&checkerId=me' : '/controls?tab=checks&due=overdue';
  return [{ kind: 'control_check', count: c.due, overdue: c.overdue, href }];
}
