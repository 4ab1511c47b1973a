import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconChecklist, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CONTROL_OPERATION_STATUSES, checkDueFilterSchema } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { controlIdIn } from '../../lib/displayId';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useControlList, type ControlListItem } from './api';
import { CoverageCell, OperationBadge, ResultBadge } from './badges';

const STATUS_FILTERS = [...CONTROL_OPERATION_STATUSES, 'unset'] as const;
/** A value of the address if the list knows it (a link may carry anything). */
const known = <T extends string>(value: string | null, options: readonly T[]): T | null =>
  value && (options as readonly string[]).includes(value) ? (value as T) : null;

export const controlPath = (controlId: string) => `/controls/${encodeURIComponent(controlId)}`;

function Row({ item }: { item: ControlListItem }) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={controlPath(item.controlId)} fz="sm">
          {controlIdIn(item, lang)} {textIn(item.title, lang)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <OperationBadge status={item.status} />
      </Table.Td>
      <Table.Td>{item.owner?.name ?? '—'}</Table.Td>
      <Table.Td>
        <CoverageCell coverage={item.coverage} />
      </Table.Td>
      <Table.Td>
        {item.nextCheckDue ? (
          <Group gap={6} wrap="nowrap">
            <Text fz="sm" c={item.overdue ? 'red' : undefined} fw={item.overdue ? 600 : undefined}>
              {format.date(item.nextCheckDue)}
            </Text>
            {item.overdue && (
              <IconAlertTriangle
                size={14}
                color="var(--mantine-color-red-6)"
                aria-label={t('controls.register.overdue')}
              />
            )}
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('controls.register.noChecks')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {item.lastResult ? (
          <Group gap={6} wrap="nowrap">
            <ResultBadge result={item.lastResult.result} />
            <Text fz="xs" c="dimmed">
              {format.date(item.lastResult.performedOn)}
            </Text>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('controls.register.noResult')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The register of applicable controls (4.2.2.c): operation, owner, what
 * evidences each, the next check and the last result. Filters start from the
 * address, so the dashboard and the conformity view can link a filtered list.
 */
export function ControlRegister() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState(() => known(params.get('status'), STATUS_FILTERS));
  const [due, setDue] = useState(() => known(params.get('due'), checkDueFilterSchema.options));
  const [ownerId, setOwnerId] = useState<string | null>(params.get('ownerId'));
  const users = useUserDirectory(can('users:read'));
  const list = useControlList({ q: debounced, status, due, ownerId });
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const soa = pages[0]?.soa;
  const filtered = Boolean(debounced || status || due || ownerId);

  if (list.isPending) return <LoadingRows />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!soa) {
    return (
      <EmptyBlock
        icon={<IconChecklist size={28} aria-hidden="true" />}
        title={t('controls.register.noSoa.title')}
        description={t('controls.register.noSoa.description')}
        action={
          <Button component={Link} to="/statement-of-applicability" variant="default">
            {t('controls.register.noSoa.action')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="md">
      {items.some((i) => i.overdue) && due !== 'overdue' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          title={t('controls.register.overdueBanner.title')}
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{t('controls.register.overdueBanner.body')}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => setDue('overdue')}>
              {t('controls.register.overdueBanner.show')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('controls.register.search')}
          placeholder={t('controls.register.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('controls.register.status')}
          placeholder={t('controls.register.allStatuses')}
          data={STATUS_FILTERS.map((v) => ({ value: v, label: t(`controls.status.${v}`) }))}
          value={status}
          onChange={(v) => setStatus(known(v, STATUS_FILTERS))}
          clearable
          w={220}
        />
        <Select
          label={t('controls.register.owner')}
          placeholder={t('controls.register.anyOwner')}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('controls.register.due')}
          placeholder={t('controls.register.anyDue')}
          data={checkDueFilterSchema.options.map((v) => ({
            value: v,
            label: t(`controls.register.${v}`),
          }))}
          value={due}
          onChange={(v) => setDue(known(v, checkDueFilterSchema.options))}
          clearable
          w={240}
        />
      </Group>
      <Text fz="xs" c="dimmed">
        {t('controls.register.soaFrom', {
          number: soa.number,
          status: t(`soa.statuses.${soa.status}` as 'soa.statuses.draft', soa.status),
        })}
      </Text>
      {items.length === 0 ? (
        <EmptyBlock
          icon={<IconChecklist size={28} aria-hidden="true" />}
          title={
            filtered ? t('controls.register.empty.filtered') : t('controls.register.empty.title')
          }
          description={filtered ? undefined : t('controls.register.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t('controls.register.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('controls.register.columns.control')}</Table.Th>
                <Table.Th>{t('controls.register.columns.status')}</Table.Th>
                <Table.Th>{t('controls.register.columns.owner')}</Table.Th>
                <Table.Th>{t('controls.register.columns.coverage')}</Table.Th>
                <Table.Th>{t('controls.register.columns.nextCheck')}</Table.Th>
                <Table.Th>{t('controls.register.columns.lastResult')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Row key={item.controlId} item={item} />
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
            {t('controls.register.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
