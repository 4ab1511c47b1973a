import { Anchor, Button, Group, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClipboardCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { auditStatusSchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { AuditFormModal } from './AuditFormModal';
import { AuditsDashboard } from './AuditsDashboard';
import { AuditsNav } from './AuditsNav';
import { useAuditList } from './api';
import { AuditStatusBadge } from './StatusBadge';

const known = (value: string | null, options: readonly string[]) =>
  value && options.includes(value) ? value : null;

/**
 * The internal audits' landing page: the dashboard, then the audits with their
 * filters kept in the address (so a filtered list can be linked and reloaded).
 */
export function AuditsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const status = known(params.get('status'), auditStatusSchema.options);
  const unitId = params.get('unitId');
  const year = Number(params.get('fiscalYear')) || null;
  const [creating, setCreating] = useState(false);
  const units = useOrgUnits();

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  useEffect(() => setParam('q', debounced.trim() || null), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  const list = useAuditList({ q: debounced, status, fiscalYear: year, unitId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || status || unitId || year);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.internalAudits.title')}
        description={t('areas.internalAudits.description')}
        icon={<IconClipboardCheck size={32} aria-hidden="true" />}
        actions={
          can('audits:manage') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('audits.list.newAudit')}
            </Button>
          )
        }
      />
      <AuditsNav />
      <AuditsDashboard />
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('audits.list.search')}
          placeholder={t('audits.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('audits.list.columns.status')}
          placeholder={t('audits.list.allStatuses')}
          data={auditStatusSchema.options.map((v) => ({
            value: v,
            label: t(`audits.status.${v}`),
          }))}
          value={status}
          onChange={(v) => setParam('status', v)}
          clearable
          w={200}
        />
        <Select
          label={t('audits.list.unit')}
          placeholder={t('audits.list.allUnits')}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={(v) => setParam('unitId', v)}
          clearable
          searchable
          w={220}
        />
        <NumberInput
          label={t('audits.list.fiscalYear')}
          placeholder={t('audits.list.allYears')}
          value={year ?? ''}
          onChange={(v) => setParam('fiscalYear', v === '' ? null : String(v))}
          min={2000}
          max={2100}
          w={140}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconClipboardCheck size={28} aria-hidden="true" />}
          title={filtered ? t('audits.list.empty.filtered') : t('audits.list.empty.title')}
          description={filtered ? undefined : t('audits.list.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('audits.list.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audits.list.columns.code')}</Table.Th>
                <Table.Th>{t('audits.list.columns.title')}</Table.Th>
                <Table.Th>{t('audits.list.columns.units')}</Table.Th>
                <Table.Th>{t('audits.list.columns.period')}</Table.Th>
                <Table.Th>{t('audits.list.columns.lead')}</Table.Th>
                <Table.Th>{t('audits.list.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/internal-audits/${a.id}`}>
                      {a.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.auditeeUnits.map((u) => u.name).join(', ')}</Table.Td>
                  <Table.Td>
                    {t('audits.detail.period', {
                      start: format.date(a.plannedStart),
                      end: format.date(a.plannedEnd),
                    })}
                  </Table.Td>
                  <Table.Td>{a.leadAuditor?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <AuditStatusBadge status={a.status} />
                  </Table.Td>
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
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('audits.list.more')}
          </Button>
        </Group>
      )}
      {creating && <AuditFormModal audit={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
