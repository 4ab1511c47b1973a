import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { IconSend, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ProblemDetails } from '../../components/ProblemDetails';
import { useSession } from '../../session/useSession';
import { refusalText } from './labels';
import { ReviewExportMenu } from './ReviewExportMenu';
import {
  useCancelReview,
  useDistributeMinutes,
  useSubmitMinutes,
  type ManagementReview,
} from './api';

/** The lifecycle steps after the minutes: submit for approval, distribute; and cancelling. */
export function ReviewActions({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('reviews:manage');
  const submit = useSubmitMinutes();
  const distribute = useDistributeMinutes();
  const cancel = useCancelReview();
  const [asking, setAsking] = useState<'submit' | 'distribute' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const exportable = !['planned', 'inputs_prepared', 'cancelled'].includes(review.status);
  const active = asking === 'submit' ? submit : distribute;

  return (
    <Group gap="sm">
      {manage && review.status === 'held' && (
        <Button
          leftSection={<IconSend size={16} aria-hidden="true" />}
          onClick={() => setAsking('submit')}
        >
          {t('reviews.actions.submit')}
        </Button>
      )}
      {manage && review.status === 'approved' && !review.distributedAt && (
        <Button
          leftSection={<IconShare size={16} aria-hidden="true" />}
          onClick={() => setAsking('distribute')}
        >
          {t('reviews.actions.distribute')}
        </Button>
      )}
      {manage && ['planned', 'inputs_prepared'].includes(review.status) && (
        <Button variant="default" color="red" onClick={() => setCancelling(true)}>
          {t('reviews.actions.cancel')}
        </Button>
      )}
      {exportable && <ReviewExportMenu reviewId={review.id} />}
      <ConfirmModal
        opened={asking !== null}
        onClose={() => {
          setAsking(null);
          active.reset();
        }}
        onConfirm={() =>
          asking === 'submit'
            ? submit.mutate({ review, input: {} }, { onSuccess: () => setAsking(null) })
            : distribute.mutate({ review, input: null }, { onSuccess: () => setAsking(null) })
        }
        title={t(`reviews.actions.${asking ?? 'submit'}Title`)}
        message={t(`reviews.actions.${asking ?? 'submit'}Message`)}
        confirmLabel={t(`reviews.actions.${asking ?? 'submit'}`)}
        pending={active.isPending}
        error={refusalText(active.error)}
      />
      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t('reviews.actions.cancelTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <ProblemDetails error={cancel.error} />
          <Textarea
            label={t('reviews.actions.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('common.close')}
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { review, input: { reason } },
                  { onSuccess: () => setCancelling(false) },
                )
              }
            >
              {t('reviews.actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
