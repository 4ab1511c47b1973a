import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-roles';
import type { RoleAssignmentCreate, RoleAssignmentUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { auditable } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';
import { ROLE_ENTITY } from './roles.ts';
import { presentAssignment } from './roles-presenters.ts';

/**
 * Who holds an ISMS role and who deputizes (5.1.c). The ISMS manager assigns;
 * an assignment is ended (endsOn) rather than deleted, so the history of who
 * answered for what stays. A person holds one open assignment per role and
 * unit at a time, as holder or as deputy.
 */

export const ASSIGNMENT_ENTITY = 'isms_role_assignment';

const today = () => new Date().toISOString().slice(0, 10);

export async function loadAssignment(db: Executor, org: string, id: string) {
  const row = await repo.getAssignment(db, org, id);
  if (!row) throw notFound(ASSIGNMENT_ENTITY);
  return presentAssignment(row);
}

/** The user must be an active user of the organization; the unit an active unit of it. */
async function checkPersonAndUnit(
  db: Executor,
  org: string,
  userId: string,
  orgUnitId: string | null,
): Promise<FieldError[]> {
  const state = await repo.personAndUnitState(db, org, userId, orgUnitId);
  const problems: FieldError[] = [];
  if (state.userActive === null) {
    problems.push({ field: 'userId', code: 'reference_not_found' });
  } else if (!state.userActive) {
    problems.push({ field: 'userId', code: 'role_assignment_user_inactive' });
  }
  if (orgUnitId && !state.unitActive) {
    problems.push({ field: 'orgUnitId', code: 'reference_not_found' });
  }
  return problems;
}

function checkDates(startsOn: string, endsOn: string | null): FieldError[] {
  return endsOn !== null && endsOn < startsOn
    ? [{ field: 'endsOn', code: 'role_assignment_end_before_start' }]
    : [];
}

export async function createAssignment(
  db: Db,
  ctx: RequestContext,
  roleId: string,
  input: RoleAssignmentCreate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const role = await repo.getRoleRow(tx, org, roleId, true);
    if (!role) throw notFound(ROLE_ENTITY);
    if (!role.active) throw conflict('isms_role_inactive');
    const startsOn = input.startsOn ?? today();
    const problems = [
      ...(await checkPersonAndUnit(tx, org, input.userId, input.orgUnitId)),
      ...checkDates(startsOn, input.endsOn),
    ];
    // A per-unit role is held for a unit; an organization-wide one for none.
    if (role.perUnit && !input.orgUnitId) {
      problems.push({ field: 'orgUnitId', code: 'role_assignment_unit_required' });
    }
    if (!role.perUnit && input.orgUnitId) {
      problems.push({ field: 'orgUnitId', code: 'role_assignment_unit_not_per_unit' });
    }
    if (problems.length) throw invalid(problems);
    const key = { roleId, userId: input.userId, orgUnitId: input.orgUnitId, startsOn };
    if (await repo.overlappingAssignment(tx, org, key)) {
      throw invalid([{ field: 'userId', code: 'role_assignment_duplicate' }]);
    }
    const row = await repo.insertAssignment(tx, {
      organizationId: org,
      roleId,
      userId: input.userId,
      kind: input.kind,
      orgUnitId: input.orgUnitId,
      startsOn,
      endsOn: input.endsOn,
      note: input.note,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'isms_role_assignment.created',
        entityType: ASSIGNMENT_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return loadAssignment(tx, org, row.id);
  });
}

/** Ends or corrects an assignment; its person, role and unit stay. */
export async function updateAssignment(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: RoleAssignmentUpdate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAssignmentRow(tx, org, id, true);
    if (!before) throw notFound(ASSIGNMENT_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn === undefined ? before.endsOn : patch.endsOn;
    const problems = checkDates(startsOn, endsOn);
    if (problems.length) throw invalid(problems);
    const key = {
      roleId: before.roleId,
      userId: before.userId,
      orgUnitId: before.orgUnitId,
      startsOn,
    };
    if (await repo.overlappingAssignment(tx, org, key, id)) {
      throw invalid([{ field: 'startsOn', code: 'role_assignment_duplicate' }]);
    }
    const updated = await repo.updateAssignment(tx, org, id, expectedVersion, {
      kind: patch.kind ?? before.kind,
      startsOn,
      endsOn,
      note: patch.note ?? before.note,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'isms_role_assignment.updated',
        entityType: ASSIGNMENT_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return loadAssignment(tx, org, id);
  });
}
