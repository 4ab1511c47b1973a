import { sql } from 'drizzle-orm';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-roles';
import type { IsmsRole } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { DEFAULT_ROLES } from './roles-defaults-data.ts';
import { presentRole } from './roles-presenters.ts';

/**
 * The shipped ISMS roles: seeded when an organization is set up, and loadable
 * later into an organization that has none (one that emptied nothing, since
 * roles are never deleted, only retired).
 */

// Two managers pressing "load defaults" at once must not both insert.
const defaultsAdvisoryLock = (tx: Executor, org: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('isms_roles_defaults'), hashtext(${org}))`);

/** Inserts the defaults and records one event; the caller checked the register is empty. */
export async function seedDefaultRoles(tx: Executor, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  const rows = await repo.insertRoles(
    tx,
    DEFAULT_ROLES.map((role) => ({ organizationId: org, ...role, createdBy: ctx.actor.userId })),
  );
  await recordAudit(tx, ctx, [
    {
      action: 'isms_role.defaults_loaded',
      entityType: 'organization',
      entityId: org,
      after: { codes: rows.map((r) => r.code) },
    },
  ]);
  return rows;
}

/** POST /isms-roles/defaults: 409 when the organization has roles already. */
export async function loadDefaultRoles(db: Db, ctx: RequestContext): Promise<IsmsRole[]> {
  // Loading reaches the whole register: a unit head's 'own' reach is not enough.
  if (authorize(ctx.actor, 'people:manage') !== 'all') {
    throw forbidden('forbidden_reach_all', { permission: 'people:manage' });
  }
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await defaultsAdvisoryLock(tx, org);
    if ((await repo.countRoles(tx, org)) > 0) throw conflict('isms_roles_exist');
    const rows = await seedDefaultRoles(tx, ctx);
    // New roles have neither assignments nor requirements yet.
    return rows.map((row) => presentRole({ ...row, requirementCount: 0 }, []));
  });
}
