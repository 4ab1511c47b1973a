import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useDecideProposal, type PreventiveProposal } from './api';
import { useAreaT } from './useAreaT';

/** Accepts a proposal (a potential nonconformity is raised) or dismisses it with a reason. */
export function ProposalDecisionModal({
  proposal,
  onClose,
}: {
  proposal: PreventiveProposal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideProposal();
  const [reason, setReason] = useState('');
  const k = useAreaT('improvementRegister.proposals');
  const problem = problemFields(decide.error, { reason: k('decisionReason') }, ['reason']);
  const send = (decision: 'accepted' | 'dismissed') =>
    decide.mutate({ proposal, input: { decision, reason } }, { onSuccess: onClose });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${k('decide')}: ${proposal.risk.code}`}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{k(`reasons.${proposal.reason}`)}</Text>
        <FormError error={decide.error} extra={problem.unplaced.map(unplacedText)} />
        <Textarea
          label={k('decisionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          error={problem.error('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => send('dismissed')} loading={decide.isPending}>
            {k('dismiss')}
          </Button>
          <Button onClick={() => send('accepted')} loading={decide.isPending}>
            {k('accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
