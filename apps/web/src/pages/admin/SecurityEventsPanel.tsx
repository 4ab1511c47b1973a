import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconFilter, IconFilterOff, IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECURITY_EVENT_KINDS } from '@mamoru/contracts';
import { useSecurityEvents, type SecurityEventFilter } from '../../api/audit';
import { useUserDirectory } from '../../api/identity';
import type { SecurityEventKind } from '../../api/types';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { endOfDayIso, startOfDayIso, useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';

interface FilterForm {
  kind: SecurityEventKind | null;
  userId: string | null;
  from: string;
  to: string;
}
const emptyForm: FilterForm = { kind: null, userId: null, from: '', to: '' };

function toFilter(form: FilterForm): SecurityEventFilter {
  return {
    kind: form.kind ?? undefined,
    userId: form.userId ?? undefined,
    from: form.from ? (startOfDayIso(form.from) ?? undefined) : undefined,
    to: form.to ? (endOfDayIso(form.to) ?? undefined) : undefined,
  };
}

const isKind = (value: string | null): value is SecurityEventKind =>
  (SECURITY_EVENT_KINDS as readonly (string | null)[]).includes(value);

/**
 * Security events on the audit log page: failed and throttled log-ins and
 * refused requests (401, 403, CSRF, 429) of the organization's users, with the
 * reason and the address they came from, filterable by kind, user and date.
 */
export function SecurityEventsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [filter, setFilter] = useState<SecurityEventFilter>({});
  const events = useSecurityEvents(filter);
  const directory = useUserDirectory(can('users:read'));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filter).some(Boolean);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(toFilter(form));
  };
  const reset = () => {
    setForm(emptyForm);
    setFilter({});
  };

  return (
    <Card withBorder radius="lg" padding={0} shadow="xs">
      <form onSubmit={apply} aria-label={t('audit.security.filters')}>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 5 }}
          spacing="sm"
          p="md"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <NativeSelect
            label={t('audit.security.kind')}
            data={[
              { value: '', label: t('audit.security.anyKind') },
              ...SECURITY_EVENT_KINDS.map((value) => ({
                value,
                label: t(`audit.security.kinds.${value}`),
              })),
            ]}
            value={form.kind ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setForm((old) => ({ ...old, kind: isKind(value) ? value : null }));
            }}
          />
          {can('users:read') && (
            <Select
              label={t('audit.security.user')}
              placeholder={t('audit.filter.anyone')}
              data={(directory.data ?? []).map((user) => ({
                value: user.id,
                label: user.displayName,
              }))}
              value={form.userId}
              onChange={(value) => setForm((old) => ({ ...old, userId: value }))}
              searchable
              clearable
              nothingFoundMessage={t('audit.filter.noUser')}
            />
          )}
          <TextInput
            type="date"
            label={t('audit.filter.from')}
            value={form.from}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setForm((old) => ({ ...old, from: value }));
            }}
          />
          <TextInput
            type="date"
            label={t('audit.filter.to')}
            value={form.to}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setForm((old) => ({ ...old, to: value }));
            }}
          />
          <Group gap="xs" align="flex-end">
            <Button type="submit" leftSection={<IconFilter size={16} aria-hidden="true" />}>
              {t('audit.filter.apply')}
            </Button>
            {filtered && (
              <Tooltip label={t('audit.filter.reset')}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={reset}
                  aria-label={t('audit.filter.reset')}
                >
                  <IconFilterOff size={16} aria-hidden="true" />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </SimpleGrid>
      </form>
      {events.isPending ? (
        <Stack p="md">
          <LoadingRows rows={6} label={t('audit.security.loading')} />
        </Stack>
      ) : events.isError ? (
        <Stack p="md">
          <ErrorState
            error={events.error}
            onRetry={() => void events.refetch()}
            retrying={events.isFetching}
          />
        </Stack>
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconShieldLock size={28} stroke={1.5} aria-hidden="true" />}
          title={filtered ? t('audit.security.noMatch') : t('audit.security.empty')}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('audit.security.title')}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('audit.columns.time')}</Table.Th>
                <Table.Th>{t('audit.security.kind')}</Table.Th>
                <Table.Th>{t('audit.security.user')}</Table.Th>
                <Table.Th>{t('audit.security.request')}</Table.Th>
                <Table.Th>{t('audit.security.address')}</Table.Th>
                <Table.Th>{t('audit.security.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.dateTime(event.occurredAt)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={event.status === 429 ? 'orange' : 'red'}>
                      {t(`audit.security.kinds.${event.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm">
                    <Stack gap={0}>
                      <Text fz="sm">{event.userName ?? '—'}</Text>
                      {event.account && (
                        <Text fz="xs" c="dimmed">
                          {event.account}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Code fz="xs">
                      {event.method} {event.route} → {event.status}
                    </Code>
                  </Table.Td>
                  <Table.Td fz="sm" ff="monospace">
                    {event.address}
                  </Table.Td>
                  <Table.Td fz="xs" ff="monospace" c="dimmed">
                    {event.reason}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Group
          justify="center"
          p="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Button
            variant="default"
            onClick={() => void events.fetchNextPage()}
            loading={events.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
