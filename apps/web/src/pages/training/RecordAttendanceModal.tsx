import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../api/identity';
import { useRecordAttendance, type TrainingAttendance } from '../../api/training';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';

/** Records (or corrects) who attended a session: the chosen people, all with one status. */
export function RecordAttendanceModal({
  sessionId,
  recorded,
  onClose,
}: {
  sessionId: string;
  recorded: TrainingAttendance[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const record = useRecordAttendance(sessionId);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [status, setStatus] = useState<'attended' | 'absent'>('attended');
  const [note, setNote] = useState('');
  const problem = problemFields(
    record.error,
    {
      entries: t('training.attendance.people'),
      'entries.*.userId': t('training.attendance.people'),
      'entries.*.note': t('training.attendance.note'),
    },
    ['entries', 'entries.*.userId', 'entries.*.note'],
  );
  const items = (users.data ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: u.displayName }));
  // People already recorded can be corrected even when the directory is not readable.
  for (const a of recorded)
    if (!items.some((i) => i.value === a.user.id))
      items.push({ value: a.user.id, label: a.user.name });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('training.attendance.recordTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <SaveProblem
          error={record.error}
          staleTitle={t('training.stale.title')}
          staleBody={t('training.stale.body')}
          fields={problem}
        />
        <MultiSelect
          label={t('training.attendance.people')}
          data={items}
          value={userIds}
          onChange={setUserIds}
          searchable
          required
          error={problem.error('entries')}
        />
        <Select
          label={t('training.attendance.status')}
          data={(['attended', 'absent'] as const).map((s) => ({
            value: s,
            label: t(`training.attendanceStatus.${s}`),
          }))}
          value={status}
          onChange={(v) => v && setStatus(v as typeof status)}
          allowDeselect={false}
        />
        <Textarea
          label={t('training.attendance.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={userIds.length === 0}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                { entries: userIds.map((userId) => ({ userId, status, note })) },
                { onSuccess: onClose },
              )
            }
          >
            {t('training.attendance.record')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
