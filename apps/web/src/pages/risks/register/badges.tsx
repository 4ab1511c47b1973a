import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskDto } from '../api/register';
import { uiLang } from '../catalogs/labels';
import { textColorOn } from '../method/methodForm';

type Level = RiskDto['level'];

/** The value with its band, in the band's colour; '—' before a method is in force. */
export function LevelBadge({ value, level }: { value: number | null; level: Level }) {
  const { i18n } = useTranslation();
  if (value === null) return <Text fz="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm" fw={600} miw={20} ta="right">
        {value}
      </Text>
      {level && (
        <Badge
          radius="sm"
          tt="none"
          size="sm"
          style={{ background: level.color, color: textColorOn(level.color) }}
        >
          {level.label[uiLang(i18n.language)]}
        </Badge>
      )}
    </Group>
  );
}

export function EvaluationBadge({ evaluation }: { evaluation: RiskDto['evaluation'] }) {
  const { t } = useTranslation();
  if (!evaluation) return <Text fz="sm">—</Text>;
  return (
    <Badge variant="light" color={evaluation === 'accept' ? 'teal' : 'red'} tt="none">
      {t(`risks.evaluations.${evaluation}`)}
    </Badge>
  );
}

const acceptanceColor = { none: 'gray', pending: 'yellow', accepted: 'teal', rejected: 'red' };

export function AcceptanceBadge({ status }: { status: RiskDto['residualAcceptance']['status'] }) {
  const { t } = useTranslation();
  if (status === 'none') return <Text fz="sm">—</Text>;
  return (
    <Badge variant="dot" color={acceptanceColor[status]} tt="none" fw={500}>
      {t(`risks.residualStatuses.${status}`)}
    </Badge>
  );
}

const statusColor = { open: 'gray', in_treatment: 'blue', accepted: 'teal', closed: 'dark' };

export function RiskStatusBadge({ status }: { status: RiskDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} tt="none">
      {t(`risks.statuses.${status}`)}
    </Badge>
  );
}
