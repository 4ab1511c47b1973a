import { Button, Card, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useRecordReview, useReviews, type DocumentDetail } from './api';

/** The review cycle of one document: record a review and see the earlier ones (4.3.2.b). */
export function ReviewsPanel({ doc, manages }: { doc: DocumentDetail; manages: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const reviews = useReviews(doc.id, true);
  const record = useRecordReview();
  const [outcome, setOutcome] = useState<'no_change' | 'new_draft'>('no_change');
  const [note, setNote] = useState('');
  const reviewProblem = problemFields(record.error, {
    outcome: t('documents.reviews.outcome'),
    note: t('documents.reviews.note'),
  });
  return (
    <Stack gap="md">
      <Text fz="sm">
        {doc.nextReviewDate
          ? t('documents.reviews.next', {
              date: format.date(doc.nextReviewDate),
              months: doc.reviewIntervalMonths,
            })
          : t('documents.reviews.noDate')}
      </Text>
      {manages && doc.status === 'issued' && (
        <Card withBorder radius="lg">
          <Stack gap="sm">
            <Title order={2} fz="md">
              {t('documents.reviews.record')}
            </Title>
            <Radio.Group
              value={outcome}
              onChange={(v) => setOutcome(v as typeof outcome)}
              error={reviewProblem.error('outcome')}
              label={t('documents.reviews.outcome')}
            >
              <Group mt="xs">
                <Radio value="no_change" label={t('documents.reviews.outcomes.no_change')} />
                <Radio value="new_draft" label={t('documents.reviews.outcomes.new_draft')} />
              </Group>
            </Radio.Group>
            <Textarea
              label={t('documents.reviews.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={reviewProblem.error('note')}
              autosize
              minRows={2}
            />
            <FormError error={record.error} extra={reviewProblem.unplaced.map(unplacedText)} />
            <Group>
              <Button
                loading={record.isPending}
                onClick={() =>
                  record.mutate(
                    { documentId: doc.id, outcome, note },
                    {
                      onSuccess: () => {
                        setNote('');
                        toast.success(t('documents.reviews.recorded'));
                      },
                    },
                  )
                }
              >
                {t('documents.reviews.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {reviews.isPending ? (
        <LoadingRows />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} />
      ) : reviews.data.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('documents.reviews.none')}
        </Text>
      ) : (
        <Table aria-label={t('documents.reviews.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.reviews.when')}</Table.Th>
              <Table.Th>{t('documents.reviews.outcome')}</Table.Th>
              <Table.Th>{t('documents.reviews.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{format.date(r.reviewedAt)}</Table.Td>
                <Table.Td>{t(`documents.reviews.outcomes.${r.outcome}`)}</Table.Td>
                <Table.Td>{r.note || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
