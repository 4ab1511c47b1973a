import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/records';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { checkUser, authorizeWriteAll } from '../scope/common.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { detachAllFiles } from '../files/service.ts';
import { disposalBlocker } from './rules.ts';
import { RECORD_ENTITY } from './service.ts';

/**
 * Disposal (4.3.3): a request for approval (type `record_disposal`, the ISMS
 * manager by default), refused under legal hold or before the retention end;
 * on approval the record's content and files go and a disposal record stays.
 */

const today = () => new Date().toISOString().slice(0, 10);

export async function requestDisposal(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { reason: string; assigneeUserId?: string | null | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await repo.getRecord(tx, org, id, true);
    if (!row) throw notFound('record');
    if (row.version !== expectedVersion) throw staleVersion();
    const blocker = disposalBlocker(row, today());
    if (blocker) {
      throw conflict(blocker, {
        retentionEnd: row.retentionEnd,
        reason: row.legalHoldReason ?? '',
      });
    }
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'record_disposal',
      entityType: RECORD_ENTITY,
      entityId: row.id,
      entityVersion: row.version + 1,
      title: row.title,
      authorId: ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    await repo.updateRecord(tx, org, id, expectedVersion, {
      status: 'disposal_pending',
      approvalId: approval.id,
      disposalReason: input.reason,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'record.disposal_requested',
        entityType: RECORD_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'disposal_pending', approvalId: approval.id, reason: input.reason },
      },
    ]);
    return (await repo.getRecordView(tx, org, id))!;
  });
}

export async function getDisposal(db: Db, ctx: RequestContext, recordId: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.disposalOf(db, ctx.actor.organizationId, recordId);
  if (!row) throw notFound('record disposal');
  return row;
}

registerApprovalHandler(RECORD_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getRecord(tx, org, approval.entityId, true);
    if (!row || row.approvalId !== approval.id || row.status !== 'disposal_pending') return;
    // A legal hold placed while the request waited wins over the approval.
    const proceed = approval.status === 'approved' && !row.legalHold;
    if (!proceed) {
      await repo.updateRecord(tx, org, row.id, null, {
        status: 'active',
        approvalId: null,
        disposalReason: null,
      });
      await recordAudit(tx, ctx, [
        {
          action: row.legalHold ? 'record.disposal_blocked_by_hold' : 'record.disposal_reopened',
          entityType: RECORD_ENTITY,
          entityId: row.id,
          before: { status: row.status },
          after: { status: 'active', approvalId: approval.id },
        },
      ]);
      return;
    }
    const type = (await repo.getRecordType(tx, org, row.typeId))!;
    const filesDeleted = await detachAllFiles(tx, ctx, { type: RECORD_ENTITY, id: row.id });
    await repo.updateRecord(tx, org, row.id, null, {
      status: 'disposed',
      description: '',
      entries: {},
      searchText: row.title.normalize('NFKC').toLowerCase(),
    });
    const disposal = await repo.insertDisposal(tx, {
      organizationId: org,
      recordId: row.id,
      recordTitle: row.title,
      typeCode: type.code,
      method: type.disposalMethod,
      reason: row.disposalReason ?? '',
      requestedBy: approval.requestedBy,
      approvalId: approval.id,
      approvedBy: approval.decidedBy,
      filesDeleted,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'record.disposed',
        entityType: RECORD_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: 'disposed',
          disposalId: disposal.id,
          method: disposal.method,
          filesDeleted,
        },
      },
    ]);
  },
});
