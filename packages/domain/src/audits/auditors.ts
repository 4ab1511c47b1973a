import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits';
import * as facts from '@mamoru/db/repositories/audits-independence';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { InternalAuditorCreate, InternalAuditorUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';
import { findConflicts, refuseConflicts } from './independence-check.ts';

/**
 * The register of internal auditors (6.4): qualifications, training with its
 * evidence, and the units an auditor belongs to beyond their primary unit.
 */

export const AUDITOR_ENTITY = 'internal_auditor';

type Page = { limit: number; cursor?: string | undefined };

const links = (items: InternalAuditorCreate['evidence']) =>
  items.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));

async function checkUnits(db: Executor, org: string, unitIds: string[]) {
  const distinct = [...new Set(unitIds)];
  if ((await facts.countExisting(db, org, 'org_units', distinct)) !== distinct.length) {
    throw invalid([{ field: 'unitIds', code: 'reference_not_found' }]);
  }
  return distinct;
}

export async function listAuditors(
  db: Db,
  ctx: RequestContext,
  q: { active?: 'true' | 'false' | undefined } & Page,
) {
  authorize(ctx.actor, 'audits:read');
  const active = q.active === undefined ? undefined : q.active === 'true';
  return repo.listAuditors(db, ctx.actor.organizationId, { active }, q);
}

export async function getAuditor(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'audits:read');
  const row = await repo.getAuditor(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('internal auditor');
  return row;
}

export async function createAuditor(db: Db, ctx: RequestContext, input: InternalAuditorCreate) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      if (!(await usersRepo.getUser(tx, org, input.userId))) {
        throw invalid([{ field: 'userId', code: 'reference_not_found' }]);
      }
      if (await repo.auditorOfUser(tx, org, input.userId))
        throw conflict('internal_auditor_exists');
      const row = await repo.insertAuditor(tx, {
        organizationId: org,
        userId: input.userId,
        qualifications: input.qualifications,
        training: input.training,
        evidence: links(input.evidence),
        unitIds: await checkUnits(tx, org, input.unitIds),
      });
      await recordAudit(tx, ctx, [
        {
          action: 'internal_auditor.created',
          entityType: AUDITOR_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getAuditor(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('internal_auditor_exists');
      throw error;
    });
}

/**
 * Changes an auditor's entry. New units are checked against every audit not yet
 * closed that the auditor is on: a change that would make them audit their own
 * unit is refused (422 naming the audits), never stored with a warning.
 */
export async function updateAuditor(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: InternalAuditorUpdate,
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAuditor(tx, org, id);
    if (!before) throw notFound('internal auditor');
    if (before.version !== expectedVersion) throw staleVersion();
    const unitIds = patch.unitIds ? await checkUnits(tx, org, patch.unitIds) : undefined;
    if (unitIds) {
      const onTeams = await facts.openAuditsWithTeams(tx, org, { memberUserId: before.userId });
      const units = [...(before.primaryUnitId ? [before.primaryUnitId] : []), ...unitIds];
      const conflicts = await findConflicts(tx, org, onTeams, {
        userId: before.userId,
        unitIds: units,
      });
      refuseConflicts(
        conflicts.filter((c) => c.user.id === before.userId),
        () => 'unitIds',
      );
    }
    const updated = await repo.updateAuditor(tx, org, id, expectedVersion, {
      ...(patch.qualifications !== undefined && { qualifications: patch.qualifications }),
      ...(patch.training !== undefined && { training: patch.training }),
      ...(patch.evidence !== undefined && { evidence: links(patch.evidence) }),
      ...(unitIds !== undefined && { unitIds }),
      ...(patch.active !== undefined && { active: patch.active }),
    });
    if (!updated) throw staleVersion();
    const { userName: _n, primaryUnitId: _p, primaryUnitName: _pn, units: _u, ...stored } = before;
    await recordAudit(tx, ctx, [
      {
        action: 'internal_auditor.updated',
        entityType: AUDITOR_ENTITY,
        entityId: id,
        ...diff(auditable(stored), auditable(updated)),
      },
    ]);
    return (await repo.getAuditor(tx, org, id))!;
  });
}
