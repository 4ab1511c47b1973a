import type { Db } from '@mamoru/db';
import type { ConformityDue } from '@mamoru/contracts';
import { gapCounts } from '@mamoru/db/repositories/people-gaps';
import { completionsOfUser } from '@mamoru/db/repositories/training-completion';
import type { RequestContext } from '../audit/trail.ts';
import { reachOf } from '../identity/actor.ts';
import type { ConformitySnapshot } from './types.ts';

/**
 * The dashboard's training and competence lines. Whoever reads everyone's
 * training (or people) sees the organization's counts, already in the
 * snapshot; anyone else sees their own, read with the shared completion and
 * gap queries, so the line never tells them about people they cannot see.
 */

/** Required courses overdue or due again within 30 days. */
async function trainingLine(
  db: Db,
  ctx: RequestContext,
  s: ConformitySnapshot,
): Promise<ConformityDue> {
  const { actor } = ctx;
  if (reachOf(actor, 'training:read') === 'all') {
    const c = s.people.training.completion;
    return {
      kind: 'training',
      count: c.overdue + c.dueSoon,
      overdue: c.overdue,
      href: '/training',
    };
  }
  const mine = actor.userId
    ? (await completionsOfUser(db, actor.organizationId, s.today, actor.userId)).filter(
        (r) => r.required,
      )
    : [];
  const overdue = mine.filter((r) => r.status === 'overdue').length;
  const soon = mine.filter((r) => r.status === 'due_soon').length;
  return { kind: 'training', count: overdue + soon, overdue, href: '/training/my' };
}

/** Required competences expired or expiring within the organization's warning days. */
async function competenceLine(
  db: Db,
  ctx: RequestContext,
  s: ConformitySnapshot,
): Promise<ConformityDue> {
  const { actor } = ctx;
  let g = s.people.gaps;
  if (reachOf(actor, 'people:read') !== 'all') {
    g = actor.userId
      ? await gapCounts(db, actor.organizationId, s.today, s.people.warningDays, {
          userIds: [actor.userId],
        })
      : { ...g, expired: 0, expiring: 0 };
  }
  return {
    kind: 'competence',
    count: g.expired + g.expiring,
    overdue: g.expired,
    href: '/people/gaps',
  };
}

export async function peopleDue(db: Db, ctx: RequestContext, s: ConformitySnapshot) {
  return [await trainingLine(db, ctx, s), await competenceLine(db, ctx, s)];
}
