import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluate, type TrainingAttendance } from '../../api/training';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { today } from './labels';

/** A supervisor's judgement whether the training worked for one attendee (never oneself). */
export function EvaluationModal({
  attendance,
  onClose,
}: {
  attendance: TrainingAttendance;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const evaluate = useEvaluate();
  const [result, setResult] = useState<'effective' | 'not_effective'>(
    attendance.evaluationResult ?? 'effective',
  );
  const [evaluatedOn, setEvaluatedOn] = useState(attendance.evaluatedOn ?? today());
  const [note, setNote] = useState(attendance.evaluationNote);
  const problem = problemFields(evaluate.error, {
    result: t('training.evaluate.result'),
    evaluatedOn: t('training.evaluate.evaluatedOn'),
    note: t('training.evaluate.note'),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('training.evaluate.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">
          {t('training.evaluate.who', {
            name: attendance.user.name,
            course: attendance.course.title,
          })}
        </Text>
        <SaveProblem
          error={evaluate.error}
          staleTitle={t('training.stale.title')}
          staleBody={t('training.stale.body')}
          fields={problem}
        />
        <Radio.Group
          label={t('training.evaluate.result')}
          value={result}
          onChange={(v) => setResult(v as typeof result)}
          error={problem.error('result')}
        >
          <Group mt="xs">
            <Radio value="effective" label={t('training.evaluationResult.effective')} />
            <Radio value="not_effective" label={t('training.evaluationResult.not_effective')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('training.evaluate.evaluatedOn')}
          value={evaluatedOn}
          onChange={(e) => setEvaluatedOn(e.currentTarget.value)}
          error={problem.error('evaluatedOn')}
        />
        <Textarea
          label={t('training.evaluate.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={problem.error('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={evaluate.isPending}
            onClick={() =>
              evaluate.mutate(
                { attendance, body: { result, evaluatedOn, note } },
                { onSuccess: onClose },
              )
            }
          >
            {t('training.evaluate.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
