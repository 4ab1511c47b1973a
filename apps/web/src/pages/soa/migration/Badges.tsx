import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SoaMigrationEntry } from './api';

/** Awaiting review, confirmed by a person, or carried over by an equal mapping. */
export function ReviewBadge({ item }: { item: SoaMigrationEntry }) {
  const { t } = useTranslation();
  const [color, label] =
    item.review === 'pending'
      ? ['orange', t('soaMigration.review.pending')]
      : item.confirmedBy
        ? ['teal', t('soaMigration.review.confirmed')]
        : ['blue', t('soaMigration.review.carried')];
  return (
    <Badge color={color} variant="light" tt="none">
      {label}
    </Badge>
  );
}

export function MigrationDecision({ applicable }: { applicable: boolean | null }) {
  const { t } = useTranslation();
  const key = applicable === null ? 'undecided' : applicable ? 'applicable' : 'excluded';
  return <Text fz="sm">{t(`soa.decision.${key}`)}</Text>;
}
