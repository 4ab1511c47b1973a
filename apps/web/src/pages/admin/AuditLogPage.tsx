import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconDownload,
  IconFilter,
  IconFilterOff,
  IconHistory,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react';
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditCsvUrl, useAuditEvents, useVerifyAudit, type AuditFilter } from '../../api/audit';
import { useUserDirectory } from '../../api/identity';
import type { AuditEvent } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { endOfDayIso, startOfDayIso, useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { useDownload } from '../../lib/useDownload';
import { useSession } from '../../session/useSession';
import { SecurityEventsPanel } from './SecurityEventsPanel';

const KNOWN_ENTITY_TYPES = [
  'user',
  'organization',
  'api_token',
  'approval',
  'approval_policy',
  'catalog_library',
  'catalog_control',
];

interface FilterForm {
  actorId: string | null;
  entityType: string | null;
  entityId: string;
  from: string;
  to: string;
}

const emptyForm: FilterForm = { actorId: null, entityType: null, entityId: '', from: '', to: '' };

function toFilter(form: FilterForm): AuditFilter {
  return {
    actorId: form.actorId ?? undefined,
    entityType: form.entityType ?? undefined,
    entityId: form.entityId.trim() || undefined,
    from: form.from ? (startOfDayIso(form.from) ?? undefined) : undefined,
    to: form.to ? (endOfDayIso(form.to) ?? undefined) : undefined,
  };
}

function Json({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} miw={0}>
      <Text fz="xs" fw={700} c="gray.7" tt="uppercase" lts={0.4}>
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text fz="sm" c="dimmed">
          {t('audit.noData')}
        </Text>
      ) : (
        <Code
          block
          fz="xs"
          style={{
            maxHeight: 320,
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** The system acting (set-up, the CLI): named in the reader's language, with the program's own name. */
function SystemActor({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <span>{t('audit.system')}</span>
      {name && name !== 'system' && (
        <Text fz="xs" c="dimmed" ff="monospace" translate="no">
          {name}
        </Text>
      )}
    </Stack>
  );
}

function EventRow({ event, actor }: { event: AuditEvent; actor: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-event-${event.seq}`;
  return (
    <Fragment>
      <Table.Tr data-open={open || undefined}>
        <Table.Td w={44}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('audit.toggleDetails', { seq: event.seq })}
          >
            {open ? (
              <IconChevronDown size={16} aria-hidden="true" />
            ) : (
              <IconChevronRight size={16} aria-hidden="true" />
            )}
          </ActionIcon>
        </Table.Td>
        <Table.Td fz="sm" ff="monospace" c="dimmed">
          {event.seq}
        </Table.Td>
        <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(event.occurredAt)}
        </Table.Td>
        <Table.Td fz="sm">{actor}</Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text fz="sm" fw={500}>
              {labels.auditActionLabel(event.action)}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace" translate="no">
              {event.action}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={0} miw={0}>
            <Text fz="sm">{labels.entityTypeLabel(event.entityType)}</Text>
            <Text
              fz="xs"
              c="dimmed"
              ff="monospace"
              truncate
              maw={240}
              title={event.entityId}
              translate="no"
            >
              {event.entityId}
            </Text>
          </Stack>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!open}>
        <Table.Td colSpan={6} p={0} bg="gray.0">
          <Collapse expanded={open}>
            <Stack p="md" gap="md">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Json label={t('audit.before')} value={event.before} />
                <Json label={t('audit.after')} value={event.after} />
              </SimpleGrid>
              <Group gap="xl" wrap="wrap">
                <Text fz="xs" c="dimmed">
                  {t('audit.requestId')}: <Code fz="xs">{event.requestId ?? '—'}</Code>
                </Text>
                <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {t('audit.hash')}: <Code fz="xs">{event.hash}</Code>
                </Text>
              </Group>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

/** The hash-chained audit trail: filter, expand, verify, export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useSession();
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useAuditEvents(filter);
  const directory = useUserDirectory(can('users:read'));
  const verify = useVerifyAudit();
  const download = useDownload();
  // Changes (the hash-chained trail) or security events; kept in the URL so a link opens either.
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'security' ? 'security' : 'changes';

  const names = new Map((directory.data ?? []).map((user) => [user.id, user.displayName]));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const entityTypes = [...new Set([...KNOWN_ENTITY_TYPES, ...items.map((e) => e.entityType)])];
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
    <Stack gap="xl" maw={1400}>
      <PageHeader
        title={t('audit.title')}
        eyebrow={t('nav.administration')}
        description={t('audit.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="indigo">
            <IconHistory size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          <Group gap="sm">
            {can('audit:verify') && (
              <Button
                variant="default"
                leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
                onClick={() => verify.mutate()}
                loading={verify.isPending}
              >
                {t('audit.verify')}
              </Button>
            )}
            <Button
              component="a"
              {...download.link(auditCsvUrl(filter))}
              loading={download.busy}
              variant="light"
              leftSection={<IconDownload size={18} aria-hidden="true" />}
            >
              {t('audit.export')}
            </Button>
            {download.status}
          </Group>
        }
      />
      {verify.isError && <ErrorState error={verify.error} title={t('audit.verifyFailed')} />}
      {verify.data &&
        (verify.data.ok ? (
          <Alert
            color="teal"
            variant="light"
            icon={<IconShieldCheck size={20} aria-hidden="true" />}
            title={t('audit.verifyOk')}
            role="status"
            withCloseButton
            closeButtonLabel={t('common.dismiss')}
            onClose={() => verify.reset()}
            data-testid="audit-verify-result"
          >
            {t('audit.verifyOkDetail', { count: verify.data.checked })}
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="light"
            icon={<IconShieldX size={20} aria-hidden="true" />}
            title={t('audit.verifyBroken')}
            role="alert"
            data-testid="audit-verify-result"
          >
            {t('audit.verifyBrokenDetail', {
              seq: verify.data.broken?.seq ?? '?',
              reason: verify.data.broken
                ? t(`audit.brokenReasons.${verify.data.broken.reason}`)
                : '',
              count: verify.data.checked,
            })}
          </Alert>
        ))}
      <SegmentedControl
        aria-label={t('audit.security.view')}
        value={view}
        onChange={(value) => setParams(value === 'security' ? { view: value } : {})}
        data={[
          { value: 'changes', label: t('audit.security.changes') },
          { value: 'security', label: t('audit.security.title') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'security' && <SecurityEventsPanel />}
      <Card withBorder radius="lg" padding={0} shadow="xs" hidden={view === 'security'}>
        <form onSubmit={apply} aria-label={t('audit.filters')}>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="sm"
            verticalSpacing="sm"
            p="md"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            {can('users:read') ? (
              <Select
                label={t('audit.filter.actor')}
                placeholder={t('audit.filter.anyone')}
                data={(directory.data ?? []).map((user) => ({
                  value: user.id,
                  label: user.displayName,
                }))}
                value={form.actorId}
                onChange={(value) => setForm((old) => ({ ...old, actorId: value }))}
                searchable
                clearable
                nothingFoundMessage={t('audit.filter.noUser')}
              />
            ) : (
              <TextInput
                label={t('audit.filter.actorId')}
                value={form.actorId ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value.trim();
                  setForm((old) => ({ ...old, actorId: value || null }));
                }}
              />
            )}
            <Select
              label={t('audit.filter.entityType')}
              placeholder={t('audit.filter.anyType')}
              data={entityTypes.map((value) => ({ value, label: labels.entityTypeLabel(value) }))}
              value={form.entityType}
              onChange={(value) => setForm((old) => ({ ...old, entityType: value }))}
              clearable
            />
            <TextInput
              label={t('audit.filter.entityId')}
              value={form.entityId}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setForm((old) => ({ ...old, entityId: value }));
              }}
            />
            <TextInput
              type="date"
              label={t('audit.filter.from')}
              value={form.from}
              max={form.to || undefined}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setForm((old) => ({ ...old, from: value }));
              }}
            />
            <TextInput
              type="date"
              label={t('audit.filter.to')}
              value={form.to}
              min={form.from || undefined}
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
            <LoadingRows rows={6} label={t('audit.loading')} />
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
            icon={<IconHistory size={28} stroke={1.5} aria-hidden="true" />}
            title={filtered ? t('audit.noMatch') : t('audit.empty')}
            description={filtered ? t('audit.noMatchHint') : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('audit.title')}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>
                    <VisuallyHidden>{t('audit.columns.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('audit.columns.seq')}</Table.Th>
                  <Table.Th>{t('audit.columns.time')}</Table.Th>
                  <Table.Th>{t('audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('audit.columns.action')}</Table.Th>
                  <Table.Th>{t('audit.columns.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <EventRow
                    key={event.seq}
                    event={event}
                    actor={
                      event.actorId ? (
                        event.actorName || (names.get(event.actorId) ?? event.actorId)
                      ) : (
                        <SystemActor name={event.actorName} />
                      )
                    }
                  />
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
      {items.length > 0 && view === 'changes' && (
        <Group justify="flex-end" gap={6}>
          <Badge variant="light" color="gray" size="sm">
            {items.length}
          </Badge>
          <Text fz="xs" c="dimmed">
            {t('audit.shown')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
