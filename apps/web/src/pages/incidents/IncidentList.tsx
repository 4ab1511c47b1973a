import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { INCIDENT_LEVELS, INCIDENT_STATUSES, INCIDENT_TYPES } from '@mamoru/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { Link, useSearchParams } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useIncidentList, type IncidentLevel, type IncidentStatus, type IncidentType } from './api';
import { IncidentBadges, StatusBadge } from './badges';
import { UnitSelect } from './UnitSelect';

/** A value of the address if the list knows it (a link may carry anything). */
function known<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value && (options as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Incidents with filters and keyset "load more": one's own reports (`mine`),
 * or all the reader may see. A link (e.g. from the dashboard) may carry filters.
 */
export function IncidentList({ mine }: { mine?: 'reported' }) {
  const { t, i18n } = useTranslation();
  const tt = useIncidentsT();
  const format = useFormat();
  const { can } = useSession();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [params] = useSearchParams();
  const [status, setStatus] = useState(() => known(params.get('status'), INCIDENT_STATUSES));
  const [type, setType] = useState(() => known(params.get('type'), INCIDENT_TYPES));
  const [severity, setSeverity] = useState(() => known(params.get('severity'), INCIDENT_LEVELS));
  const [unitId, setUnitId] = useState<string | null>(() => params.get('unitId'));
  const [open, setOpen] = useState(() => known(params.get('open'), ['true', 'false'] as const));
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const readsUnits = can('isms:read') && !mine;
  const list = useIncidentList({
    ...(mine ? { mine } : {}),
    status,
    type,
    severity,
    unitId,
    open: open === null ? null : open === 'true',
    q: debounced,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = !!(status || type || severity || unitId || open || debounced.trim());
  const option = (group: string) => (value: string) => ({
    value,
    label: tt(`common.${group}.${value}`),
  });

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('incidents.list.search')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label={t('incidents.list.status')}
          value={status}
          onChange={(v) => setStatus(v as IncidentStatus | null)}
          data={INCIDENT_STATUSES.map(option('statuses'))}
          clearable
          w={160}
        />
        <Select
          label={t('incidents.list.type')}
          value={type}
          onChange={(v) => setType(v as IncidentType | null)}
          data={INCIDENT_TYPES.map(option('types'))}
          clearable
          w={180}
        />
        <Select
          label={t('incidents.list.severity')}
          value={severity}
          onChange={(v) => setSeverity(v as IncidentLevel | null)}
          data={INCIDENT_LEVELS.map(option('levels'))}
          clearable
          w={140}
        />
        {readsUnits && (
          <UnitSelect
            label={t('incidents.list.unit')}
            value={unitId}
            onChange={setUnitId}
            w={180}
          />
        )}
        <Select
          label={t('incidents.list.openFilter')}
          value={open}
          onChange={(v) => setOpen(v as 'true' | 'false' | null)}
          data={[
            { value: 'true', label: t('incidents.list.openOnly') },
            { value: 'false', label: t('incidents.list.closedOnly') },
          ]}
          clearable
          w={160}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconShieldCheck size={28} aria-hidden="true" />}
          title={
            filtered
              ? t('incidents.list.emptyFiltered')
              : mine
                ? t('incidents.list.emptyMine')
                : t('incidents.list.empty')
          }
          description={filtered ? undefined : t('incidents.list.emptyHint')}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table
            striped
            highlightOnHover
            aria-label={mine ? t('incidents.list.mineLabel') : t('incidents.list.allLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incidents.list.incident')}</Table.Th>
                <Table.Th>{t('incidents.list.type')}</Table.Th>
                <Table.Th>{t('incidents.list.status')}</Table.Th>
                <Table.Th>{t('incidents.list.flags')}</Table.Th>
                <Table.Th>{t('incidents.list.discovered')}</Table.Th>
                <Table.Th>{t('incidents.list.unit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${item.id}`}>
                      {`${item.reference} ${item.title}`}
                    </Anchor>
                    {item.repeatCount > 0 && (
                      <Text fz="xs" c="dimmed">
                        {t('incidents.list.repeated', { count: item.repeatCount })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{tt(`common.types.${item.type}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <IncidentBadges item={item} />
                  </Table.Td>
                  <Table.Td>{format.dateTime(item.discoveredAt)}</Table.Td>
                  <Table.Td>{item.unit ? item.unit.name[lang] || item.unit.name.ja : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('incidents.list.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
