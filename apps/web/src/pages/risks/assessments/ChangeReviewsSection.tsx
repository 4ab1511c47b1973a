import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { RISK_CHANGE_KINDS } from '@mamoru/contracts';
import { IconCalendarCheck, IconPlus } from '@tabler/icons-react';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { AreaStrings } from '../../../i18n/lazy-areas';
import { toDateInput } from '../../../lib/format';
import type { RiskAssessment } from '../api/assessments';
import {
  useChangeReview,
  useChangeReviews,
  useRecentChangeReviews,
  type ChangeReviewFilter,
  type RiskChangeKind,
  type RiskChangeOutcome,
  type RiskChangeReview,
} from '../api/change-reviews';
import { useSession } from '../../../session/useSession';
import { ChangeReviewModal } from './ChangeReviewModal';
import { ChangeReviewsTable } from './ChangeReviewsTable';
import { ChangeStatusStrip } from './ChangeStatusStrip';
import { changeStatus, twelveMonthsBefore } from './changeStatus';

type Editing = { review: RiskChangeReview | null } | null;

function Section({ runs }: { runs: readonly RiskAssessment[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const write = can('isms:write');
  const [params] = useSearchParams();
  const highlight = params.get('changeReview');
  const [filter, setFilter] = useState<ChangeReviewFilter>({ kind: null, outcome: null });
  const [editing, setEditing] = useState<Editing>(null);
  const today = toDateInput(new Date());
  const recent = useRecentChangeReviews(twelveMonthsBefore(today));
  const status = useMemo(() => changeStatus(recent.data ?? [], today), [recent.data, today]);
  const list = useChangeReviews(filter);
  const reviews = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filter.kind !== null || filter.outcome !== null;
  // The review named in the address may sit on a later page or outside the filters.
  const listed = reviews.some((r) => r.id === highlight);
  const linked = useChangeReview(list.isSuccess && !listed ? highlight : null);
  const recordButton = write && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setEditing({ review: null })}
    >
      {t('riskChanges.record')}
    </Button>
  );

  return (
    <Card withBorder radius="lg" shadow="xs" component="section" aria-labelledby="change-reviews">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4} maw={760}>
            <Text fw={600} id="change-reviews" component="h2" fz="md" m={0}>
              {t('riskChanges.title')}
            </Text>
            <Text fz="sm" c="dimmed">
              {t('riskChanges.intro')}
            </Text>
          </Stack>
          {recordButton}
        </Group>
        {recent.isError ? (
          <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
        ) : recent.isPending ? (
          <LoadingRows rows={1} />
        ) : (
          <ChangeStatusStrip status={status} />
        )}
        {highlight && !listed && linked.isError && (
          <Alert color="orange" variant="light" role="alert">
            {isApiError(linked.error) && linked.error.status === 404
              ? t('riskChanges.notFound')
              : linked.error.message}
          </Alert>
        )}
        {highlight && !listed && linked.data && (
          <Card withBorder radius="md" padding={0}>
            <ChangeReviewsTable
              reviews={[linked.data]}
              highlight={highlight}
              onEdit={write ? (review) => setEditing({ review }) : null}
            />
          </Card>
        )}
        <Group gap="sm">
          <Select
            label={t('riskChanges.filters.kind')}
            placeholder={t('riskChanges.filters.all')}
            data={RISK_CHANGE_KINDS.map((k) => ({ value: k, label: t(`riskChanges.kinds.${k}`) }))}
            value={filter.kind}
            onChange={(v) => setFilter((f) => ({ ...f, kind: v as RiskChangeKind | null }))}
            clearable
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('riskChanges.filters.outcome')}
            placeholder={t('riskChanges.filters.all')}
            data={(['changed', 'no_change'] as const).map((o) => ({
              value: o,
              label: t(`riskChanges.outcomes.${o}`),
            }))}
            value={filter.outcome}
            onChange={(v) => setFilter((f) => ({ ...f, outcome: v as RiskChangeOutcome | null }))}
            clearable
            w={180}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {list.isPending ? (
          <LoadingRows rows={3} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : reviews.length === 0 ? (
          <EmptyBlock
            icon={<IconCalendarCheck size={28} stroke={1.5} aria-hidden="true" />}
            title={filtered ? t('riskChanges.emptyFiltered') : t('riskChanges.empty')}
            description={filtered ? undefined : t('riskChanges.emptyHint')}
            action={(!filtered && recordButton) || undefined}
          />
        ) : (
          <>
            <ChangeReviewsTable
              reviews={reviews}
              highlight={highlight}
              onEdit={write ? (review) => setEditing({ review }) : null}
            />
            {list.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                >
                  {t('common.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {editing && (
        <ChangeReviewModal review={editing.review} runs={runs} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

/** Reviews of change (4.2.3.c.1–5) on the assessments tab; its strings load with it. */
export function ChangeReviewsSection({ runs }: { runs: readonly RiskAssessment[] }) {
  return (
    <Suspense fallback={<LoadingRows rows={3} />}>
      <AreaStrings area="riskChanges">
        <Section runs={runs} />
      </AreaStrings>
    </Suspense>
  );
}
