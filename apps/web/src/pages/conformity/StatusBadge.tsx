import { Badge } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConformityStatus } from '../../api/conformity';

export const STATUSES: readonly ConformityStatus[] = [
  'not_met',
  'partly_met',
  'not_evidenced',
  'met',
];

export const statusColor: Record<ConformityStatus, string> = {
  met: 'green',
  partly_met: 'yellow',
  not_met: 'red',
  not_evidenced: 'gray',
};

export const statusIcon: Record<ConformityStatus, Icon> = {
  met: IconCircleCheck,
  partly_met: IconCircleHalf2,
  not_met: IconCircleX,
  not_evidenced: IconCircleDashed,
};

/** The status of a requirement item: colour, icon and word (never colour alone). */
export function StatusBadge({ status, size = 'sm' }: { status: ConformityStatus; size?: string }) {
  const { t } = useTranslation();
  const StatusIcon = statusIcon[status];
  return (
    <Badge
      color={statusColor[status]}
      variant="light"
      size={size}
      leftSection={<StatusIcon size={14} aria-hidden="true" />}
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {t(`conformity.status.${status}`)}
    </Badge>
  );
}
