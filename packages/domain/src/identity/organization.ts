import type { Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { notFound, staleVersion } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from './actor.ts';

export async function getOrganization(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'organization:read');
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  if (!org) throw notFound('organization');
  return org;
}

export async function updateOrganization(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  input: { name?: string | undefined; defaultLocale?: 'ja' | 'en' | undefined },
) {
  authorize(ctx.actor, 'organization:manage');
  return db.transaction(async (tx) => {
    const before = await orgs.getOrganization(tx, ctx.actor.organizationId);
    if (!before) throw notFound('organization');
    const after = await orgs.updateOrganization(
      tx,
      ctx.actor.organizationId,
      expectedVersion,
      input,
    );
    if (!after) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'organization.updated',
        entityType: 'organization',
        entityId: after.id,
        ...diff(before, after),
      },
    ]);
    return after;
  });
}
