import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconPlus,
  IconPresentation,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewStatusSchema } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useReviewList, useReviewSettings, type ManagementReview, type ReviewStatus } from './api';
import { ReviewFormModal } from './ReviewFormModal';
import { SettingsModal } from './SettingsModal';
import { ReviewStatusBadge } from './StatusBadge';

const today = () => new Date().toISOString().slice(0, 10);
const yearOf = (r: ManagementReview) => Number((r.heldOn ?? r.plannedOn).slice(0, 4));

/** The reviews held and planned, year by year, with when the next one is due. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const manage = can('reviews:manage');
  const [year, setYear] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const settings = useReviewSettings();
  const list = useReviewList({
    year: year ? Number(year) : null,
    status: status as ReviewStatus | null,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const overdue = items.filter((r) => r.overdue);
  const nextDue = settings.data?.nextDueOn ?? null;
  const intervalPassed = nextDue !== null && nextDue < today();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));
  const byYear = new Map<number, ManagementReview[]>();
  for (const r of items) byYear.set(yearOf(r), [...(byYear.get(yearOf(r)) ?? []), r]);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.managementReview.title')}
        description={t('areas.managementReview.description')}
        icon={<IconPresentation size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/management-review/parties"
              variant="default"
              leftSection={<IconUsersGroup size={16} aria-hidden="true" />}
            >
              {t('reviews.list.parties')}
            </Button>
            {manage && settings.data && (
              <Button
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden="true" />}
                onClick={() => setConfiguring(true)}
              >
                {t('reviews.settings.button')}
              </Button>
            )}
            {manage && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setPlanning(true)}
              >
                {t('reviews.list.plan')}
              </Button>
            )}
          </Group>
        }
      />
      {settings.data && (
        <Group gap="lg">
          <Text size="sm">
            {t('reviews.list.interval', { count: settings.data.intervalMonths })}
          </Text>
          <Text size="sm">
            {t('reviews.list.lastHeld')}{' '}
            {settings.data.lastHeldOn
              ? format.date(settings.data.lastHeldOn)
              : t('reviews.list.never')}
          </Text>
          <Text size="sm">
            {t('reviews.list.nextDue')} {nextDue ? format.date(nextDue) : t('reviews.list.dueNow')}
          </Text>
        </Group>
      )}
      {(intervalPassed || overdue.length > 0) && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          title={t('reviews.list.overdueTitle')}
        >
          {intervalPassed && <Text size="sm">{t('reviews.list.intervalPassed')}</Text>}
          {overdue.length > 0 && (
            <Text size="sm">{t('reviews.list.overduePlanned', { count: overdue.length })}</Text>
          )}
        </Alert>
      )}
      <Group align="flex-end" gap="md">
        <Select
          label={t('reviews.list.year')}
          placeholder={t('reviews.list.allYears')}
          data={years}
          value={year}
          onChange={setYear}
          clearable
          w={160}
        />
        <Select
          label={t('reviews.list.columns.status')}
          placeholder={t('reviews.list.allStatuses')}
          data={reviewStatusSchema.options.map((v) => ({
            value: v,
            label: t(`reviews.status.${v}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconPresentation size={28} aria-hidden="true" />}
          title={year || status ? t('reviews.list.emptyFiltered') : t('reviews.list.emptyTitle')}
          description={
            year || status
              ? undefined
              : manage
                ? t('reviews.list.emptyManage')
                : t('reviews.list.emptyRead')
          }
        />
      ) : (
        [...byYear.entries()].map(([y, reviews]) => (
          <Stack key={y} gap="xs">
            <Text fw={600}>{t('reviews.list.yearHeading', { year: y })}</Text>
            <Table.ScrollContainer minWidth={720}>
              <Table
                striped
                highlightOnHover
                aria-label={t('reviews.list.yearHeading', { year: y })}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reviews.list.columns.code')}</Table.Th>
                    <Table.Th>{t('reviews.list.columns.title')}</Table.Th>
                    <Table.Th>{t('reviews.list.columns.plannedOn')}</Table.Th>
                    <Table.Th>{t('reviews.list.columns.heldOn')}</Table.Th>
                    <Table.Th>{t('reviews.list.columns.decisions')}</Table.Th>
                    <Table.Th>{t('reviews.list.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reviews.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.code}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/management-review/${r.id}`}>
                          {r.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{format.date(r.plannedOn)}</Table.Td>
                      <Table.Td>{r.heldOn ? format.date(r.heldOn) : '—'}</Table.Td>
                      <Table.Td>{r.decisionCount}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <ReviewStatusBadge status={r.status} />
                          {r.overdue && (
                            <Badge color="red" variant="filled">
                              {t('reviews.overdue')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('reviews.list.loadMore')}
          </Button>
        </Group>
      )}
      {planning && <ReviewFormModal onClose={() => setPlanning(false)} />}
      {configuring && settings.data && (
        <SettingsModal settings={settings.data} onClose={() => setConfiguring(false)} />
      )}
    </Stack>
  );
}
