import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalsKey } from '../../api/approvals';
import { api, isApiError } from '../../api/client';
import type { Approval } from '../../api/types';
import { useToast } from '../../components/Toasts';
import { useLabels } from '../../lib/labels';
import { ApprovalSummaryView } from './ApprovalSummaryView';

export type Decision = 'approved' | 'rejected';

/**
 * Shows what the request approves (its summary) and takes the decision with an
 * optional comment. Opened for one decision, it offers that one; opened to
 * review (`decision` null), it offers both when the user may decide. A refusal
 * (e.g. segregation of duties) is shown as the server words it.
 */
export function DecisionModal({
  approval,
  decision,
  canDecide,
  onClose,
}: {
  approval: Approval;
  decision: Decision | null;
  canDecide: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [chosen, setChosen] = useState<Decision | null>(decision);
  const decide = useMutation({
    mutationFn: (value: Decision) =>
      api.post<Approval>(`/api/v1/approvals/${approval.id}/decision`, {
        decision: value,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: (_, value) => {
      toast.success(
        t(value === 'approved' ? 'approvals.decided.approved' : 'approvals.decided.rejected'),
        labels.approvalTitle(approval),
      );
      void queryClient.invalidateQueries({ queryKey: approvalsKey });
      onClose();
    },
  });
  const offered: Decision[] =
    approval.status !== 'pending' || !canDecide
      ? []
      : decision
        ? [decision]
        : ['rejected', 'approved'];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Enter in the comment submits only when the modal was opened for one decision.
    if (decision) decide.mutate(decision);
  };
  const forbidden = isApiError(decide.error) && decide.error.status === 403;
  const title =
    decision === 'approved'
      ? t('approvals.approveTitle')
      : decision === 'rejected'
        ? t('approvals.rejectTitle')
        : t('approvalSummary.reviewTitle');
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      centered
      radius="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Card withBorder radius="md" p="sm" bg="gray.0">
            <Text fz="xs" c="dimmed">
              {labels.approvalTypeLabel(approval.approvalType)} ·{' '}
              {t('approvals.versionShort', { version: approval.entityVersion })}
            </Text>
            <Text fw={600}>{labels.approvalTitle(approval)}</Text>
          </Card>
          <ApprovalSummaryView approvalId={approval.id} />
          {decide.error ? (
            <Alert
              color={forbidden ? 'orange' : 'red'}
              variant="light"
              icon={<IconAlertCircle size={18} aria-hidden="true" />}
              title={forbidden ? t('approvals.notAllowed') : t('approvals.decisionFailed')}
              role="alert"
              data-testid="decision-error"
            >
              {isApiError(decide.error) ? decide.error.message : String(decide.error)}
            </Alert>
          ) : null}
          {offered.length > 0 && (
            <Textarea
              label={t('approvals.comment')}
              description={
                decision === 'rejected'
                  ? t('approvals.commentHintReject')
                  : t('approvals.commentHintApprove')
              }
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              data-autofocus
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {offered.length > 0 ? t('common.cancel') : t('common.close')}
            </Button>
            {offered.map((value) => (
              <Button
                key={value}
                type={decision ? 'submit' : 'button'}
                onClick={
                  decision
                    ? undefined
                    : () => {
                        setChosen(value);
                        decide.mutate(value);
                      }
                }
                // Reviewing, rejecting is the quieter choice (light, like the table's button).
                {...(value === 'approved' || decision
                  ? { color: value === 'approved' ? 'teal.9' : 'red.9', variant: 'filled' }
                  : { color: 'red', variant: 'light' })}
                loading={decide.isPending && (chosen ?? decision) === value}
                disabled={forbidden}
                leftSection={
                  value === 'approved' ? (
                    <IconCheck size={16} aria-hidden="true" />
                  ) : (
                    <IconX size={16} aria-hidden="true" />
                  )
                }
              >
                {value === 'approved' ? t('approvals.approve') : t('approvals.reject')}
              </Button>
            ))}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
