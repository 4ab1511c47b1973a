import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { isStale, StaleAlert } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { useSubmitPlan, type ResourcePlan } from './api';
import { useResourcesT } from './format';

const statusColor = { draft: 'gray', submitted: 'yellow', approved: 'teal' } as const;

/**
 * The year's plan and its approval by top management (5.1.e): its state,
 * what approval means, and for managers the request to approve it.
 */
export function PlanCard({
  plan,
  items,
  manager,
}: {
  plan: ResourcePlan;
  /** Resources in the year: a plan without any is not worth approving. */
  items: number;
  manager: boolean;
}) {
  const { tr } = useResourcesT();
  const { date } = useFormat();
  const [asking, setAsking] = useState(false);
  // A draft that was approved before: planned figures changed after approval.
  const reopened = plan.status === 'draft' && plan.approvedAt !== null;
  const state =
    plan.status === 'approved'
      ? plan.approvedBy
        ? tr('plan.approved', { name: plan.approvedBy.name, date: date(plan.approvedAt) })
        : tr('plan.approvedNoName', { date: date(plan.approvedAt) })
      : plan.status === 'submitted'
        ? tr('plan.submitted', { date: date(plan.submittedAt) })
        : reopened
          ? tr('plan.reopened', { date: date(plan.approvedAt) })
          : tr('plan.draft');
  return (
    <SectionCard
      id="resources-plan"
      title={tr('plan.title')}
      description={tr('plan.meaning')}
      actions={
        manager && plan.status === 'draft' ? (
          <Button onClick={() => setAsking(true)} disabled={items === 0}>
            {tr('plan.submit')}
          </Button>
        ) : undefined
      }
    >
      <Group gap="sm">
        <Badge color={statusColor[plan.status]} variant="light" size="lg">
          {tr(`plan.status.${plan.status}`)}
        </Badge>
        <Text fz="sm">{state}</Text>
      </Group>
      {manager && plan.status === 'draft' && items === 0 && (
        <Text fz="sm" c="dimmed">
          {tr('plan.empty')}
        </Text>
      )}
      {plan.status === 'submitted' && (
        <Anchor component={Link} to="/approvals" fz="sm">
          {tr('plan.openApprovals')}
        </Anchor>
      )}
      {asking && <SubmitModal plan={plan} onClose={() => setAsking(false)} />}
    </SectionCard>
  );
}

function SubmitModal({ plan, onClose }: { plan: ResourcePlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { tr } = useResourcesT();
  const toast = useToast();
  const submit = useSubmitPlan();
  const [comment, setComment] = useState('');
  return (
    <Modal
      opened
      onClose={onClose}
      title={tr('plan.submitTitle', { year: plan.fiscalYear })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {isStale(submit.error) ? (
          <StaleAlert title={tr('plan.title')}>{tr('plan.stale')}</StaleAlert>
        ) : (
          <FormError error={submit.error} />
        )}
        <Alert variant="light" color="blue">
          {tr('plan.meaning')}
        </Alert>
        <Textarea
          label={tr('plan.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tr('form.cancel')}
          </Button>
          <Button
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(
                { plan, comment },
                {
                  onSuccess: () => {
                    toast.success(tr('plan.sent'));
                    onClose();
                  },
                },
              )
            }
          >
            {tr('plan.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
