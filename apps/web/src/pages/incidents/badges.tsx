import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import type { IncidentListItem, IncidentStatus } from './api';

const statusColor: Record<IncidentStatus, string> = {
  reported: 'orange',
  triaged: 'blue',
  contained: 'grape',
  eradicated: 'indigo',
  recovered: 'teal',
  closed: 'gray',
};
/**
 * Priority 1 is the most urgent. Shades chosen so that the filled badge's text,
 * white or black by autoContrast, keeps WCAG AA contrast (white on red.7 does not).
 */
const priorityColor = ['red.9', 'orange.4', 'yellow.4', 'gray.3'];

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const tt = useIncidentsT();
  return (
    <Badge variant="light" color={statusColor[status]}>
      {tt(`common.statuses.${status}`)}
    </Badge>
  );
}

/** Priority, triage overdue, overdue clocks and confidentiality of a listed incident. */
export function IncidentBadges({ item }: { item: IncidentListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {item.priority != null && (
        <Badge variant="filled" autoContrast color={priorityColor[item.priority - 1] ?? 'gray.3'}>
          {t('incidents.common.priority', { value: item.priority })}
        </Badge>
      )}
      {item.triageOverdue && (
        <Badge variant="light" color="red">
          {t('incidents.list.triageOverdue')}
        </Badge>
      )}
      {item.overdueClocks > 0 && (
        <Badge variant="light" color="red">
          {t('incidents.list.overdueClocks', { count: item.overdueClocks })}
        </Badge>
      )}
      {item.confidential && (
        <Badge variant="outline" color="dark">
          {t('incidents.common.confidential')}
        </Badge>
      )}
      {item.personalData && (
        <Badge variant="outline" color="violet">
          {t('incidents.common.personalData')}
        </Badge>
      )}
    </Group>
  );
}
