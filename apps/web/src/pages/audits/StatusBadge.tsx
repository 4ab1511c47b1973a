import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from './api';

const COLORS: Record<AuditStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  reported: 'violet',
  follow_up: 'yellow',
  closed: 'teal',
};

export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`audits.status.${status}`)}
    </Badge>
  );
}
