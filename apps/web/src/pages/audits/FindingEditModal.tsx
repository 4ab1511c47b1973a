import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/assets';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useUpdateFinding, type AuditFinding } from './checklistApi';

/** The team words an open finding and names its auditee unit and due date. */
export function FindingEditModal({
  auditId,
  finding,
  onClose,
}: {
  auditId: string;
  finding: AuditFinding;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const save = useUpdateFinding(auditId);
  const [description, setDescription] = useState(finding.description);
  const [unitId, setUnitId] = useState<string | null>(finding.unit?.id ?? null);
  const [dueDate, setDueDate] = useState(finding.dueDate ?? '');
  const labels = {
    description: t('auditChecklist.resultForm.description'),
    unitId: t('auditChecklist.resultForm.unit'),
    dueDate: t('auditChecklist.resultForm.dueDate'),
  };
  const problem = problemFields(save.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { finding, body: { description, unitId, dueDate: dueDate || null } },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('auditChecklist.findings.editTitle', { number: finding.number })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          <Textarea
            label={labels.description}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problem.error('description')}
            required
            autosize
            minRows={2}
          />
          <Select
            label={labels.unitId}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={unitId}
            onChange={setUnitId}
            error={problem.error('unitId')}
            searchable
            clearable
          />
          <TextInput
            type="date"
            label={labels.dueDate}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={problem.error('dueDate')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('auditChecklist.findings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
