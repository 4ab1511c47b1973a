import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconGavel, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSignedInSession } from '../../session/useSession';
import { stateColor, useLegalObligation } from './api';
import { LegalFormModal } from './LegalFormModal';
import { ReviewModal } from './ReviewModal';

const CATALOG = 'jipdec-isms-2.0';

/**
 * One obligation: what it requires, who keeps track of it, the controls and
 * documents answering it, and its reviews; its keeper or owner edits it and
 * records reviews here.
 */
export function LegalObligationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can, info } = useSignedInSession();
  const detail = useLegalObligation(id);
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  if (detail.isPending) return <LoadingBlock />;
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { obligation: o, documents, reviews } = detail.data;
  const reach = can('legal:manage', 'all')
    ? 'all'
    : can('legal:manage') && o.owner?.id === info.user.id
      ? 'own'
      : null;
  // English readers know annex controls as A.x.y.z; the stable number reads in both languages.
  const controlLabel = (c: string) =>
    i18n.language !== 'ja' && /^\d+\.\d+\.\d+$/.test(c) ? `A.${c}` : c;
  const fact = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || t('legal.none')}</Text>
    </div>
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={o.title}
        description={o.authority}
        icon={<IconGavel size={32} aria-hidden="true" />}
        actions={
          reach && (
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('legal.edit')}
              </Button>
              {o.status === 'active' && (
                <Button
                  leftSection={<IconRefresh size={16} aria-hidden="true" />}
                  onClick={() => setReviewing(true)}
                >
                  {t('legal.recordReview')}
                </Button>
              )}
            </Group>
          )
        }
      />
      <Group gap="xs">
        <Text ff="monospace" translate="no">
          {o.code}
        </Text>
        <Badge variant="light">{t(`legal.kind.${o.kind}`)}</Badge>
        <Badge color={stateColor[o.reviewState]} variant="light">
          {t(`legal.state.${o.reviewState}`)}
        </Badge>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {fact(t('legal.form.reference'), o.reference)}
          {fact(t('legal.form.owner'), o.owner?.name ?? '')}
          {fact(t('legal.form.appliesSince'), o.appliesSince ? format.date(o.appliesSince) : '')}
          {fact(t('legal.form.interval'), t('legal.months', { count: o.reviewIntervalMonths }))}
          {fact(
            t('legal.form.nextReview'),
            o.status === 'active' ? format.date(o.nextReviewDate) : '',
          )}
          {fact(t('legal.changedAt'), o.contentChangedAt ? format.date(o.contentChangedAt) : '')}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('legal.form.summary')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {o.summary || t('legal.none')}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('legal.controlsTitle')}
          </Title>
          {o.controlIds.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('legal.noControls')}
            </Text>
          ) : (
            <Group gap="xs">
              {o.controlIds.map((c) => (
                <Anchor key={c} component={Link} to={`/catalog/${CATALOG}/controls/${c}`}>
                  <Badge variant="outline" translate="no">
                    {controlLabel(c)}
                  </Badge>
                </Anchor>
              ))}
            </Group>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('legal.documentsTitle')}
          </Title>
          {documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('legal.noDocuments')}
            </Text>
          ) : (
            <Stack gap={4}>
              {documents.map((d) => (
                <Anchor key={d.id} component={Link} to={`/documents/${d.id}`} size="sm">
                  <span translate="no">{d.code}</span> {d.title}
                </Anchor>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('legal.reviewsTitle')}
        </Title>
        {reviews.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('legal.noReviews')}
          </Text>
        ) : (
          <Table aria-label={t('legal.reviewsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('legal.review.reviewedOn')}</Table.Th>
                <Table.Th>{t('legal.review.outcome')}</Table.Th>
                <Table.Th>{t('legal.review.reviewer')}</Table.Th>
                <Table.Th>{t('legal.review.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{format.date(r.reviewedOn)}</Table.Td>
                  <Table.Td>{t(`legal.outcome.${r.outcome}`)}</Table.Td>
                  <Table.Td>{r.reviewer?.name ?? ''}</Table.Td>
                  <Table.Td>{r.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {editing && (
        <LegalFormModal obligation={o} documents={documents} onClose={() => setEditing(false)} />
      )}
      {reviewing && <ReviewModal obligation={o} onClose={() => setReviewing(false)} />}
    </Stack>
  );
}
