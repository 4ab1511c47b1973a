import { Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import type { ProblemFields } from '../../lib/problemFields';

/**
 * The frame of both entry editors (typed fields, free-form rows): the dialog,
 * the save problem or 412 notice, and the cancel/save buttons.
 */
export function EntriesModalShell({
  onClose,
  onSubmit,
  error,
  fields,
  saving,
  children,
}: {
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  error: unknown;
  /** The editor's mapping of field errors: errors on an entry show at its input. */
  fields: ProblemFields;
  saving: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records.entries.edit')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={error}
            staleTitle={t('records.entries.staleTitle')}
            staleBody={t('records.entries.staleBody')}
            fields={fields}
          />
          {children}
          <FormActions
            onCancel={onClose}
            cancelLabel={t('records.form.cancel')}
            submitLabel={t('records.entries.save')}
            loading={saving}
          />
        </Stack>
      </form>
    </Modal>
  );
}
