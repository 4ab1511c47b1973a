import { Alert, Badge, Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useUserDirectory } from '../../api/identity';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useSession } from '../../session/useSession';
import {
  useBulkUpdate,
  useRedraft,
  useSoa,
  useSoaEntries,
  useSoaValidation,
  useSubmitSoa,
  useUpdateEntry,
  type Soa,
} from './api';
import { Blockers } from './Blockers';
import { BulkBar } from './BulkBar';
import { EntryPanel } from './EntryPanel';
import { EntryTable, matches, type EntryFilter } from './EntryTable';
import { ExportMenu } from './ExportMenu';
import { VersionsPanel } from './VersionsPanel';

const FILTERS: EntryFilter[] = ['all', 'undecided', 'excluded', 'not_implemented'];
const statusColor = { draft: 'gray', pending: 'yellow', approved: 'teal', superseded: 'dark' };

/** The statement being worked on: controls, blockers, versions; decisions in the side panel. */
function Workspace({ soa }: { soa: Soa }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const entries = useSoaEntries(soa.id);
  const validation = useSoaValidation(soa.id);
  const users = useUserDirectory(can('users:read'));
  const update = useUpdateEntry(soa);
  const bulk = useBulkUpdate(soa);
  const redraft = useRedraft(soa);
  const submit = useSubmitSoa(soa);
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<EntryFilter>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState<string | null>('entries');
  const editable = can('isms:write') && soa.current.status !== 'pending';
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const all = entries.data?.items ?? [];
  const shown = all.filter((e) => matches(e, filter));
  const openId = params.get('control');
  const open = all.find((e) => e.controlId === openId) ?? null;
  const blockers = validation.data?.blockers.length ?? 0;

  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 412) {
      toast.error(t('soa.stale'));
      void queryClient.invalidateQueries({ queryKey: ['soa'] });
    }
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const setOpen = (controlId: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (controlId) next.set('control', controlId);
      else next.delete('control');
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={statusColor[soa.current.status]} variant="light" tt="none">
              {t('soa.versionBadge', {
                number: soa.current.number,
                status: t(`soa.statuses.${soa.current.status}`),
              })}
            </Badge>
            <Text fz="sm" c="dimmed">
              {t('soa.scopeOf', { number: soa.scopeVersionNumber })}
            </Text>
          </Group>
          <Text fz="sm">{t('soa.counts', soa.current.counts)}</Text>
        </Stack>
        <Group gap="xs">
          {editable && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
              loading={redraft.isPending}
              onClick={() =>
                redraft.mutate(undefined, {
                  onSuccess: (r) => toast.success(t('soa.actions.redrafted', { count: r.updated })),
                  onError,
                })
              }
            >
              {t('soa.actions.redraft')}
            </Button>
          )}
          {editable && soa.current.status === 'draft' && (
            <Button
              leftSection={<IconSend size={16} aria-hidden="true" />}
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(undefined, {
                  onSuccess: () => toast.success(t('soa.actions.submitted')),
                  onError: (e) => {
                    onError(e);
                    setTab('blockers');
                  },
                })
              }
            >
              {t('soa.actions.submit')}
            </Button>
          )}
          <ExportMenu soaId={soa.id} />
        </Group>
      </Group>
      {soa.current.status === 'pending' && <Alert color="yellow">{t('soa.pendingHint')}</Alert>}
      {soa.current.status === 'approved' && <Alert color="teal">{t('soa.approvedHint')}</Alert>}
      <FormError
        error={submit.error}
        extra={
          isApiError(submit.error) ? submit.error.errors.slice(0, 5).map((e) => e.message) : []
        }
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="entries">{t('soa.tabs.entries')}</Tabs.Tab>
          <Tabs.Tab value="blockers">{t('soa.tabs.blockers', { count: blockers })}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('soa.tabs.versions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="md">
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('soa.filters.label')}
              value={filter}
              onChange={(v) => setFilter(v as EntryFilter)}
              data={FILTERS.map((f) => ({ value: f, label: t(`soa.filters.${f}`) }))}
              w="fit-content"
            />
            {editable && selected.size > 0 && (
              <BulkBar
                count={selected.size}
                users={userOptions}
                busy={bulk.isPending}
                onClear={() => setSelected(new Set())}
                onApply={(change) =>
                  bulk.mutate(
                    { controlIds: [...selected], change },
                    {
                      onSuccess: () => {
                        toast.success(t('soa.bulk.applied', { count: selected.size }));
                        setSelected(new Set());
                      },
                      onError,
                    },
                  )
                }
              />
            )}
            <FormError error={bulk.error} />
            {entries.isPending ? (
              <LoadingRows rows={8} />
            ) : entries.isError ? (
              <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
            ) : shown.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('soa.noEntries')}
              </Text>
            ) : (
              <EntryTable
                entries={shown}
                selected={selected}
                onSelect={select}
                onOpen={setOpen}
                selectable={editable}
              />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="blockers" pt="md">
          {validation.data ? <Blockers validation={validation.data} /> : <LoadingRows rows={3} />}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {tab === 'versions' && <VersionsPanel soaId={soa.id} />}
        </Tabs.Panel>
      </Tabs>
      <EntryPanel
        entry={open}
        onClose={() => setOpen(null)}
        users={userOptions}
        editable={editable}
        saving={update.isPending}
        error={update.error}
        onSave={(change) =>
          update.mutateAsync({ controlId: open!.controlId, change }).catch((e: unknown) => {
            onError(e);
            throw e;
          })
        }
      />
    </Stack>
  );
}

export function SoaWorkspace({ soaId, listed }: { soaId: string; listed?: Soa }) {
  const { t } = useTranslation();
  const soa = useSoa(soaId, listed);
  if (soa.isPending) return <LoadingRows rows={6} />;
  if (soa.isError) {
    return <ErrorState error={soa.error} onRetry={() => void soa.refetch()} />;
  }
  if (!soa.data) return <EmptyBlock icon={null} title={t('soa.empty.title')} />;
  return <Workspace soa={soa.data} />;
}
