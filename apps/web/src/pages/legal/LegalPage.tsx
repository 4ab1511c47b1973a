import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconGavel, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LEGAL_KINDS } from '@mamoru/contracts';
import { queryString } from '../../api/types';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { filterParams, stateColor, useLegalObligations, type LegalFilter } from './api';
import { LegalFormModal } from './LegalFormModal';

const STATUSES = ['active', 'retired'] as const;
const DUES = ['overdue', 'soon'] as const;

/**
 * The register of legal, regulatory and contractual obligations (5.2.1.c,
 * annex 12.1): by next review date, with overdue reviews called out, filters
 * (a dashboard link may bring ?due=overdue), exports and the form to add one.
 */
export function LegalPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  // Kind, status and review filters live in the address (the conformity view links
  // to `?due=overdue`); status is `active` unless the address says `all` or `retired`.
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const pick = (key: string, options: readonly string[]) => {
    const value = params.get(key);
    return value && options.includes(value) ? value : null;
  };
  const kind = pick('kind', LEGAL_KINDS);
  const status = params.get('status') === 'all' ? null : (pick('status', STATUSES) ?? 'active');
  const due = pick('due', DUES);
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
  const setKind = (value: string | null) => setParam('kind', value);
  const setStatus = (value: string | null) =>
    setParam('status', value === 'active' ? null : (value ?? 'all'));
  const setDue = (value: string | null) => setParam('due', value);
  const [adding, setAdding] = useState(false);
  const filter: LegalFilter = { q: debounced, kind, status, due };
  const list = useLegalObligations(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || kind || due || status !== 'active');
  const overdue = items.filter((o) => o.reviewState === 'overdue').length;
  const keeper = can('legal:manage', 'all');
  const exportUrl = (fmt: string, lang: string) =>
    `/api/v1/legal-obligations/export${queryString({ ...filterParams(filter), format: fmt, lang })}`;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.legal.title')}
        description={t('areas.legal.description')}
        icon={<IconGavel size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <FormatLanguageMenu
              label={t('legal.export.button')}
              url={exportUrl}
              items={[
                { format: 'xlsx', lang: 'ja', label: t('legal.export.xlsxJa') },
                { format: 'xlsx', lang: 'en', label: t('legal.export.xlsxEn') },
                { format: 'pdf', lang: 'ja', label: t('legal.export.pdfJa') },
                { format: 'pdf', lang: 'en', label: t('legal.export.pdfEn') },
              ]}
            />
            {keeper && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setAdding(true)}
              >
                {t('legal.new')}
              </Button>
            )}
          </Group>
        }
      />
      {overdue > 0 && due !== 'overdue' && (
        <Alert color="red" title={t('legal.overdueAlert', { count: overdue })}>
          <Button size="xs" variant="light" color="red" onClick={() => setDue('overdue')}>
            {t('legal.showOverdue')}
          </Button>
        </Alert>
      )}
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('legal.filters.search')}
          placeholder={t('legal.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('legal.filters.kind')}
          placeholder={t('legal.filters.all')}
          data={LEGAL_KINDS.map((k) => ({ value: k, label: t(`legal.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={180}
        />
        <Select
          label={t('legal.filters.status')}
          placeholder={t('legal.filters.all')}
          data={STATUSES.map((s) => ({
            value: s,
            label: t(`legal.status.${s}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          w={160}
        />
        <Select
          label={t('legal.filters.due')}
          placeholder={t('legal.filters.all')}
          data={DUES.map((d) => ({
            value: d,
            label: t(`legal.due.${d}`),
          }))}
          value={due}
          onChange={setDue}
          clearable
          w={200}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconGavel size={28} aria-hidden="true" />}
          title={filtered ? t('legal.empty.filtered') : t('legal.empty.title')}
          description={filtered ? undefined : t('legal.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover aria-label={t('legal.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('legal.columns.code')}</Table.Th>
                <Table.Th>{t('legal.columns.title')}</Table.Th>
                <Table.Th>{t('legal.columns.kind')}</Table.Th>
                <Table.Th>{t('legal.columns.owner')}</Table.Th>
                <Table.Th>{t('legal.columns.answers')}</Table.Th>
                <Table.Th>{t('legal.columns.nextReview')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" translate="no">
                      {o.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Link to={`/legal/${o.id}`}>{o.title}</Link>
                    {o.authority && (
                      <Text size="xs" c="dimmed">
                        {o.authority}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`legal.kind.${o.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{o.owner?.name ?? t('legal.noOwner')}</Table.Td>
                  <Table.Td>
                    {t('legal.answerCounts', {
                      controls: o.controlIds.length,
                      documents: o.documentIds.length,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {o.status === 'active' && (
                        <Text size="sm">{format.date(o.nextReviewDate)}</Text>
                      )}
                      <Badge color={stateColor[o.reviewState]} variant="light">
                        {t(`legal.state.${o.reviewState}`)}
                      </Badge>
                    </Group>
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
            {t('legal.more')}
          </Button>
        </Group>
      )}
      {adding && <LegalFormModal obligation={null} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
