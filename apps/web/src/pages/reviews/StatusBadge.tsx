import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from './api';

const COLOR: Record<ReviewStatus, string> = {
  planned: 'blue',
  inputs_prepared: 'cyan',
  held: 'violet',
  submitted: 'yellow',
  approved: 'teal',
  cancelled: 'gray',
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[status]}>
      {t(`reviews.status.${status}`)}
    </Badge>
  );
}
