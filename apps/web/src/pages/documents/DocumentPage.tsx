import { Alert, Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingBlock } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { AcknowledgementsPanel } from './AcknowledgementsPanel';
import { useAcknowledge, useDocument, type DocumentDetail } from './api';
import { DetailsPanel } from './DetailsPanel';
import { DraftEditor } from './DraftEditor';
import { HistoryPanel } from './HistoryPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { IsmsPolicyRolesPanel } from '../people/IsmsPolicyRolesPanel';
import { VersionView } from './VersionView';
import { DocumentStatusBadge, VersionBadge } from './StatusBadges';

/** The caller's own acknowledgement of the issued version, when it was distributed to them. */
function AcknowledgeCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const acknowledge = useAcknowledge();
  const mine = doc.myAcknowledgement;
  if (!mine || doc.status !== 'issued') return null;
  if (mine.acknowledgedAt) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden="true" />}>
        {t('documents.ack.doneAt', { date: format.dateTime(mine.acknowledgedAt) })}
      </Alert>
    );
  }
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconEye size={18} aria-hidden="true" />}
      title={t('documents.ack.pendingTitle')}
    >
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{t('documents.ack.pendingBody')}</Text>
        <Button
          size="sm"
          loading={acknowledge.isPending}
          onClick={() => acknowledge.mutate(doc.id)}
        >
          {t('documents.ack.button')}
        </Button>
        <FormError error={acknowledge.error} />
      </Stack>
    </Alert>
  );
}

/** One document: the issued version by default, its draft, history, readers and reviews. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can, info } = useSession();
  const query = useDocument(id);
  const [tab, setTab] = useState<string | null>('current');
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const doc = query.data;
  // Owners ('own' reach of isms:write) change only the documents they own; the server agrees.
  const manages =
    can('isms:write', 'all') || (can('isms:write') && doc.ownerUserId === info?.user.id);
  const seesAll = can('isms:read') || doc.ownerUserId === info?.user.id;

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/documents" fz="sm">
        {t('documents.page.back')}
      </Anchor>
      <PageHeader
        title={`${doc.code} ${doc.title}`}
        eyebrow={
          <Group gap="xs">
            <span>{t(`documents.types.${doc.type}`)}</span>
            <DocumentStatusBadge status={doc.status} />
            {doc.current && <VersionBadge version={doc.current} />}
            {doc.ismsPolicy && (
              <Badge size="sm" variant="outline" tt="none">
                {t('documents.ismsPolicyBadge')}
              </Badge>
            )}
          </Group>
        }
      />
      <AcknowledgeCard doc={doc} />
      {doc.ismsPolicy && <IsmsPolicyRolesPanel />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="current">{t('documents.page.current')}</Tabs.Tab>
          {manages && <Tabs.Tab value="draft">{t('documents.page.working')}</Tabs.Tab>}
          <Tabs.Tab value="history">{t('documents.page.history')}</Tabs.Tab>
          {seesAll && (
            <Tabs.Tab value="acknowledgements">{t('documents.page.acknowledgements')}</Tabs.Tab>
          )}
          {seesAll && <Tabs.Tab value="reviews">{t('documents.page.reviews')}</Tabs.Tab>}
          <Tabs.Tab value="details">{t('documents.page.details')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="current" pt="md">
          {doc.current ? (
            <VersionView version={doc.current} />
          ) : (
            <Card withBorder radius="lg">
              <Title order={2} fz="md">
                {t('documents.page.noCurrent')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('documents.page.noCurrentHint')}
              </Text>
            </Card>
          )}
        </Tabs.Panel>
        {manages && (
          <Tabs.Panel value="draft" pt="md">
            <DraftEditor doc={doc} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel doc={doc} />
        </Tabs.Panel>
        {seesAll && (
          <Tabs.Panel value="acknowledgements" pt="md">
            <AcknowledgementsPanel doc={doc} />
          </Tabs.Panel>
        )}
        {seesAll && (
          <Tabs.Panel value="reviews" pt="md">
            <ReviewsPanel doc={doc} manages={manages} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="details" pt="md">
          <DetailsPanel doc={doc} manages={manages} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
