import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-competences';
import type { PersonCompetenceCreate, PersonCompetenceUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { detachAllFiles } from '../files/service.ts';
import { registerFileOwner } from '../files/owners.ts';
import { auditable } from '../scope/common.ts';
import { assertManagePerson, assertReadPerson } from './access.ts';

/**
 * A person's qualifications, certificates and skills with their expiry
 * (5.2.2.d), each optionally meeting a competence requirement; certificates
 * and other evidence are files (owner type 'person_competence'). Whoever
 * manages the person records them: the ISMS manager, or the head of the
 * person's unit, never for themself.
 */

export const COMPETENCE_ENTITY = 'person_competence';

/** Dates in order, a requirement of the organization that a competence can meet. */
async function competenceErrors(
  db: Executor,
  org: string,
  c: { requirementId: string | null; obtainedOn: string | null; expiresOn: string | null },
) {
  const errors: FieldError[] = [];
  if (c.obtainedOn && c.expiresOn && c.expiresOn < c.obtainedOn) {
    errors.push({ field: 'expiresOn', code: 'competence_expiry_before_obtained' });
  }
  if (c.requirementId) {
    const kind = await repo.requirementKind(db, org, c.requirementId);
    if (!kind) errors.push({ field: 'requirementId', code: 'reference_not_found' });
    // Training requirements are met by completing the course, not by a recorded competence.
    else if (kind === 'training') {
      errors.push({ field: 'requirementId', code: 'competence_requirement_training' });
    }
  }
  return errors;
}

async function competenceOf(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = await repo.getCompetenceRow(db, ctx.actor.organizationId, id, forUpdate);
  if (!row) throw notFound(COMPETENCE_ENTITY);
  return row;
}

export async function createCompetence(
  db: Db,
  ctx: RequestContext,
  userId: string,
  input: PersonCompetenceCreate,
) {
  await assertManagePerson(db, ctx, 'people:manage', userId);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const errors = await competenceErrors(tx, org, input);
    if (errors.length > 0) throw invalid(errors);
    if ((await repo.countCompetences(tx, org, userId)) >= repo.MAX_PER_PERSON) {
      throw invalid([
        { field: 'name', code: 'person_records_limit', params: { limit: repo.MAX_PER_PERSON } },
      ]);
    }
    const row = await repo.insertCompetence(tx, {
      organizationId: org,
      userId,
      ...input,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'person_competence.created',
        entityType: COMPETENCE_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return (await repo.getCompetence(tx, org, row.id))!;
  });
}

export async function updateCompetence(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: PersonCompetenceUpdate,
) {
  const org = ctx.actor.organizationId;
  const found = await competenceOf(db, ctx, id);
  await assertManagePerson(db, ctx, 'people:manage', found.userId);
  return db.transaction(async (tx) => {
    const before = await competenceOf(tx, ctx, id, true);
    if (before.version !== expectedVersion) throw staleVersion();
    const next = {
      requirementId: patch.requirementId !== undefined ? patch.requirementId : before.requirementId,
      obtainedOn: patch.obtainedOn !== undefined ? patch.obtainedOn : before.obtainedOn,
      expiresOn: patch.expiresOn !== undefined ? patch.expiresOn : before.expiresOn,
    };
    const errors = await competenceErrors(tx, org, {
      ...next,
      // A link kept as it was is not judged again (the requirement may have changed kind).
      requirementId: next.requirementId === before.requirementId ? null : next.requirementId,
    });
    if (errors.length > 0) throw invalid(errors);
    const updated = await repo.updateCompetence(tx, org, id, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'person_competence.updated',
        entityType: COMPETENCE_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return (await repo.getCompetence(tx, org, id))!;
  });
}

/** Removes a competence with its evidence files (each removal in the audit trail). */
export async function deleteCompetence(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  const found = await competenceOf(db, ctx, id);
  await assertManagePerson(db, ctx, 'people:manage', found.userId);
  await db.transaction(async (tx) => {
    const before = await competenceOf(tx, ctx, id, true);
    if (before.version !== expectedVersion) throw staleVersion();
    await detachAllFiles(tx, ctx, { type: COMPETENCE_ENTITY, id });
    if (!(await repo.deleteCompetence(tx, org, id, expectedVersion))) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'person_competence.removed',
        entityType: COMPETENCE_ENTITY,
        entityId: id,
        before: auditable(before),
      },
    ]);
  });
}

// Evidence is read by whoever reads the person, and changed by whoever manages them.
registerFileOwner(COMPETENCE_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const row = await competenceOf(db, ctx, ownerId);
    await assertReadPerson(db, ctx, 'people:read', row.userId);
  },
  async authorizeWrite(db, ctx, ownerId) {
    const row = await competenceOf(db, ctx, ownerId);
    await assertManagePerson(db, ctx, 'people:manage', row.userId);
  },
});
