import { Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { useSaveEntries, type EvidenceRecord } from './api';
import { FreeEntries, pairsToEntries, pairsValid, toPairs } from './FreeEntries';

/**
 * Edits the free-form entries of a record whose type defines no fields,
 * under the version that was read. A 412 keeps what the user typed.
 */
export function FreeEntriesModal({
  record,
  onClose,
}: {
  record: EvidenceRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEntries();
  const [pairs, setPairs] = useState(() => toPairs(record.entries));
  const [touched, setTouched] = useState(false);
  const error = (name: string) =>
    isApiError(save.error) && name ? save.error.fieldError(`entries.${name}`) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!pairsValid(pairs)) return;
    save.mutate({ record, input: pairsToEntries(pairs) }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records.entries.edit')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('records.entries.staleTitle')}
            staleBody={t('records.entries.staleBody')}
          />
          <FreeEntries pairs={pairs} onChange={setPairs} touched={touched} error={error} />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('records.form.cancel')}
            submitLabel={t('records.entries.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
