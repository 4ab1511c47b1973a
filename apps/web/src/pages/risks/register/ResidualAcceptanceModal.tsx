import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields } from '../../../lib/problemFields';
import { useRequestResidualAcceptance } from '../api/register';

/**
 * Sends residual risks to top management (4.2.1.i): the chosen risks, or
 * every risk with a treatment decision not yet accepted. Approval records
 * the acceptance per risk and, if asked, the authorization to operate the ISMS.
 */
export function ResidualAcceptanceModal({
  riskIds,
  onClose,
}: {
  riskIds: string[] | undefined;
  onClose: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const request = useRequestResidualAcceptance();
  const [note, setNote] = useState('');
  const [authorizeOperation, setAuthorizeOperation] = useState(true);
  const sent = request.data;
  // The chosen risks have no input here: an error about one is listed by that label.
  const problem = problemFields(
    request.error,
    {
      note: t('risks.residual.note'),
      authorizeOperation: t('risks.residual.authorizeOperation'),
      riskIds: t('risks.residual.risks'),
    },
    ['note', 'authorizeOperation'],
  );
  return (
    <Modal
      opened
      onClose={() => onClose(!!sent)}
      title={t('risks.residual.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">
          {riskIds
            ? t('risks.residual.selectedIntro', { count: riskIds.length })
            : t('risks.residual.allIntro')}
        </Text>
        {request.error ? <ProblemDetails error={request.error} fields={problem} /> : null}
        {sent ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden="true" />} role="status">
            {t('risks.residual.sent', { count: sent.riskCount })}
          </Alert>
        ) : (
          <>
            <Textarea
              label={t('risks.residual.note')}
              description={t('risks.residual.noteHint')}
              value={note}
              error={problem.error('note')}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={4000}
            />
            <Checkbox
              label={t('risks.residual.authorizeOperation')}
              description={t('risks.residual.authorizeOperationHint')}
              checked={authorizeOperation}
              error={problem.error('authorizeOperation')}
              onChange={(e) => setAuthorizeOperation(e.currentTarget.checked)}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(!!sent)}>
            {sent ? t('common.close') : t('common.cancel')}
          </Button>
          {!sent && (
            <Button
              loading={request.isPending}
              onClick={() =>
                request.mutate({ ...(riskIds ? { riskIds } : {}), note, authorizeOperation })
              }
            >
              {t('risks.residual.send')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
