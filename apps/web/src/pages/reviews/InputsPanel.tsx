import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import {
  figureLabel,
  itemChangeLabel,
  itemKindLabel,
  itemStatusLabel,
  refusalText,
} from './labels';
import {
  useInputPack,
  usePrepareInputs,
  type ManagementReview,
  type ReviewInputSection,
} from './api';

/** One input of 6.2: its figures, then the objects behind them with links. */
export function InputSection({ section }: { section: ReviewInputSection }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = `review-input-${section.section}`;
  const title = t(`reviews.sections.${section.section}`);
  if (!section.available) {
    return (
      <SectionCard id={id} title={title}>
        <Text size="sm" c="dimmed">
          {t('reviews.inputs.notAvailable')}
        </Text>
      </SectionCard>
    );
  }
  const figures = Object.entries(section.figures);
  return (
    <SectionCard id={id} title={title} description={t(`reviews.sectionHints.${section.section}`)}>
      <Stack gap="sm">
        {section.section === 'g' && (
          <Text size="sm" c="dimmed">
            {t('reviews.inputs.legalNote')}
          </Text>
        )}
        {section.empty ? (
          <Text size="sm" c="dimmed">
            {t('reviews.inputs.empty')}
          </Text>
        ) : (
          figures.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {figures.map(([key, value]) => (
                <Stack key={key} gap={0}>
                  <Text size="xl" fw={700}>
                    {key === 'readiness' ? `${value}%` : value}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {figureLabel(key)}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          )
        )}
        {section.items.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reviews.inputs.kind')}</Table.Th>
                  <Table.Th>{t('reviews.inputs.item')}</Table.Th>
                  <Table.Th>{t('reviews.inputs.status')}</Table.Th>
                  <Table.Th>{t('reviews.inputs.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.items.map((item) => (
                  <Table.Tr key={`${item.kind}-${item.id}-${item.change ?? ''}`}>
                    <Table.Td>{itemKindLabel(item.kind)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={item.href}>
                        {item.ref ? `${item.ref} ` : ''}
                        {item.title}
                      </Anchor>
                      {item.detail && (
                        <Text size="xs" c="dimmed">
                          {item.detail}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {itemStatusLabel(item.status) && (
                          <Badge variant="light">{itemStatusLabel(item.status)}</Badge>
                        )}
                        {itemChangeLabel(item.change) && (
                          <Badge variant="outline">{itemChangeLabel(item.change)}</Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{item.date ? format.date(item.date) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {section.omitted > 0 && (
          <Text size="xs" c="dimmed">
            {t('reviews.inputs.omitted', { count: section.omitted })}
          </Text>
        )}
        {section.discussion && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('reviews.minutes.discussion')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {section.discussion}
            </Text>
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}

/**
 * The input pack: before preparation a live preview of what the ISMS holds now;
 * once prepared, the snapshot the review is held on, which no later change alters.
 */
export function InputsPanel({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const pack = useInputPack(review.id, review.status !== 'cancelled');
  const prepare = usePrepareInputs();
  const [confirming, setConfirming] = useState(false);
  const canPrepare = can('reviews:manage') && review.status === 'planned';

  if (review.status === 'cancelled') return <Text c="dimmed">{t('reviews.inputs.cancelled')}</Text>;
  if (pack.isPending) return <LoadingBlock />;
  if (pack.isError) return <ErrorState error={pack.error} onRetry={() => void pack.refetch()} />;
  const prepared = pack.data.preparedAt !== null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Alert
          color={prepared ? 'teal' : 'blue'}
          variant="light"
          icon={<IconInfoCircle size={18} aria-hidden="true" />}
          style={{ flex: 1 }}
          title={
            prepared
              ? t('reviews.inputs.preparedTitle', { date: format.dateTime(pack.data.preparedAt) })
              : t('reviews.inputs.previewTitle')
          }
        >
          <Text size="sm">
            {prepared ? t('reviews.inputs.preparedBody') : t('reviews.inputs.previewBody')}
          </Text>
          {pack.data.periodStart && (
            <Text size="sm">
              {t('reviews.inputs.period', { date: format.date(pack.data.periodStart) })}
            </Text>
          )}
        </Alert>
        {canPrepare && (
          <Button
            leftSection={<IconListCheck size={16} aria-hidden="true" />}
            onClick={() => setConfirming(true)}
          >
            {t('reviews.inputs.prepare')}
          </Button>
        )}
      </Group>
      {pack.data.sections.map((section) => (
        <InputSection key={section.section} section={section} />
      ))}
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          prepare.reset();
        }}
        onConfirm={() =>
          prepare.mutate({ review, input: null }, { onSuccess: () => setConfirming(false) })
        }
        title={t('reviews.inputs.prepareTitle')}
        message={t('reviews.inputs.prepareMessage')}
        confirmLabel={t('reviews.inputs.prepare')}
        pending={prepare.isPending}
        error={refusalText(prepare.error)}
      />
    </Stack>
  );
}
