import { useTranslation } from 'react-i18next';
import type { Approval } from '../api/types';
import { approvalTypeLabel, roleLabel } from './labels';

/**
 * Titles and link targets of the change requests the server words only in
 * English (policy changes, role grants, evidence deletion): the reader's
 * language from the request's proposal; other requests keep their own title.
 */
export function useApprovalTitle() {
  const { t } = useTranslation();
  return (approval: Approval): string => {
    const p = approval.proposal ?? {};
    if (approval.approvalType === 'approval_policy') {
      return t('approvals.subject.approvalPolicy', { type: approvalTypeLabel(approval.entityId) });
    }
    if (approval.approvalType === 'role_grant') {
      const roles = Array.isArray(p.roles) ? (p.roles as string[]) : [];
      return t('approvals.subject.roleGrant', {
        roles: roles.map(roleLabel).join(', '),
        name: typeof p.userName === 'string' ? p.userName : '',
      });
    }
    if (approval.entityType === 'file' && typeof p.fileName === 'string') {
      return t('approvals.subject.fileDeletion', { name: p.fileName });
    }
    return approval.title;
  };
}

/** Where the object of a request is shown, when the web app has a page for it. */
export function approvalLink(approval: Approval): string | null {
  const p = approval.proposal ?? {};
  if (approval.approvalType === 'approval_policy') return '/admin/approvals';
  if (approval.approvalType === 'role_grant') return '/admin/users';
  if (approval.entityType === 'file' && p.ownerType === 'record' && typeof p.ownerId === 'string') {
    return `/records/${p.ownerId}`;
  }
  if (approval.entityType === 'record') return `/records/${approval.entityId}`;
  return null;
}
