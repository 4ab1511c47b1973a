import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Objective } from './api';
import type { ReasonKey } from './keys';

const PROGRESS_COLOR: Record<Objective['progress'], string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  missed: 'red',
  achieved: 'blue',
  withdrawn: 'gray',
};

/** Where the objective stands, and why when it is at risk or missed. */
export function ProgressBadges({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={PROGRESS_COLOR[objective.progress]}>
        {t(`objectives.progress.${objective.progress}`)}
      </Badge>
      {objective.reasons.map((r) => (
        <Badge key={r} variant="outline" color="gray" size="sm">
          {t(`objectives.reasons.${r as ReasonKey}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The share of the way from baseline to target the latest value has come. */
export function PercentBar({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} miw={120}>
      <Text fz="xs">{t('objectives.percentOf', { percent: objective.percent })}</Text>
      <Progress
        value={objective.percent}
        color={PROGRESS_COLOR[objective.progress]}
        aria-label={t('objectives.percentOf', { percent: objective.percent })}
      />
    </Stack>
  );
}
