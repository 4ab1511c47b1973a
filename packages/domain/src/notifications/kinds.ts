import { NOTIFICATION_KINDS, type EmailMode, type NotificationKind } from '@mamoru/contracts';

export { NOTIFICATION_KINDS };

/**
 * What waits on someone now (an approval, an incident deadline) is mailed at
 * once; the rest is gathered in the digest, unless the user chooses otherwise.
 */
export const DEFAULT_EMAIL: Record<NotificationKind, EmailMode> = {
  approval_requested: 'immediate',
  incident_deadline: 'immediate',
  due_soon: 'digest',
  overdue: 'digest',
  escalation: 'digest',
};

/** A notification to create: what the event or reminder rule produces. */
export interface NotificationDraft {
  recipientId: string;
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  title: string;
  params: Record<string, string | number>;
  href: string;
  /** Unique per recipient: the same key is never notified twice. */
  dedupeKey: string;
}
