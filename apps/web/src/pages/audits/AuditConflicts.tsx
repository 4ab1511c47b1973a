import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConflicts } from './api';

/**
 * Independence conflicts that arose after assignment (a changed unit, a new
 * document approval): of one audit, or of every open audit. Nothing when none.
 */
export function AuditConflicts({ auditId }: { auditId?: string }) {
  const { t } = useTranslation();
  const conflicts = useConflicts(auditId);
  const items = conflicts.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden="true" />}
      title={t('audits.conflicts.title')}
    >
      <Text size="sm" mb="xs">
        {t('audits.conflicts.intro')}
      </Text>
      <List size="sm">
        {items.map((c) => (
          <List.Item key={`${c.auditId}-${c.user.id}-${c.objectId}`}>
            {t(`audits.conflicts.kinds.${c.kind}`, { user: c.user.name, object: c.objectLabel })}
            {!auditId && ` ${t('audits.conflicts.inAudit', { code: c.auditCode })}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
