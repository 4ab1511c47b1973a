import type { Executor } from '@mamoru/db';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { activeUsersWith } from '@mamoru/db/repositories/notifications';
import { READ_ONLY_ROLES, type Role } from '../identity/permissions.ts';
import { notify } from './create.ts';

/**
 * An approval request tells everyone who may decide it: the named assignee,
 * or the holders of the approver role(s). Segregation of duties as the
 * decision applies it: never the requester, nor the author where the request
 * segregates, nor the person a role grant is for; read-only roles never decide.
 */
export async function notifyApprovalRequested(
  tx: Executor,
  approval: ApprovalRow,
  approverRoles: readonly Role[],
) {
  const author = approval.authorId ?? approval.requestedBy;
  const exclude = [approval.requestedBy];
  if (approval.segregateAuthor && author) exclude.push(author);
  if (approval.entityType === 'user') exclude.push(approval.entityId);
  const users = await activeUsersWith(tx, approval.organizationId, {
    roles: approval.assigneeUserId ? [] : [...approverRoles],
    userIds: approval.assigneeUserId ? [approval.assigneeUserId] : [],
    exclude: exclude.filter((id): id is string => !!id),
  });
  const deciders = users.filter(
    (u) => !u.roles.some((r) => (READ_ONLY_ROLES as readonly string[]).includes(r)),
  );
  return notify(
    tx,
    approval.organizationId,
    deciders.map((u) => ({
      recipientId: u.id,
      kind: 'approval_requested',
      subjectType: 'approval',
      subjectId: approval.id,
      title: approval.title,
      params: { approvalType: approval.approvalType, version: approval.entityVersion },
      href: '/approvals',
      dedupeKey: `approval_requested:${approval.id}`,
    })),
  );
}
