import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** A translation for a key built from server data (role, permission, action), or the raw code. */
function dynamicLabel(key: string, fallback: string, options?: Record<string, unknown>) {
  const t = i18n.t as unknown as LooseT;
  return i18n.exists(key) ? t(key, options) : fallback;
}

export function roleLabel(role: string) {
  return dynamicLabel(`roles.names.${role}.name`, role);
}

export function roleDescription(role: string) {
  return dynamicLabel(`roles.names.${role}.description`, '');
}

/** Permission codes are `resource:action`; their labels live under permissions.<resource>.<action>. */
export function permissionLabel(permission: string) {
  return dynamicLabel(`permissions.${permission.replace(':', '.')}`, permission);
}

export function permissionGroupLabel(permission: string) {
  const resource = permission.split(':')[0] ?? permission;
  return dynamicLabel(`permissions.groups.${resource}`, resource);
}

export function approvalTypeLabel(type: string) {
  return dynamicLabel(`approvalTypes.${type}`, type);
}

/**
 * An approval's title in the reader's language: the server stores only the
 * object's own name (`title`), the words around it come from the type's template
 * (`approvals.titles.<type>`, or the generic one for a type without its own).
 */
export function approvalTitle(approval: {
  approvalType: string;
  entityType?: string;
  entityId?: string;
  entityVersion: number;
  title: string;
  proposal?: Record<string, unknown> | null;
}) {
  const t = i18n.t as unknown as LooseT;
  // Change requests of the controls (policy changes, role grants, evidence deletion)
  // are worded from what they propose.
  const p = approval.proposal ?? {};
  if (approval.approvalType === 'approval_policy' && approval.entityId) {
    return t('approvals.subject.approvalPolicy', { type: approvalTypeLabel(approval.entityId) });
  }
  if (approval.approvalType === 'role_grant') {
    const roles = Array.isArray(p.roles) ? (p.roles as string[]) : [];
    return t('approvals.subject.roleGrant', {
      roles: roles.map(roleLabel).join(i18n.language === 'ja' ? '、' : ', '),
      name: typeof p.userName === 'string' ? p.userName : '',
    });
  }
  if (approval.entityType === 'file' && typeof p.fileName === 'string') {
    return t('approvals.subject.fileDeletion', { name: p.fileName });
  }
  const options = {
    type: approvalTypeLabel(approval.approvalType),
    version: approval.entityVersion,
    subject: approval.title,
  };
  const own = `approvals.titles.${approval.approvalType}`;
  if (i18n.exists(own)) return dynamicLabel(own, approval.title, options);
  const generic = approval.title ? 'approvals.titles.default' : 'approvals.titles.defaultNoSubject';
  return dynamicLabel(generic, approval.title, options);
}

/**
 * Audit actions are `entity.verb`; unknown ones show as they are. Their labels
 * load with the audit log (i18n/lazy-areas.tsx: area auditLabels).
 */
export function auditActionLabel(action: string) {
  return dynamicLabel(`auditLabels.actions.${action.replace('.', '_')}`, action);
}

export function entityTypeLabel(type: string) {
  return dynamicLabel(`auditLabels.entityTypes.${type}`, type);
}

export function localeLabel(locale: string) {
  return dynamicLabel(`language.${locale}`, locale);
}

/** Re-renders the caller when the language changes (the label helpers read i18n directly). */
export function useLabels() {
  const { i18n: instance } = useTranslation();
  return {
    language: instance.resolvedLanguage ?? instance.language,
    roleLabel,
    roleDescription,
    permissionLabel,
    permissionGroupLabel,
    approvalTypeLabel,
    approvalTitle,
    auditActionLabel,
    entityTypeLabel,
    localeLabel,
  };
}
