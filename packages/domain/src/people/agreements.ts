import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-competences';
import type { PersonAgreementCreate, PersonAgreementUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { today } from '../documents/common.ts';
import { detachAllFiles } from '../files/service.ts';
import { registerFileOwner } from '../files/owners.ts';
import { auditable } from '../scope/common.ts';
import { assertManagePerson, assertReadPerson } from './access.ts';

/**
 * Agreements a person signed (annex 6.1.3 confidentiality, 6.1.4 terms of
 * employment, acceptable use), with the signed date and the signed copy as a
 * file (owner type 'person_agreement'). Managed like the person's competences.
 */

export const AGREEMENT_ENTITY = 'person_agreement';

function agreementErrors(a: { signedOn: string; expiresOn: string | null }) {
  const errors: FieldError[] = [];
  if (a.signedOn > today()) errors.push({ field: 'signedOn', code: 'agreement_signed_future' });
  if (a.expiresOn && a.expiresOn < a.signedOn) {
    errors.push({ field: 'expiresOn', code: 'agreement_expiry_before_signed' });
  }
  return errors;
}

async function agreementOf(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const row = await repo.getAgreementRow(db, ctx.actor.organizationId, id, forUpdate);
  if (!row) throw notFound(AGREEMENT_ENTITY);
  return row;
}

export async function createAgreement(
  db: Db,
  ctx: RequestContext,
  userId: string,
  input: PersonAgreementCreate,
) {
  await assertManagePerson(db, ctx, 'people:manage', userId);
  const errors = agreementErrors(input);
  if (errors.length > 0) throw invalid(errors);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    if ((await repo.countAgreements(tx, org, userId)) >= repo.MAX_PER_PERSON) {
      throw invalid([
        { field: 'kind', code: 'person_records_limit', params: { limit: repo.MAX_PER_PERSON } },
      ]);
    }
    const row = await repo.insertAgreement(tx, {
      organizationId: org,
      userId,
      ...input,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'person_agreement.created',
        entityType: AGREEMENT_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return (await repo.getAgreement(tx, org, row.id))!;
  });
}

export async function updateAgreement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: PersonAgreementUpdate,
) {
  const org = ctx.actor.organizationId;
  const found = await agreementOf(db, ctx, id);
  await assertManagePerson(db, ctx, 'people:manage', found.userId);
  return db.transaction(async (tx) => {
    const before = await agreementOf(tx, ctx, id, true);
    if (before.version !== expectedVersion) throw staleVersion();
    const errors = agreementErrors({
      signedOn: patch.signedOn ?? before.signedOn,
      expiresOn: patch.expiresOn !== undefined ? patch.expiresOn : before.expiresOn,
    });
    if (errors.length > 0) throw invalid(errors);
    const updated = await repo.updateAgreement(tx, org, id, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'person_agreement.updated',
        entityType: AGREEMENT_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return (await repo.getAgreement(tx, org, id))!;
  });
}

/** Removes an agreement recorded by mistake, with its signed copy. */
export async function deleteAgreement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  const found = await agreementOf(db, ctx, id);
  await assertManagePerson(db, ctx, 'people:manage', found.userId);
  await db.transaction(async (tx) => {
    const before = await agreementOf(tx, ctx, id, true);
    if (before.version !== expectedVersion) throw staleVersion();
    await detachAllFiles(tx, ctx, { type: AGREEMENT_ENTITY, id });
    if (!(await repo.deleteAgreement(tx, org, id, expectedVersion))) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'person_agreement.removed',
        entityType: AGREEMENT_ENTITY,
        entityId: id,
        before: auditable(before),
      },
    ]);
  });
}

registerFileOwner(AGREEMENT_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const row = await agreementOf(db, ctx, ownerId);
    await assertReadPerson(db, ctx, 'people:read', row.userId);
  },
  async authorizeWrite(db, ctx, ownerId) {
    const row = await agreementOf(db, ctx, ownerId);
    await assertManagePerson(db, ctx, 'people:manage', row.userId);
  },
});
