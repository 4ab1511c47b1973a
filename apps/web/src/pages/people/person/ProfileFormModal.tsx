import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonProfile } from '../../../api/people';
import { useJobs, useUpdateProfile } from '../../../api/people-competence';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { dateOrNull, useBilingual } from '../shared';

/** Edits a person's job, joining date, education, experience and notes (If-Match "0" at first). */
export function ProfileFormModal({
  profile,
  onClose,
}: {
  profile: PersonProfile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const save = useUpdateProfile();
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(profile.job?.id ?? null);
  const [joinedOn, setJoinedOn] = useState(profile.joinedOn ?? '');
  const [education, setEducation] = useState(profile.education);
  const [experience, setExperience] = useState(profile.experience);
  const [notes, setNotes] = useState(profile.notes);
  const labels = {
    jobId: t('people.person.job'),
    joinedOn: t('people.person.joinedOn'),
    education: t('people.person.education'),
    experience: t('people.person.experience'),
    notes: t('people.person.notes'),
  };
  const problem = problemFields(save.error, labels);
  const jobData = (jobs.data ?? [])
    .filter((j) => j.active || j.id === profile.job?.id)
    .map((j) => ({ value: j.id, label: `${j.code} ${text(j.name, j.nameEn)}` }));
  if (profile.job && !jobData.some((j) => j.value === profile.job!.id))
    jobData.push({ value: profile.job.id, label: `${profile.job.code} ${profile.job.name}` });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        profile,
        body: { jobId, joinedOn: dateOrNull(joinedOn), education, experience, notes },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('people.person.editTitle', { name: profile.user.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <Select
            label={labels.jobId}
            searchable
            clearable
            data={jobData}
            value={jobId}
            onChange={setJobId}
            error={problem.error('jobId')}
          />
          <TextInput
            type="date"
            label={labels.joinedOn}
            value={joinedOn}
            onChange={(e) => setJoinedOn(e.currentTarget.value)}
            error={problem.error('joinedOn')}
          />
          <Textarea
            label={labels.education}
            autosize
            minRows={2}
            value={education}
            onChange={(e) => setEducation(e.currentTarget.value)}
            error={problem.error('education')}
          />
          <Textarea
            label={labels.experience}
            autosize
            minRows={3}
            value={experience}
            onChange={(e) => setExperience(e.currentTarget.value)}
            error={problem.error('experience')}
          />
          <Textarea
            label={labels.notes}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={problem.error('notes')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('people.form.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
