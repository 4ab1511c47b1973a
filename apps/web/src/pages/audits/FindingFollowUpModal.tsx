import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useCorrectFinding, useVerifyFinding, type AuditFinding } from './checklistApi';

/**
 * The follow-up of a finding: the auditee records the correction, then an
 * auditor of the team other than the one who made it verifies it.
 */
export function FindingFollowUpModal({
  auditId,
  finding,
  step,
  onClose,
}: {
  auditId: string;
  finding: AuditFinding;
  step: 'correct' | 'verify';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectFinding(auditId);
  const verify = useVerifyFinding(auditId);
  const mutation = step === 'correct' ? correct : verify;
  const [text, setText] = useState(step === 'correct' ? finding.correction : '');
  const field = step === 'correct' ? 'correction' : 'note';
  const label = t(
    step === 'correct'
      ? 'auditChecklist.findings.correction'
      : 'auditChecklist.findings.verificationNote',
  );
  const problem = problemFields(mutation.error, { [field]: label, verifiedBy: label }, [field]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ finding, text }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(
        step === 'correct'
          ? 'auditChecklist.findings.correctTitle'
          : 'auditChecklist.findings.verifyTitle',
        { number: finding.number },
      )}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={mutation.error} extra={problem.unplaced.map(unplacedText)} />
          <Text fz="sm">{finding.description}</Text>
          {step === 'verify' && (
            <>
              <Text fz="sm" c="dimmed">
                {finding.correction}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('auditChecklist.findings.verifyHint')}
              </Text>
            </>
          )}
          <Textarea
            label={label}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem.error(field)}
            required={step === 'correct'}
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('auditChecklist.findings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
