import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SoaMigrationFilter, SoaMigrationStatus } from '@mamoru/contracts';
import { isApiError } from '../../../api/client';
import { useUserDirectory } from '../../../api/identity';
import { FormatLanguageMenu } from '../../../components/FormatLanguageMenu';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useToast } from '../../../components/Toasts';
import { textIn, useCatalogLanguage } from '../../../lib/catalogText';
import { controlIdIn } from '../../../lib/displayId';
import { useSession } from '../../../session/useSession';
import { useSoa } from '../api';
import { migrationExportUrl, useConfirmEntry, useMigrationEntries, type SoaMigration } from './api';
import { MigrationDecision, ReviewBadge } from './Badges';
import { ReviewDrawer } from './ReviewDrawer';

type Filter = 'all' | SoaMigrationFilter;
const FILTERS: Filter[] = ['all', 'needs_review', 'confirmed', 'new'];

/** The draft's progress, its entries with their sources, and the review drawer. */
export function MigrationWorkspace({
  migration,
  source,
}: {
  migration: SoaMigration;
  source: NonNullable<SoaMigrationStatus['source']>;
}) {
  const { t, i18n } = useTranslation();
  const lang = useCatalogLanguage();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const soaId = migration.targetSoaId;
  const soa = useSoa(soaId);
  const entries = useMigrationEntries(soaId, filter === 'all' ? undefined : filter);
  const confirm = useConfirmEntry(soaId);
  const users = useUserDirectory(can('users:read'));
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const progress = entries.data?.migration.progress ?? migration.progress;
  const editable = can('isms:write') && soa.data?.current.status === 'draft';
  const items = entries.data?.items ?? [];
  const open = items.find((e) => e.entry.controlId === openId) ?? null;
  const unmapped = entries.data?.unmapped ?? [];
  const first = i18n.language === 'ja' ? 'ja' : 'en';
  const langs = first === 'ja' ? (['ja', 'en'] as const) : (['en', 'ja'] as const);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fz="sm">
            {t('soaMigration.from', { title: source.title, number: source.versionNumber })}
          </Text>
          <Text fz="sm" fw={600}>
            {t('soaMigration.progress', progress)}
          </Text>
          <Progress
            value={progress.total ? (progress.confirmed / progress.total) * 100 : 0}
            aria-label={t('soaMigration.progressLabel')}
            maw={420}
          />
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/statement-of-applicability?soa=${soaId}`}
            variant="default"
          >
            {t('soaMigration.openDraft')}
          </Button>
          <FormatLanguageMenu
            width={260}
            label={t('soaMigration.export.button')}
            url={(_format, l) => migrationExportUrl(soaId, l)}
            items={langs.map((l) => ({
              format: 'xlsx' as const,
              lang: l,
              label: t(`soaMigration.export.${l}`),
            }))}
          />
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('soa.filters.label')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={FILTERS.map((f) => ({ value: f, label: t(`soaMigration.filters.${f}`) }))}
        w="fit-content"
      />
      {entries.isPending ? (
        <LoadingRows rows={8} />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('soa.noEntries')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" striped aria-label={t('soaMigration.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('soa.columns.control')}</Table.Th>
              <Table.Th>{t('soa.columns.decision')}</Table.Th>
              <Table.Th>{t('soaMigration.columns.review')}</Table.Th>
              <Table.Th>{t('soaMigration.columns.sources')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.entry.controlId}>
                <Table.Td>
                  <Anchor
                    component="button"
                    fz="sm"
                    onClick={() => setOpenId(item.entry.controlId)}
                  >
                    <Text span fw={600} mr={6}>
                      {controlIdIn(item.entry, lang)}
                    </Text>
                    {textIn(item.entry.title, lang)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <MigrationDecision applicable={item.entry.applicable} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ReviewBadge item={item} />
                    {item.reviewReasons.includes('new_control') && (
                      <Badge color="grape" variant="outline" tt="none">
                        {t('soaMigration.reasons.new_control')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">
                    {item.sources.length === 0
                      ? '—'
                      : item.sources
                          .map(
                            (s) =>
                              `${controlIdIn(s, lang)} (${t(`soaMigration.relations.${s.relation}`)})`,
                          )
                          .join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {unmapped.length > 0 && filter === 'all' && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            {t('soaMigration.unmapped', { count: unmapped.length })}
          </Title>
          <List size="sm" spacing={2}>
            {unmapped.map((u) => (
              <List.Item key={u.controlId}>{controlIdIn(u, lang)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <ReviewDrawer
        item={open}
        onClose={() => setOpenId(null)}
        users={userOptions}
        editable={editable}
        saving={confirm.isPending}
        error={confirm.error}
        onConfirm={(change) =>
          confirm
            .mutateAsync({ controlId: open!.entry.controlId, change })
            .then(() => {
              toast.success(
                t('soaMigration.confirmed', { control: controlIdIn(open!.entry, lang) }),
              );
              setOpenId(null);
            })
            .catch((e: unknown) => {
              if (isApiError(e) && e.status === 412) {
                toast.error(t('soa.stale'));
                void queryClient.invalidateQueries({ queryKey: ['soa'] });
              }
              throw e;
            })
        }
      />
    </Stack>
  );
}
