import type { TFunction } from 'i18next';
import type { Notification } from './api';

/** A notification's sentence in the reader's language, from its kind and parameters. */
export function notificationMessage(
  t: TFunction,
  n: Notification,
  approvalType: string,
  language: string,
) {
  const p = n.params;
  const item = t(`notifications.itemKinds.${String(p.itemKind)}`, {
    defaultValue: String(p.itemKind ?? ''),
  });
  switch (n.kind) {
    case 'approval_requested':
      return t(
        n.title
          ? 'notifications.message.approval_requested'
          : 'notifications.message.approval_requested_untitled',
        {
          type: approvalType,
          title: n.title,
          version: p.version,
        },
      );
    case 'incident_deadline':
      return t(
        p.passed
          ? 'notifications.message.incident_deadline_passed'
          : 'notifications.message.incident_deadline_near',
        {
          reference: p.reference,
          title: n.title,
          obligation: language === 'en' ? p.obligationEn || p.obligation : p.obligation,
        },
      );
    case 'escalation':
      return t('notifications.message.escalation', {
        name: p.responsibleName,
        days: p.days,
        item,
        title: n.title,
      });
    default:
      return t(`notifications.message.${n.kind}`, {
        dueOn: p.dueOn,
        days: p.days,
        item,
        title: n.title,
      });
  }
}
