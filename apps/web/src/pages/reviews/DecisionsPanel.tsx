import { ActionIcon, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconEdit, IconGavel, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { DecisionFormModal } from './DecisionFormModal';
import { itemStatusLabel, refusalText } from './labels';
import { useDecisions, useRemoveDecision, type ManagementReview, type ReviewDecision } from './api';

/** What the output decided beyond its type: the 6.3.b reason or the 6.3.c amount. */
function OutputCell({ decision }: { decision: ReviewDecision }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{t(`reviews.output.${decision.output}`)}</Text>
      {decision.procedureReason && (
        <Text size="xs" c="dimmed">
          {t(`reviews.reason.${decision.procedureReason}`)}
        </Text>
      )}
      {decision.amount !== null && (
        <Text size="xs" c="dimmed">
          {t('reviews.decisions.amountValue', {
            amount: new Intl.NumberFormat(i18n.language).format(decision.amount),
            currency: decision.currency,
          })}
        </Text>
      )}
    </Stack>
  );
}

/** The outputs of the review; recorded while held, tracked as improvements once approved. */
export function DecisionsPanel({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const decisions = useDecisions(review.id);
  const remove = useRemoveDecision();
  const [editing, setEditing] = useState<ReviewDecision | 'new' | null>(null);
  const [removing, setRemoving] = useState<ReviewDecision | null>(null);
  const editable = can('reviews:manage') && review.status === 'held';
  const items = decisions.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {review.status === 'approved'
            ? t('reviews.decisions.trackedHint')
            : t('reviews.decisions.hint')}
        </Text>
        {editable && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('reviews.decisions.new')}
          </Button>
        )}
      </Group>
      {decisions.isPending ? (
        <LoadingRows />
      ) : decisions.isError ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconGavel size={28} aria-hidden="true" />}
          title={t('reviews.decisions.emptyTitle')}
          description={editable ? t('reviews.decisions.emptyEdit') : undefined}
        />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label={t('reviews.tabs.decisions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reviews.decisions.number')}</Table.Th>
                <Table.Th>{t('reviews.decisions.output')}</Table.Th>
                <Table.Th>{t('reviews.decisions.title')}</Table.Th>
                <Table.Th>{t('reviews.decisions.owner')}</Table.Th>
                <Table.Th>{t('reviews.decisions.dueDate')}</Table.Th>
                <Table.Th>{t('reviews.decisions.action')}</Table.Th>
                {editable && <Table.Th aria-label={t('reviews.decisions.manage')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>
                    <OutputCell decision={d} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.title}</Text>
                    {d.inputSections.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {d.inputSections.map((s) => t(`reviews.sectionShort.${s}`)).join(' / ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{d.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{format.date(d.dueDate)}</Table.Td>
                  <Table.Td>
                    {d.improvement ? (
                      <Group gap={4}>
                        <Anchor component={Link} to={`/improvement/${d.improvement.id}`}>
                          {d.improvement.code}
                        </Anchor>
                        {itemStatusLabel(d.improvement.status) && (
                          <Badge variant="light">{itemStatusLabel(d.improvement.status)}</Badge>
                        )}
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('reviews.decisions.notTracked')}
                      </Text>
                    )}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('reviews.decisions.editNamed', { n: d.number })}
                          onClick={() => setEditing(d)}
                        >
                          <IconEdit size={16} aria-hidden="true" />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('reviews.decisions.removeNamed', { n: d.number })}
                          onClick={() => setRemoving(d)}
                        >
                          <IconTrash size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <DecisionFormModal
          reviewId={review.id}
          decision={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })
        }
        title={t('reviews.decisions.removeTitle')}
        message={t('reviews.decisions.removeMessage', { title: removing?.title ?? '' })}
        confirmLabel={t('reviews.decisions.remove')}
        danger
        pending={remove.isPending}
        error={refusalText(remove.error)}
      />
    </Stack>
  );
}
