import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconPlus, IconSearch, IconTimelineEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISMS_EVENT_CATEGORIES } from '@mamoru/contracts';
import { queryString } from '../../api/types';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { AreaStrings } from '../../i18n/lazy-areas';
import { useFormat } from '../../lib/format';
import { auditActionLabel } from '../../lib/labels';
import { useSession } from '../../session/useSession';
import { filterParams, useIsmsEvents, type IsmsEvent, type IsmsEventFilter } from './api';
import { EventFormModal } from './EventFormModal';

/** An automatic entry says what happened (its audit action, in the user's words), then to what. */
function titleOf(event: IsmsEvent) {
  if (event.source !== 'auto' || !event.action) return event.title;
  const what = auditActionLabel(event.action);
  return event.title ? `${what}: ${event.title}` : what;
}

/** The ISMS event log (4.2.3.f); automatic titles need the audit log's action labels. */
export function EventsPage() {
  return (
    <AreaStrings area="auditLabels">
      <EventLog />
    </AreaStrings>
  );
}

function EventLog() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [category, setCategory] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // null: closed; 'new': a new entry; else the entry being edited.
  const [editing, setEditing] = useState<IsmsEvent | 'new' | null>(null);
  const filter: IsmsEventFilter = {
    q: debounced,
    category,
    source,
    from: from || null,
    to: to || null,
  };
  const list = useIsmsEvents(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || category || source || from || to);
  const writer = can('isms:write', 'all');
  const exportUrl = (_format: string, lang: string) =>
    `/api/v1/isms-events/export${queryString({ ...filterParams(filter), format: 'xlsx', lang })}`;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.ismsEvents.title')}
        description={t('areas.ismsEvents.description')}
        icon={<IconTimelineEvent size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <FormatLanguageMenu
              label={t('events.export.button')}
              url={exportUrl}
              items={[
                { format: 'xlsx', lang: 'ja', label: t('events.export.xlsxJa') },
                { format: 'xlsx', lang: 'en', label: t('events.export.xlsxEn') },
              ]}
            />
            {writer && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setEditing('new')}
              >
                {t('events.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('events.filters.search')}
          placeholder={t('events.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('events.filters.category')}
          placeholder={t('events.filters.allCategories')}
          data={ISMS_EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`events.category.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={220}
        />
        <Select
          label={t('events.filters.source')}
          placeholder={t('events.filters.allSources')}
          data={(['auto', 'manual'] as const).map((s) => ({
            value: s,
            label: t(`events.source.${s}`),
          }))}
          value={source}
          onChange={setSource}
          clearable
          w={200}
        />
        <TextInput
          type="date"
          label={t('events.filters.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('events.filters.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconTimelineEvent size={28} aria-hidden="true" />}
          title={filtered ? t('events.empty.filtered') : t('events.empty.title')}
          description={filtered ? undefined : t('events.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('events.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.columns.occurredAt')}</Table.Th>
                <Table.Th>{t('events.columns.category')}</Table.Th>
                <Table.Th>{t('events.columns.title')}</Table.Th>
                <Table.Th>{t('events.columns.source')}</Table.Th>
                <Table.Th>{t('events.columns.recordedBy')}</Table.Th>
                {writer && <Table.Th aria-label={t('events.columns.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{format.dateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`events.category.${e.category}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{titleOf(e)}</Text>
                    {e.impact && (
                      <Text size="xs" c="dimmed">
                        {t('events.impactLine', { impact: e.impact })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={e.source === 'auto' ? 'gray' : 'teal'}>
                      {t(`events.source.${e.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.recordedBy?.displayName ?? ''}</Table.Td>
                  {writer && (
                    <Table.Td>
                      {e.source === 'manual' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconEdit size={14} aria-hidden="true" />}
                          aria-label={t('events.editOf', { title: e.title })}
                          onClick={() => setEditing(e)}
                        >
                          {t('events.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
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
            {t('events.loadMore')}
          </Button>
        </Group>
      )}
      {editing && (
        <EventFormModal
          event={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
