import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateAssignment, type RoleAssignment } from '../../../api/people';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { today } from '../shared';

/** Ends an assignment on a date; the assignment stays in the history. */
export function EndAssignmentModal({
  assignment,
  onClose,
}: {
  assignment: RoleAssignment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const [endsOn, setEndsOn] = useState(today());
  const problem = problemFields(update.error, { endsOn: t('people.endForm.endsOn') });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!endsOn) return;
    update.mutate({ assignment, body: { endsOn } }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.endForm.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={update.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <Text fz="sm">{t('people.endForm.body', { name: assignment.user.name })}</Text>
          <TextInput
            type="date"
            label={t('people.endForm.endsOn')}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            required
            error={problem.error('endsOn')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('people.endForm.submit')}
            loading={update.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
