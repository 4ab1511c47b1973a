import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArchive, IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useRecord } from './api';
import { RecordActions } from './RecordActions';
import { RecordEntries } from './RecordEntries';
import { RecordFiles } from './RecordFiles';
import { StatusBadges } from './RecordsPage';

/** One record: what it says, what it evidences, its files, legal hold and disposal. */
export function RecordPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const format = useFormat();
  const { can } = useSession();
  const record = useRecord(id);
  if (record.isPending) return <LoadingBlock />;
  if (record.isError)
    return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;
  const editable = can('isms:write', 'all');
  const facts: [string, string][] = [
    [t('records.detail.type'), r.type.name[lang]],
    [t('records.detail.recordDate'), format.date(r.recordDate)],
    [t('records.detail.retentionEnd'), format.date(r.retentionEnd)],
    [t('records.detail.createdBy'), r.createdBy?.name ?? '—'],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/records" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('records.detail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={r.title}
        eyebrow={<StatusBadges record={r} />}
        description={r.description || undefined}
        icon={<IconArchive size={32} aria-hidden="true" />}
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {facts.map(([label, value]) => (
          <Stack key={label} gap={2}>
            <Text fz="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={600}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RecordEntries record={r} editable={editable && r.status === 'active'} />
        <SectionCard id="record-links" title={t('records.detail.links')}>
          <Stack gap={4} pb="lg">
            {r.links.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t('records.detail.noLinks')}
              </Text>
            ) : (
              r.links.map((l) => (
                <Text key={`${l.type}:${l.id}`} fz="sm">
                  {l.type} {l.id} {l.label && `— ${l.label}`}
                </Text>
              ))
            )}
          </Stack>
        </SectionCard>
      </SimpleGrid>
      {r.status !== 'disposed' && (
        <RecordFiles
          recordId={r.id}
          editable={editable && r.status === 'active' && !r.legalHold.active}
          onHold={r.legalHold.active}
        />
      )}
      <RecordActions record={r} editable={editable} />
    </Stack>
  );
}
