import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-settings';
import type { OrgChart } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { currentCommitteeMembers } from './committee.ts';

/**
 * The organization chart (5.1.c: who answers for what, where): active units
 * with their heads and member counts, the current holders of ISMS roles by
 * unit, the organization-wide role holders and the committee. Three queries,
 * however large the organization.
 */
export async function orgChart(db: Db, ctx: RequestContext): Promise<OrgChart> {
  authorize(ctx.actor, 'people:read');
  const org = ctx.actor.organizationId;
  const [units, roles, committee] = [
    await repo.chartUnits(db, org),
    await repo.chartRoles(db, org),
    await currentCommitteeMembers(db, org),
  ];
  const holder = (r: repo.ChartRoleRow) => ({
    roleId: r.roleId,
    code: r.code,
    name: r.name,
    kind: r.kind as 'holder' | 'deputy',
    user: { id: r.userId, name: r.userName },
  });
  // A unit shows its per-unit role holders and the members who hold organization-wide roles.
  const byUnit = new Map<string, ReturnType<typeof holder>[]>();
  for (const r of roles) {
    const unitId = r.assignmentUnitId ?? r.userUnitId;
    if (!unitId) continue;
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), holder(r)]);
  }
  return {
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      parentId: u.parentId,
      head: u.headId ? { id: u.headId, name: u.headName ?? '' } : null,
      memberCount: Number(u.memberCount),
      roles: byUnit.get(u.id) ?? [],
    })),
    organizationRoles: roles.filter((r) => r.assignmentUnitId === null).map(holder),
    committee,
  };
}
