import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-roles';
import type { IsmsRole, IsmsRoleCreate, IsmsRoleUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { ROLES } from '../identity/permissions.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';
import { presentRole } from './roles-presenters.ts';

/**
 * The register of ISMS roles (5.1.c): what each role answers for, in ja and
 * en. Everyone who reads the people area reads the register (the roles and
 * their holders are what the organization communicates); only the ISMS
 * manager ('all' reach of people:manage) shapes it.
 */

export const ROLE_ENTITY = 'isms_role';

const codeTaken = () => invalid([{ field: 'code', code: 'isms_role_code_taken' }]);

function checkAppRole(appRole: string | null | undefined): FieldError[] {
  if (appRole === null || appRole === undefined) return [];
  return (ROLES as readonly string[]).includes(appRole)
    ? []
    : [{ field: 'appRole', code: 'isms_role_app_role_unknown' }];
}

/** One role with its current assignments, as the API shows it. */
export async function loadRole(db: Executor, org: string, id: string): Promise<IsmsRole> {
  const row = await repo.getRole(db, org, id);
  if (!row) throw notFound(ROLE_ENTITY);
  return presentRole(row, await repo.currentAssignmentsOf(db, org, [id]));
}

export async function listRoles(
  db: Db,
  ctx: RequestContext,
  active: 'true' | 'false' | 'all',
): Promise<IsmsRole[]> {
  authorize(ctx.actor, 'people:read');
  const org = ctx.actor.organizationId;
  const rows = await repo.listRoles(db, org, active === 'all' ? undefined : active === 'true');
  const assignments = await repo.currentAssignmentsOf(
    db,
    org,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentRole(row, assignments));
}

export async function getRole(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'people:read');
  return loadRole(db, ctx.actor.organizationId, id);
}

export async function createRole(db: Db, ctx: RequestContext, input: IsmsRoleCreate) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  const problems = checkAppRole(input.appRole);
  if (problems.length) throw invalid(problems);
  return db
    .transaction(async (tx) => {
      if (await repo.roleCodeTaken(tx, org, input.code)) throw codeTaken();
      const [row] = await repo.insertRoles(tx, [
        { organizationId: org, ...input, createdBy: ctx.actor.userId },
      ]);
      await recordAudit(tx, ctx, [
        {
          action: 'isms_role.created',
          entityType: ROLE_ENTITY,
          entityId: row!.id,
          after: auditable(row!),
        },
      ]);
      return loadRole(tx, org, row!.id);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    });
}

/**
 * Changes a role. Any change raises its version, so holders who acknowledged
 * an earlier version are asked to acknowledge again; retiring a role
 * (`active: false`) keeps its assignments as history.
 */
export async function updateRole(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: IsmsRoleUpdate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  const problems = checkAppRole(patch.appRole);
  if (problems.length) throw invalid(problems);
  return db
    .transaction(async (tx) => {
      const before = await repo.getRoleRow(tx, org, id, true);
      if (!before) throw notFound(ROLE_ENTITY);
      if (before.version !== expectedVersion) throw staleVersion();
      if (patch.code && (await repo.roleCodeTaken(tx, org, patch.code, id))) throw codeTaken();
      if (patch.perUnit !== undefined && patch.perUnit !== before.perUnit) {
        // Assignments name a unit exactly when the role is per unit.
        if (await repo.hasAssignments(tx, org, id)) {
          throw invalid([{ field: 'perUnit', code: 'isms_role_per_unit_assigned' }]);
        }
      }
      const updated = await repo.updateRole(tx, org, id, expectedVersion, patch);
      if (!updated) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'isms_role.updated',
          entityType: ROLE_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(updated)),
        },
      ]);
      return loadRole(tx, org, id);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    });
}
