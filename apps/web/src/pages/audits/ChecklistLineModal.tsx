import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useAddLine, useUpdateLine, type ChecklistLine } from './checklistApi';

/** Adds an own question to the checklist, or rewords a line (its result stays). */
export function ChecklistLineModal({
  auditId,
  line,
  onClose,
}: {
  auditId: string;
  /** null: a new line. */
  line: ChecklistLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddLine(auditId);
  const update = useUpdateLine(auditId);
  const mutation = line ? update : add;
  const [promptJa, setPromptJa] = useState(line?.prompt.ja ?? '');
  const [promptEn, setPromptEn] = useState(line?.prompt.en ?? '');
  const labels = {
    promptJa: t('auditChecklist.lineForm.promptJa'),
    promptEn: t('auditChecklist.lineForm.promptEn'),
  };
  const problem = problemFields(mutation.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { promptJa, promptEn };
    if (line) update.mutate({ line, body }, { onSuccess: onClose });
    else add.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(line ? 'auditChecklist.lineForm.titleEdit' : 'auditChecklist.lineForm.titleNew')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={mutation.error} extra={problem.unplaced.map(unplacedText)} />
          <Textarea
            label={labels.promptJa}
            value={promptJa}
            onChange={(e) => setPromptJa(e.currentTarget.value)}
            error={problem.error('promptJa')}
            required
            autosize
            minRows={2}
          />
          <Textarea
            label={labels.promptEn}
            value={promptEn}
            onChange={(e) => setPromptEn(e.currentTarget.value)}
            error={problem.error('promptEn')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('auditChecklist.lineForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
