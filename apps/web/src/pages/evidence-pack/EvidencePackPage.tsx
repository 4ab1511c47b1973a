import { Anchor, Badge, Progress, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPackageExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { downloadUrl, useEvidencePacks, type EvidencePack } from './api';
import { EvidencePackForm } from './EvidencePackForm';

const STATUS_COLOR = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red' };

const sizeText = (bytes: number) =>
  bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;

function PackStatus({ pack }: { pack: EvidencePack }) {
  const { t } = useTranslation();
  const badge = (
    <Badge variant="light" color={STATUS_COLOR[pack.status]}>
      {t(`evidencePack.status.${pack.status}`)}
    </Badge>
  );
  if (pack.status === 'failed')
    return (
      <Stack gap={2}>
        {badge}
        {pack.error && (
          <Text fz="xs" c="red.8">
            {pack.error.message}
          </Text>
        )}
      </Stack>
    );
  if (pack.status === 'succeeded') return badge;
  const total = pack.total ?? 0;
  const label = t('evidencePack.progress', {
    phase: t(`evidencePack.phase.${pack.phase ?? 'starting'}`, {
      defaultValue: pack.phase ?? '',
    }),
    done: pack.processed,
    total: total || '…',
  });
  return (
    <Stack gap={4} miw={160}>
      {badge}
      <Progress
        value={total ? (100 * pack.processed) / total : 5}
        size="sm"
        animated
        aria-label={label}
      />
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function PackRow({ pack }: { pack: EvidencePack }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td>{format.dateTime(pack.createdAt)}</Table.Td>
      <Table.Td>{format.date(pack.asOf)}</Table.Td>
      <Table.Td>{t(`evidencePack.langs.${pack.lang}`)}</Table.Td>
      <Table.Td>{pack.createdBy?.name ?? '—'}</Table.Td>
      <Table.Td>
        <PackStatus pack={pack} />
        {pack.emptyParts.length > 0 && (
          <Text fz="xs" c="dimmed">
            {t('evidencePack.list.emptyParts', { count: pack.emptyParts.length })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{pack.file ? sizeText(pack.file.bytes) : ''}</Table.Td>
      <Table.Td>
        {pack.file ? (
          <Anchor
            href={downloadUrl(pack)}
            download={pack.file.name}
            aria-label={t('evidencePack.list.downloadOf', { date: pack.asOf })}
          >
            <IconDownload size={16} aria-hidden="true" style={{ verticalAlign: 'middle' }} />{' '}
            {t('evidencePack.list.download')}
          </Anchor>
        ) : pack.status === 'succeeded' ? (
          <Text fz="sm" c="dimmed">
            {t('evidencePack.list.removed')}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** 審査用エビデンス一式: generate a pack and download past ones. */
export function EvidencePackPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const packs = useEvidencePacks();
  const mayCreate = can('evidence_packs:create');

  let list;
  if (packs.isPending) list = <LoadingRows />;
  else if (packs.isError)
    list = (
      <ErrorState
        error={packs.error}
        onRetry={() => void packs.refetch()}
        retrying={packs.isFetching}
      />
    );
  else if (packs.data.items.length === 0)
    list = (
      <EmptyBlock
        icon={<IconPackageExport size={24} aria-hidden="true" />}
        title={t('evidencePack.list.empty')}
        description={t(mayCreate ? 'evidencePack.list.emptyCreate' : 'evidencePack.list.emptyRead')}
      />
    );
  else
    list = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidencePack.list.created')}</Table.Th>
              <Table.Th>{t('evidencePack.list.asOf')}</Table.Th>
              <Table.Th>{t('evidencePack.list.lang')}</Table.Th>
              <Table.Th>{t('evidencePack.list.by')}</Table.Th>
              <Table.Th>{t('evidencePack.list.status')}</Table.Th>
              <Table.Th>{t('evidencePack.list.size')}</Table.Th>
              <Table.Th>{t('evidencePack.list.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {packs.data.items.map((pack) => (
              <PackRow key={pack.id} pack={pack} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('evidencePack.title')}
        description={t('evidencePack.description')}
        icon={<IconPackageExport size={32} aria-hidden="true" />}
      />
      {mayCreate && <EvidencePackForm />}
      <SectionCard
        id="evidence-pack-list"
        title={t('evidencePack.list.title')}
        description={t('evidencePack.list.keep', { count: packs.data?.keep ?? 10 })}
      >
        {list}
      </SectionCard>
    </Stack>
  );
}
