import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/files';
import type { FileView } from '@mamoru/db/repositories/files';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { fileOwnerAccess, type FileOwnerAccess } from './owners.ts';

/**
 * Deleting evidence is disposal: one person asks, a second approves (the
 * owner's approval type, e.g. `record_disposal`), and the bytes go only then,
 * unless what bars it (a legal hold placed meanwhile) still stands.
 */

export const FILE_ENTITY = 'file';

export async function requestFileDeletion(
  tx: Executor,
  ctx: RequestContext,
  file: FileView,
  rule: NonNullable<FileOwnerAccess['deletionApproval']>,
) {
  const approval = await requestApproval(tx, ctx, {
    approvalType: rule.approvalType,
    entityType: FILE_ENTITY,
    entityId: file.id,
    entityVersion: 1,
    // The stored title is the English fallback; the web app words it per language.
    title: `File deletion: ${file.originalName}`,
    authorId: ctx.actor.userId,
    proposal: {
      fileName: file.originalName,
      sha256: file.sha256,
      ownerType: file.ownerType,
      ownerId: file.ownerId,
    },
  });
  await recordAudit(tx, ctx, [
    {
      action: 'file.deletion_requested',
      entityType: FILE_ENTITY,
      entityId: file.id,
      after: { approvalId: approval.id, owner: `${file.ownerType}:${file.ownerId}` },
    },
  ]);
  return approval;
}

registerApprovalHandler(FILE_ENTITY, {
  async onDecided(tx, ctx, approval) {
    if (approval.status !== 'approved') return;
    const org = approval.organizationId;
    const file = await repo.getFile(tx, org, approval.entityId);
    // Gone already (its record was disposed of meanwhile): nothing left to do.
    if (!file) return;
    const rule = fileOwnerAccess(file.ownerType).deletionApproval;
    const blocker = rule ? await rule.blocker(tx, org, file.ownerId) : null;
    if (blocker) {
      await recordAudit(tx, ctx, [
        {
          action: 'file.deletion_blocked',
          entityType: FILE_ENTITY,
          entityId: file.id,
          after: { approvalId: approval.id, reason: blocker },
        },
      ]);
      return;
    }
    await repo.deleteFiles(tx, org, { id: file.id });
    await recordAudit(tx, ctx, [
      {
        action: 'file.deleted',
        entityType: FILE_ENTITY,
        entityId: file.id,
        before: { sha256: file.sha256, originalName: file.originalName },
        after: { approvalId: approval.id },
      },
    ]);
  },
});
