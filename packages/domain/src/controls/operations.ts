import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/controls';
import type { ControlOperationPut } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, checkUser, isUniqueViolation } from '../scope/common.ts';
import { readableControl } from './access.ts';
import { presentOperation } from './presenters.ts';

/**
 * A control's operation (4.2.2.c): status, owner, notes and the reason no
 * procedure evidences it. Written to control_operations only: the approved
 * SoA is never touched, so keeping this current does not reopen the SoA.
 */

export const OPERATION_ENTITY = 'control_operation';

/** Version 0 creates the operation; otherwise the version must be the current one. */
export async function putOperation(
  db: Db,
  ctx: RequestContext,
  controlId: string,
  expectedVersion: number,
  input: ControlOperationPut,
) {
  const reach = authorize(ctx.actor, 'controls:operate');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const entry = await readableControl(tx, ctx, controlId);
      if (entry.applicable !== true) throw conflict('control_not_applicable', { controlId });
      const problems = await checkUser(tx, org, input.ownerUserId, 'ownerUserId');
      if (problems.length > 0) throw invalid(problems);
      const before = await repo.getOperation(tx, org, controlId);
      // 'own' reach: only the operation's owner, who may not hand it to someone else.
      if (reach === 'own') {
        const me = ctx.actor.userId;
        if (!before || before.operation.ownerUserId !== me || input.ownerUserId !== me) {
          throw forbidden('forbidden_not_owner', { permission: 'controls:operate' });
        }
      }
      const values = {
        status: input.status,
        ownerUserId: input.ownerUserId,
        notes: input.notes,
        noProcedureReason: input.noProcedureReason,
        updatedBy: ctx.actor.userId,
      };
      if (!before) {
        if (expectedVersion !== 0) throw staleVersion();
        const row = await repo.insertOperation(tx, { organizationId: org, controlId, ...values });
        await recordAudit(tx, ctx, [
          {
            action: 'control_operation.created',
            entityType: OPERATION_ENTITY,
            entityId: row.id,
            after: auditable(row),
          },
        ]);
      } else {
        if (before.operation.version !== expectedVersion) throw staleVersion();
        const row = await repo.updateOperation(tx, org, controlId, expectedVersion, values);
        if (!row) throw staleVersion();
        await recordAudit(tx, ctx, [
          {
            action: 'control_operation.updated',
            entityType: OPERATION_ENTITY,
            entityId: row.id,
            ...diff(auditable(before.operation), auditable(row)),
          },
        ]);
      }
      return presentOperation((await repo.getOperation(tx, org, controlId))!);
    })
    .catch((error: unknown) => {
      // Two first writes at once: the second is stale.
      if (isUniqueViolation(error)) throw staleVersion();
      throw error;
    });
}
