import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { recordStatusSchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useRecordList, useRecordTypes, type EvidenceRecord } from './api';
import { RecordFormModal } from './RecordFormModal';
import { FilterBadge } from '../../components/FilterBadge';

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (value: string | null) => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
/** A value of the address if the list knows it (a link may carry anything). */
const known = (value: string | null, options: readonly string[]) =>
  value && options.includes(value) ? value : null;

export function StatusBadges({ record }: { record: EvidenceRecord }) {
  const { t } = useTranslation();
  const color = { active: 'teal', disposal_pending: 'yellow', disposed: 'gray' }[record.status];
  return (
    <Group gap={4}>
      <Badge variant="light" color={color}>
        {t(`records.status.${record.status}`)}
      </Badge>
      {record.legalHold.active && (
        <Badge variant="filled" color="red">
          {t('records.onHold')}
        </Badge>
      )}
    </Group>
  );
}

/** The records register (4.3.3): search, filters, the retention-due list, a new record. */
export function RecordsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [typeId, setTypeId] = useState<string | null>(null);
  // A link from the conformity view carries the status, the hold and the date whose past
  // retention it names: kept records not on hold, so the list holds what the view counts.
  // Kept in the address, so the filtered list can be reloaded or shared.
  const [params, setParams] = useSearchParams();
  const status = known(params.get('status'), recordStatusSchema.options);
  const linkedHold = known(params.get('legalHold'), ['true', 'false']);
  const hold = linkedHold === null ? null : linkedHold === 'true';
  const linkedDue = params.get('retentionDueBy');
  const dueBy = isDate(linkedDue) ? linkedDue : null;
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
  const setStatus = (value: string | null) => setParam('status', value);
  const setHold = (value: boolean | null) =>
    setParam('legalHold', value === null ? null : String(value));
  const setDueBy = (value: string | null) => setParam('retentionDueBy', value);
  const [creating, setCreating] = useState(false);
  const types = useRecordTypes();
  const list = useRecordList({
    q: debounced,
    typeId,
    status,
    legalHold: hold,
    retentionDueBy: dueBy,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || typeId || status || hold !== null || dueBy);
  const writer = can('isms:write', 'all');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.records.title')}
        description={t('areas.records.description')}
        icon={<IconArchive size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/records/types"
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden="true" />}
            >
              {t('records.types')}
            </Button>
            {writer && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setCreating(true)}
                disabled={!types.data?.some((ty) => ty.active)}
              >
                {t('records.newRecord')}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('records.search')}
          placeholder={t('records.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Select
          label={t('records.type')}
          placeholder={t('records.allTypes')}
          data={(types.data ?? []).map((ty) => ({ value: ty.id, label: ty.name[lang] }))}
          value={typeId}
          onChange={setTypeId}
          clearable
          w={240}
        />
        <Select
          label={t('records.columns.status')}
          placeholder={t('records.allStatuses')}
          data={recordStatusSchema.options.map((v) => ({
            value: v,
            label: t(`records.status.${v}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
        />
        <Checkbox
          label={t('records.onHoldOnly')}
          checked={hold === true}
          onChange={(e) => setHold(e.currentTarget.checked ? true : null)}
          mb={8}
        />
        {hold === false && (
          <FilterBadge mb={6} onRemove={() => setHold(null)}>
            {t('records.notOnHold')}
          </FilterBadge>
        )}
        <Checkbox
          label={t('records.retentionDueOnly')}
          checked={dueBy !== null}
          onChange={(e) => setDueBy(e.currentTarget.checked ? today() : null)}
          mb={8}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconArchive size={28} aria-hidden="true" />}
          title={filtered ? t('records.empty.filtered') : t('records.empty.title')}
          description={
            filtered
              ? undefined
              : types.data?.length
                ? t('records.empty.description')
                : t('records.noTypes')
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('records.register')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.columns.title')}</Table.Th>
                <Table.Th>{t('records.columns.type')}</Table.Th>
                <Table.Th>{t('records.columns.recordDate')}</Table.Th>
                <Table.Th>{t('records.columns.retentionEnd')}</Table.Th>
                <Table.Th>{t('records.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/records/${r.id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.type.name[lang]}</Table.Td>
                  <Table.Td>{format.date(r.recordDate)}</Table.Td>
                  <Table.Td>{format.date(r.retentionEnd)}</Table.Td>
                  <Table.Td>
                    <StatusBadges record={r} />
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
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('records.loadMore')}
          </Button>
        </Group>
      )}
      {creating && <RecordFormModal types={types.data ?? []} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
