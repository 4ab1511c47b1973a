import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_REVIEW_OUTCOMES, type LegalReviewOutcome } from '@mamoru/contracts';
import { FormError } from '../../components/QueryStates';
import { toDateInput } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useReviewObligation, type LegalObligation } from './api';

/**
 * Records a review of an obligation: still as registered, changed (the
 * management review hears of it), or no longer applicable (retired). The next
 * review date follows the interval unless another is given.
 */
export function ReviewModal({
  obligation,
  onClose,
}: {
  obligation: LegalObligation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewObligation();
  const [reviewedOn, setReviewedOn] = useState(toDateInput(new Date()));
  const [outcome, setOutcome] = useState<LegalReviewOutcome>('unchanged');
  const [note, setNote] = useState('');
  const [nextReviewDate, setNext] = useState('');
  const labels = {
    reviewedOn: t('legal.review.reviewedOn'),
    outcome: t('legal.review.outcome'),
    note: t('legal.review.note'),
    nextReviewDate: t('legal.review.nextReview'),
  };
  const problem = problemFields(review.error, labels, Object.keys(labels));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reviewedOn) return;
    review.mutate(
      {
        current: obligation,
        body: {
          reviewedOn,
          outcome,
          note,
          ...(nextReviewDate && outcome !== 'retired' ? { nextReviewDate } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('legal.review.title', { code: obligation.code })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={review.error} extra={problem.unplaced.map(unplacedText)} />
          <TextInput
            type="date"
            label={labels.reviewedOn}
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.currentTarget.value)}
            required
            error={problem.error('reviewedOn')}
          />
          <Radio.Group
            label={labels.outcome}
            value={outcome}
            onChange={(v) => setOutcome(v as LegalReviewOutcome)}
            error={problem.error('outcome')}
          >
            <Stack gap="xs" mt="xs">
              {LEGAL_REVIEW_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={t(`legal.outcome.${o}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={labels.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={problem.error('note')}
            autosize
            minRows={2}
          />
          {outcome !== 'retired' && (
            <TextInput
              type="date"
              label={labels.nextReviewDate}
              description={t('legal.review.nextReviewHint', {
                months: obligation.reviewIntervalMonths,
              })}
              value={nextReviewDate}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={problem.error('nextReviewDate')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('legal.form.cancel')}
            </Button>
            <Button type="submit" loading={review.isPending}>
              {t('legal.review.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
