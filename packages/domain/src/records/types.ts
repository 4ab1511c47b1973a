import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/records';
import * as assetsRepo from '@mamoru/db/repositories/assets';
import type { RecordTypeCreate, RecordTypeUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';
import { retentionMonths } from './rules.ts';

/** Record types (4.3.3): retention, storage, protection and disposal of a kind of record. */

export const RECORD_TYPE_ENTITY = 'record_type';

type Page = { limit: number; cursor?: string | undefined };

async function checkClassification(db: Executor, org: string, id: string | null | undefined) {
  if (!id) return;
  if (!(await assetsRepo.getClassificationLevel(db, org, id))) {
    throw invalid([{ field: 'classificationId', code: 'reference_not_found' }]);
  }
}

export async function listRecordTypes(
  db: Db,
  ctx: RequestContext,
  q: { active?: 'true' | 'false' | undefined } & Page,
) {
  authorize(ctx.actor, 'isms:read');
  const active = q.active === undefined ? undefined : q.active === 'true';
  return repo.listRecordTypes(db, ctx.actor.organizationId, { active }, q);
}

export async function getRecordType(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getRecordType(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('record type');
  return row;
}

export async function createRecordType(db: Db, ctx: RequestContext, input: RecordTypeCreate) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      if (await repo.recordTypeCodeTaken(tx, org, input.code)) {
        throw conflict('record_type_code_taken', { code: input.code });
      }
      await checkClassification(tx, org, input.classificationId);
      const row = await repo.insertRecordType(tx, {
        organizationId: org,
        code: input.code,
        nameJa: input.name.ja,
        nameEn: input.name.en,
        retentionValue: input.retention.value,
        retentionUnit: input.retention.unit,
        storageLocation: input.storageLocation,
        classificationId: input.classificationId ?? null,
        disposalMethod: input.disposalMethod,
        evidences: input.evidences,
        fields: input.fields,
        controlIds: [...new Set(input.controlIds ?? [])],
      });
      await recordAudit(tx, ctx, [
        {
          action: 'record_type.created',
          entityType: RECORD_TYPE_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getRecordType(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('record_type_code_taken', { code: input.code });
      throw error;
    });
}

/**
 * Changes a record type; a new retention period moves the retention end of
 * every record of the type not yet disposed of, in one statement. New field
 * definitions apply to entries written from now on; stored entries stay as
 * they are until their record is edited. `active: false` retires the type:
 * its records stay, no new record can be made of it.
 */
export async function updateRecordType(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: RecordTypeUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getRecordType(tx, org, id);
      if (!before) throw notFound('record type');
      if (before.version !== expectedVersion) throw staleVersion();
      if (
        patch.code &&
        patch.code !== before.code &&
        (await repo.recordTypeCodeTaken(tx, org, patch.code))
      ) {
        throw conflict('record_type_code_taken', { code: patch.code });
      }
      await checkClassification(tx, org, patch.classificationId);
      const updated = await repo.updateRecordType(tx, org, id, expectedVersion, {
        ...(patch.code !== undefined && { code: patch.code }),
        ...(patch.name && { nameJa: patch.name.ja, nameEn: patch.name.en }),
        ...(patch.retention && {
          retentionValue: patch.retention.value,
          retentionUnit: patch.retention.unit,
        }),
        ...(patch.storageLocation !== undefined && { storageLocation: patch.storageLocation }),
        ...(patch.classificationId !== undefined && { classificationId: patch.classificationId }),
        ...(patch.disposalMethod !== undefined && { disposalMethod: patch.disposalMethod }),
        ...(patch.evidences !== undefined && { evidences: patch.evidences }),
        ...(patch.fields !== undefined && { fields: patch.fields }),
        ...(patch.controlIds !== undefined && { controlIds: [...new Set(patch.controlIds)] }),
        ...(patch.active !== undefined && { active: patch.active }),
      });
      if (!updated) throw staleVersion();
      if (
        patch.retention &&
        (patch.retention.value !== before.retentionValue ||
          patch.retention.unit !== before.retentionUnit)
      ) {
        const months = retentionMonths(patch.retention.value, patch.retention.unit);
        await repo.recomputeRetentionEnds(tx, org, id, months);
      }
      await recordAudit(tx, ctx, [
        {
          action: 'record_type.updated',
          entityType: RECORD_TYPE_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(updated)),
        },
      ]);
      return (await repo.getRecordType(tx, org, id))!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict('record_type_code_taken', { code: patch.code ?? '' });
      throw error;
    });
}
