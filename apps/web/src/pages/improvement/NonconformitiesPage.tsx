import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  nonconformitySeveritySchema,
  nonconformitySourceSchema,
  nonconformityStatusSchema,
} from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useNonconformityList, type Nonconformity } from './api';
import { NewNonconformityModal } from './NewNonconformityModal';
import { ExportMenu, TrendsPanel } from './TrendsPanel';

/** A value of the address if the list knows it (a link may carry anything). */
const known = (value: string | null, options: readonly string[]) =>
  value && options.includes(value) ? value : null;

export function NcBadges({ nc }: { nc: Nonconformity }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={nc.severity === 'major' ? 'red' : 'orange'}>
        {t(`improvement.severity.${nc.severity}`)}
      </Badge>
      {nc.kind === 'potential' && (
        <Badge variant="outline" color="grape">
          {t('improvement.potential')}
        </Badge>
      )}
      {nc.overdue && (
        <Badge variant="filled" color="red">
          {t('improvement.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The nonconformity register (7.2, 7.3): filters kept in the address so a view
 * can be shared, as a table or as a board with one column per workflow step.
 */
export function NonconformitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const filter = {
    q: debounced,
    source: known(params.get('source'), nonconformitySourceSchema.options),
    status: known(params.get('status'), nonconformityStatusSchema.options),
    severity: known(params.get('severity'), nonconformitySeveritySchema.options),
    overdue: params.get('overdue') === 'true',
    open: params.get('open') === 'true',
  };
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const list = useNonconformityList(filter);
  const items = list.data?.items ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.correctiveActions.title')}
        description={t('areas.correctiveActions.description')}
        icon={<IconTool size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <ExportMenu filter={filter} />
            {can('improvement:manage') && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setCreating(true)}
              >
                {t('improvement.new')}
              </Button>
            )}
          </Group>
        }
      />
      <TrendsPanel />
      <Group align="flex-end" gap="md" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(v) => setParam('view', v === 'board' ? 'board' : null)}
          data={[
            { value: 'list', label: t('improvement.register') },
            { value: 'board', label: t('improvement.board') },
          ]}
        />
        <TextInput
          label={t('improvement.search')}
          placeholder={t('improvement.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setParam('q', e.currentTarget.value.trim() || null);
          }}
          w={240}
        />
        <Select
          label={t('improvement.columns.source')}
          placeholder={t('improvement.allSources')}
          data={nonconformitySourceSchema.options.map((v) => ({
            value: v,
            label: t(`improvement.source.${v}`),
          }))}
          value={filter.source}
          onChange={(v) => setParam('source', v)}
          clearable
          w={220}
        />
        {view === 'list' && (
          <Select
            label={t('improvement.columns.status')}
            placeholder={t('improvement.allStatuses')}
            data={nonconformityStatusSchema.options.map((v) => ({
              value: v,
              label: t(`improvement.status.${v}`),
            }))}
            value={filter.status}
            onChange={(v) => setParam('status', v)}
            clearable
            w={200}
          />
        )}
        <Select
          label={t('improvement.columns.severity')}
          placeholder={t('improvement.allSeverities')}
          data={nonconformitySeveritySchema.options.map((v) => ({
            value: v,
            label: t(`improvement.severity.${v}`),
          }))}
          value={filter.severity}
          onChange={(v) => setParam('severity', v)}
          clearable
          w={160}
        />
        <Checkbox
          label={t('improvement.openOnly')}
          checked={filter.open}
          onChange={(e) => setParam('open', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
        <Checkbox
          label={t('improvement.overdueOnly')}
          checked={filter.overdue}
          onChange={(e) => setParam('overdue', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <LoadingRows />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconTool size={32} aria-hidden="true" />}
          title={t('improvement.empty')}
        />
      ) : view === 'board' ? (
        <Board items={items} />
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('improvement.columns.code')}</Table.Th>
              <Table.Th>{t('improvement.columns.title')}</Table.Th>
              <Table.Th>{t('improvement.columns.source')}</Table.Th>
              <Table.Th>{t('improvement.columns.severity')}</Table.Th>
              <Table.Th>{t('improvement.columns.status')}</Table.Th>
              <Table.Th>{t('improvement.columns.unit')}</Table.Th>
              <Table.Th>{t('improvement.columns.detectedOn')}</Table.Th>
              <Table.Th>{t('improvement.columns.age')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((nc) => (
              <Table.Tr key={nc.id}>
                <Table.Td>{nc.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/corrective-actions/${nc.id}`}>
                    {nc.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`improvement.source.${nc.source}`)}</Table.Td>
                <Table.Td>
                  <NcBadges nc={nc} />
                </Table.Td>
                <Table.Td>{t(`improvement.status.${nc.status}`)}</Table.Td>
                <Table.Td>{nc.unit?.name ?? '—'}</Table.Td>
                <Table.Td>{format.date(nc.detectedOn)}</Table.Td>
                <Table.Td>{t('improvement.ageDays', { count: nc.ageDays })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data?.nextCursor && (
        <Text c="dimmed" fz="sm">
          {t('improvement.more')}
        </Text>
      )}
      <NewNonconformityModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** One column per workflow step, each card linking to its nonconformity. */
function Board({ items }: { items: Nonconformity[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 7 }} spacing="sm">
      {nonconformityStatusSchema.options.map((status) => {
        const column = items.filter((nc) => nc.status === status);
        return (
          <Stack key={status} gap="xs" aria-label={t(`improvement.status.${status}`)}>
            <Group justify="space-between">
              <Text fw={600} fz="sm">
                {t(`improvement.status.${status}`)}
              </Text>
              <Badge variant="light">{column.length}</Badge>
            </Group>
            {column.length === 0 && (
              <Text c="dimmed" fz="sm">
                {t('improvement.emptyColumn')}
              </Text>
            )}
            {column.map((nc) => (
              <Card key={nc.id} withBorder padding="xs">
                <Anchor component={Link} to={`/corrective-actions/${nc.id}`} fz="sm">
                  {nc.code} {nc.title}
                </Anchor>
                <NcBadges nc={nc} />
              </Card>
            ))}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
