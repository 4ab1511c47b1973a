import {
  Divider,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateMeeting,
  usePeopleChoices,
  useUpdateMeeting,
  type CommitteeMeeting,
} from '../../../api/people';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { OwnerFiles } from '../OwnerFiles';

/**
 * Plans a committee meeting or records it: date, agenda, who attended, the
 * minutes, and (once saved) files such as signed minutes or slides.
 */
export function MeetingModal({
  meeting,
  editable,
  onClose,
}: {
  meeting?: CommitteeMeeting;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const mutation = meeting ? update : create;
  const people = usePeopleChoices();
  const [form, setForm] = useState({
    title: meeting?.title ?? '',
    heldOn: meeting?.heldOn ?? '',
    status: meeting?.status ?? ('planned' as 'planned' | 'held'),
    agenda: meeting?.agenda ?? '',
    minutes: meeting?.minutes ?? '',
    attendeeUserIds: meeting?.attendees.map((a) => a.id) ?? [],
  });
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const labels = {
    title: t('people.meetingForm.title'),
    heldOn: t('people.meetingForm.heldOn'),
    status: t('people.meetingForm.status'),
    agenda: t('people.meetingForm.agenda'),
    minutes: t('people.meetingForm.minutes'),
    attendeeUserIds: t('people.meetingForm.attendees'),
  };
  const problem = problemFields(mutation.error, {
    ...labels,
    'attendeeUserIds.*': labels.attendeeUserIds,
  });
  const required = (v: string) => (touched && !v.trim() ? t('people.form.required') : undefined);
  const attendeeData = (people.data ?? []).map((p) => ({ value: p.user.id, label: p.user.name }));
  for (const a of meeting?.attendees ?? [])
    if (!attendeeData.some((d) => d.value === a.id))
      attendeeData.push({ value: a.id, label: a.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.title.trim() || !form.heldOn) return;
    if (meeting) update.mutate({ meeting, body: form }, { onSuccess: onClose });
    else create.mutate(form, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={meeting ? `${meeting.code} ${meeting.title}` : t('people.meetingForm.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="md">
            <SaveProblem
              error={mutation.error}
              staleTitle={t('people.stale.title')}
              staleBody={t('people.stale.body')}
              fields={problem}
            />
            <TextInput
              label={labels.title}
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              required
              error={required(form.title) ?? problem.error('title')}
            />
            <TextInput
              type="date"
              label={labels.heldOn}
              value={form.heldOn}
              onChange={(e) => set('heldOn', e.currentTarget.value)}
              required
              error={required(form.heldOn) ?? problem.error('heldOn')}
            />
            <Select
              label={labels.status}
              data={(['planned', 'held'] as const).map((s) => ({
                value: s,
                label: t(`people.meetingStatus.${s}`),
              }))}
              value={form.status}
              onChange={(v) => v && set('status', v as 'planned' | 'held')}
              allowDeselect={false}
              error={problem.error('status')}
            />
            <MultiSelect
              label={labels.attendeeUserIds}
              searchable
              data={attendeeData}
              value={form.attendeeUserIds}
              onChange={(v) => set('attendeeUserIds', v)}
              error={problem.error('attendeeUserIds')}
            />
            <Textarea
              label={labels.agenda}
              autosize
              minRows={3}
              value={form.agenda}
              onChange={(e) => set('agenda', e.currentTarget.value)}
              error={problem.error('agenda')}
            />
            <Textarea
              label={labels.minutes}
              autosize
              minRows={5}
              value={form.minutes}
              onChange={(e) => set('minutes', e.currentTarget.value)}
              error={problem.error('minutes')}
            />
            {editable && (
              <FormActions
                onCancel={onClose}
                submitLabel={meeting ? t('people.form.save') : t('people.meetingForm.submit')}
                loading={mutation.isPending}
              />
            )}
          </Stack>
        </fieldset>
      </form>
      {meeting && (
        <Stack gap="xs" mt="md">
          <Divider />
          <Text fw={500} fz="sm">
            {t('people.meetingForm.files')}
          </Text>
          <OwnerFiles
            ownerType="committee_meeting"
            ownerId={meeting.id}
            editable={editable}
            label={t('people.files.uploadTo', { name: meeting.code })}
          />
        </Stack>
      )}
    </Modal>
  );
}
