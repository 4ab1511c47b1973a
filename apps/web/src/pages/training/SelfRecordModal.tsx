import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelfAttendance, type MyTraining } from '../../api/training';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { today, useBilingual } from './labels';

/** Staff record a course they took outside a recorded session (a talk, an external course). */
export function SelfRecordModal({
  courses,
  courseId,
  onClose,
}: {
  courses: MyTraining['courses'];
  courseId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const save = useSelfAttendance();
  const [course, setCourse] = useState<string | null>(courseId ?? null);
  const [attendedOn, setAttendedOn] = useState(today());
  const [note, setNote] = useState('');
  const problem = problemFields(save.error, {
    courseId: t('training.self.course'),
    attendedOn: t('training.self.attendedOn'),
    note: t('training.self.note'),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('training.self.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <SaveProblem
          error={save.error}
          staleTitle={t('training.stale.title')}
          staleBody={t('training.stale.body')}
          fields={problem}
        />
        <Select
          label={t('training.self.course')}
          data={courses.map((c) => ({
            value: c.course.id,
            label: `${c.course.code} ${text(c.course.title, c.course.titleEn)}`,
          }))}
          value={course}
          onChange={setCourse}
          required
          error={problem.error('courseId')}
        />
        <TextInput
          type="date"
          label={t('training.self.attendedOn')}
          value={attendedOn}
          max={today()}
          onChange={(e) => setAttendedOn(e.currentTarget.value)}
          required
          error={problem.error('attendedOn')}
        />
        <Textarea
          label={t('training.self.note')}
          description={t('training.self.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          error={problem.error('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!course || !attendedOn}
            loading={save.isPending}
            onClick={() =>
              save.mutate({ courseId: course!, attendedOn, note }, { onSuccess: onClose })
            }
          >
            {t('training.self.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
