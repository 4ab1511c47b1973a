import { Alert, Badge, Group, Stack, Stepper, Tabs, Text } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { DecisionsPanel } from './DecisionsPanel';
import { InputsPanel } from './InputsPanel';
import { MinutesPanel } from './MinutesPanel';
import { ReviewActions } from './ReviewActions';
import { ReviewOverview } from './ReviewOverview';
import { ReviewStatusBadge } from './StatusBadge';
import { useReview, type ReviewStatus } from './api';

const STEPS = ['planned', 'inputs_prepared', 'held', 'approved'] as const;
/** How far along the lifecycle a status is (submitted minutes await the last step). */
const STEP_OF: Record<ReviewStatus, number> = {
  planned: 0,
  inputs_prepared: 1,
  held: 2,
  submitted: 3,
  approved: 4,
  cancelled: 0,
};
const TABS = ['overview', 'inputs', 'minutes', 'decisions'] as const;
type Tab = (typeof TABS)[number];

/** One management review: its plan, the input pack, the minutes and the decisions. */
export function ReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'overview';
  const review = useReview(id);

  if (review.isPending) return <LoadingBlock />;
  if (review.isError)
    return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title={`${r.code} ${r.title}`}
        icon={<IconPresentation size={32} aria-hidden="true" />}
        eyebrow={
          <Group gap="xs">
            <ReviewStatusBadge status={r.status} />
            {r.overdue && (
              <Badge color="red" variant="filled">
                {t('reviews.overdue')}
              </Badge>
            )}
            {r.distributedAt && (
              <Badge color="teal" variant="outline">
                {t('reviews.detail.distributedOn', { date: format.date(r.distributedAt) })}
              </Badge>
            )}
          </Group>
        }
        actions={<ReviewActions review={r} />}
      />
      {r.status === 'cancelled' ? (
        <Alert color="gray" title={t('reviews.detail.cancelled')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.cancelReason}
          </Text>
        </Alert>
      ) : (
        <Stepper
          active={STEP_OF[r.status]}
          size="xs"
          allowNextStepsSelect={false}
          aria-label={t('reviews.detail.steps')}
        >
          {STEPS.map((s) => (
            <Stepper.Step key={s} label={t(`reviews.status.${s}`)} />
          ))}
        </Stepper>
      )}
      {r.status === 'submitted' && (
        <Alert color="yellow" variant="light" title={t('reviews.detail.awaitingApproval')}>
          <Text size="sm">{t('reviews.detail.awaitingApprovalBody')}</Text>
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {})}
      >
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`reviews.tabs.${key}`)}
              {key === 'decisions' && r.decisionCount > 0 ? ` (${r.decisionCount})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <ReviewOverview review={r} />}
        </Tabs.Panel>
        <Tabs.Panel value="inputs" pt="lg">
          {tab === 'inputs' && <InputsPanel review={r} />}
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="lg">
          {tab === 'minutes' && <MinutesPanel review={r} />}
        </Tabs.Panel>
        <Tabs.Panel value="decisions" pt="lg">
          {tab === 'decisions' && <DecisionsPanel review={r} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
