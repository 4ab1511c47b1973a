import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { documentStatusSchema, documentTypeSchema } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useDocumentList, type DocumentFilter } from './api';
import { DocumentFormModal } from './DocumentFormModal';
import { DocumentsNav } from './DocumentsNav';
import { DocumentStatusBadge } from './StatusBadges';
import { FilterBadge } from '../../components/FilterBadge';

type DocumentType = (typeof documentTypeSchema.options)[number];
const SORTS = ['code', 'title', 'updatedAt', 'nextReviewDate'] as const;

/** A value of the address if the list knows it (a link may carry anything). */
const known = (value: string | null, options: readonly string[]) =>
  value && options.includes(value) ? value : null;
const isDate = (value: string | null) => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The document register: search, filters, sort and paging all run on the server. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const format = useFormat();
  // The filters live in the address, so a link (from the conformity view) opens
  // the register filtered and the filtered view can be shared or reloaded.
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const type = known(params.get('type'), documentTypeSchema.options);
  const status = known(params.get('status'), documentStatusSchema.options);
  const linkedDue = params.get('reviewDueBy');
  const dueBy = isDate(linkedDue) ? linkedDue : null;
  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParam({ q: q || null });
    // Only the debounced text writes the address; the address seeds the box once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const [sort, setSort] = useState<(typeof SORTS)[number]>(dueBy ? 'nextReviewDate' : 'code');
  // `?create=procedure&requirement=7.2` (a missing required procedure) opens the
  // new-document form with that type and requirement.
  const linkedCreate = known(params.get('create'), documentTypeSchema.options);
  const [creating, setCreating] = useState(false);
  const closeCreate = () => {
    setCreating(false);
    if (linkedCreate) setParam({ create: null, requirement: null });
  };
  const filter: DocumentFilter = {
    sort,
    direction: sort === 'updatedAt' ? 'desc' : 'asc',
    ...(q ? { q } : {}),
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    ...(dueBy ? { reviewDueBy: dueBy } : {}),
  };
  const list = useDocumentList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || type || status || dueBy);

  return (
    <Stack gap="xl" maw={1400}>
      <PageHeader
        title={t('documents.title')}
        eyebrow={t('areas.documents.title')}
        description={t('documents.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="teal">
            <IconFileText size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          can('isms:write', 'all') && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('documents.create')}
            </Button>
          )
        }
      />
      <DocumentsNav />
      <Card withBorder radius="lg" padding={0} shadow="xs">
        <Group
          gap="sm"
          p="md"
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <TextInput
            aria-label={t('documents.search')}
            placeholder={t('documents.search')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
          />
          <Select
            aria-label={t('documents.filters.type')}
            placeholder={t('documents.filters.type')}
            clearable
            data={documentTypeSchema.options.map((v) => ({
              value: v,
              label: t(`documents.types.${v}`),
            }))}
            value={type}
            onChange={(v) => setParam({ type: v })}
            w={200}
          />
          <Select
            aria-label={t('documents.filters.status')}
            placeholder={t('documents.filters.status')}
            clearable
            data={documentStatusSchema.options.map((v) => ({
              value: v,
              label: t(`documents.statuses.${v}`),
            }))}
            value={status}
            onChange={(v) => setParam({ status: v })}
            w={180}
          />
          {dueBy && (
            <FilterBadge color="red" onRemove={() => setParam({ reviewDueBy: null })}>
              {`${t('documents.columns.nextReview')} ≤ ${format.date(dueBy)}`}
            </FilterBadge>
          )}
          <Select
            aria-label={t('documents.sort.label')}
            data={SORTS.map((v) => ({ value: v, label: t(`documents.sort.${v}`) }))}
            value={sort}
            onChange={(v) => v && setSort(v as (typeof SORTS)[number])}
            allowDeselect={false}
            w={200}
            ml="auto"
          />
        </Group>
        {list.isPending ? (
          <Stack p="md">
            <LoadingRows />
          </Stack>
        ) : list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconFileText size={32} aria-hidden="true" />}
            title={t(filtered ? 'documents.emptyFiltered' : 'documents.empty.title')}
            description={filtered ? undefined : t('documents.empty.description')}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.columns.code')}</Table.Th>
                  <Table.Th>{t('documents.columns.title')}</Table.Th>
                  <Table.Th>{t('documents.columns.type')}</Table.Th>
                  <Table.Th>{t('documents.columns.status')}</Table.Th>
                  <Table.Th>{t('documents.columns.revision')}</Table.Th>
                  <Table.Th>{t('documents.columns.owner')}</Table.Th>
                  <Table.Th>{t('documents.columns.nextReview')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td ff="monospace">{d.code}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <UnstyledButton
                          component={Link}
                          to={`/documents/${d.id}`}
                          fw={600}
                          c="blue.8"
                        >
                          {d.title}
                        </UnstyledButton>
                        {d.ismsPolicy && (
                          <Badge size="sm" variant="outline" tt="none">
                            {t('documents.ismsPolicyBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`documents.types.${d.type}`)}</Table.Td>
                    <Table.Td>
                      <DocumentStatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td>
                      {d.currentRevision
                        ? t('documents.revision', { revision: d.currentRevision })
                        : '—'}
                    </Table.Td>
                    <Table.Td>{d.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{d.nextReviewDate ? format.date(d.nextReviewDate) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage && (
          <Group justify="center" p="md">
            <Button
              variant="default"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('documents.loadMore')}
            </Button>
          </Group>
        )}
      </Card>
      {!can('isms:read') && (
        <Text c="dimmed" fz="sm">
          {t('documents.staffHint')}
        </Text>
      )}
      {(creating || linkedCreate) && (
        <DocumentFormModal
          onClose={closeCreate}
          initial={
            linkedCreate && !creating
              ? { type: linkedCreate as DocumentType, requirementIds: params.getAll('requirement') }
              : undefined
          }
        />
      )}
    </Stack>
  );
}
