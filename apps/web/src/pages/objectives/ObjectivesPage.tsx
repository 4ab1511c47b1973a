import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartLine, IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { objectiveStatusSchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useObjectiveList, type ObjectiveStatus } from './api';
import { PercentBar, ProgressBadges } from './badges';
import { ObjectiveFormModal } from './ObjectiveForm';

/** The objectives register (5.1.b, 4.2.1.b.1): standing, progress, owner and dates. */
export function ObjectivesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<ObjectiveStatus | null>(null);
  const [dueBy, setDueBy] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useObjectiveList({ q: debounced, status, dueBy: dueBy || null });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || status || dueBy);
  const manager = can('objectives:manage', 'all');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.objectives.title')}
        description={t('areas.objectives.description')}
        icon={<IconChartLine size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <Button
              component="a"
              variant="default"
              href={`/api/v1/objectives/export.xlsx?lang=${i18n.language === 'ja' ? 'ja' : 'en'}`}
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t('objectives.export')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={`/api/v1/objectives/export.pdf?lang=${i18n.language === 'ja' ? 'ja' : 'en'}`}
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t('objectives.exportPdf')}
            </Button>
            {manager && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setCreating(true)}
              >
                {t('objectives.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('objectives.search')}
          placeholder={t('objectives.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('objectives.filterStatus')}
          data={objectiveStatusSchema.options.map((s) => ({
            value: s,
            label: t(`objectives.status.${s}`),
          }))}
          value={status}
          onChange={(v) => setStatus(v as ObjectiveStatus | null)}
          clearable
          w={180}
        />
        <TextInput
          type="date"
          label={t('objectives.dueBy')}
          value={dueBy}
          onChange={(e) => setDueBy(e.currentTarget.value)}
          w={180}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconChartLine size={28} aria-hidden="true" />}
          title={filtered ? t('objectives.emptyFiltered') : t('objectives.empty')}
          description={filtered ? undefined : t('objectives.emptyDescription')}
          action={
            manager && !filtered ? (
              <Button onClick={() => setCreating(true)}>{t('objectives.new')}</Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('objectives.register')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('objectives.columns.objective')}</Table.Th>
                <Table.Th>{t('objectives.columns.progress')}</Table.Th>
                <Table.Th>{t('objectives.columns.reached')}</Table.Th>
                <Table.Th>{t('objectives.columns.owner')}</Table.Th>
                <Table.Th>{t('objectives.columns.due')}</Table.Th>
                <Table.Th>{t('objectives.columns.nextMeasurement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/objectives/${o.id}`}>
                      {`${o.code} ${o.title}`}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {o.metric}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ProgressBadges objective={o} />
                  </Table.Td>
                  <Table.Td>
                    <PercentBar objective={o} />
                  </Table.Td>
                  <Table.Td>{o.owner?.name ?? t('objectives.noOwner')}</Table.Td>
                  <Table.Td>{format.date(o.dueDate)}</Table.Td>
                  <Table.Td>
                    {o.nextMeasurementDue ? format.date(o.nextMeasurementDue) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('objectives.loadMore')}
        </Button>
      )}
      {creating && (
        <ObjectiveFormModal
          opened
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/objectives/${saved.id}`)}
        />
      )}
    </Stack>
  );
}
