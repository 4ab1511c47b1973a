import { Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { competenceKindSchema } from '@mamoru/contracts';
import { type CompetenceKind, type CompetenceRequirement } from '../../../api/people';
import {
  useActiveCourses,
  useCreateRequirement,
  useUpdateRequirement,
} from '../../../api/people-competence';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';

export interface RequirementTarget {
  kind: 'role' | 'job';
  id: string;
}

/**
 * Adds a competence requirement to a role or job, or edits one. A training
 * requirement names an active course; the server re-checks (422 on `courseId`).
 */
export function RequirementModal({
  requirement,
  target,
  onClose,
}: {
  requirement?: CompetenceRequirement;
  target: RequirementTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRequirement();
  const update = useUpdateRequirement();
  const mutation = requirement ? update : create;
  const [kind, setKind] = useState<CompetenceKind>(requirement?.kind ?? 'skill');
  const [name, setName] = useState(requirement?.name ?? '');
  const [nameEn, setNameEn] = useState(requirement?.nameEn ?? '');
  const [courseId, setCourseId] = useState<string | null>(requirement?.course?.id ?? null);
  const [renewal, setRenewal] = useState<number | string>(requirement?.renewalMonths ?? '');
  const [note, setNote] = useState(requirement?.note ?? '');
  const [touched, setTouched] = useState(false);
  const courses = useActiveCourses(kind === 'training');
  const labels = {
    kind: t('people.requirementForm.kind'),
    name: t('people.requirementForm.name'),
    nameEn: t('people.requirementForm.nameEn'),
    courseId: t('people.requirementForm.course'),
    renewalMonths: t('people.requirementForm.renewal'),
    note: t('people.requirementForm.note'),
    roleId: t('people.requirements.target'),
    jobId: t('people.requirements.target'),
  };
  const problem = problemFields(mutation.error, labels, [
    'kind',
    'name',
    'nameEn',
    'courseId',
    'renewalMonths',
    'note',
  ]);
  const courseData = (courses.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.code} ${c.title}`,
  }));
  if (requirement?.course && !courseData.some((c) => c.value === requirement.course!.id))
    courseData.push({
      value: requirement.course.id,
      label: `${requirement.course.code} ${requirement.course.title}`,
    });
  const needsCourse = kind === 'training';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || (needsCourse && !courseId)) return;
    const body = {
      kind,
      name,
      nameEn,
      courseId: needsCourse ? courseId : null,
      renewalMonths: typeof renewal === 'number' ? renewal : null,
      note,
    };
    if (requirement) update.mutate({ requirement, body }, { onSuccess: onClose });
    else if (target)
      create.mutate(
        {
          ...body,
          roleId: target.kind === 'role' ? target.id : null,
          jobId: target.kind === 'job' ? target.id : null,
        },
        { onSuccess: onClose },
      );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        requirement ? t('people.requirementForm.editTitle') : t('people.requirementForm.addTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <Select
            label={labels.kind}
            data={competenceKindSchema.options.map((k) => ({
              value: k,
              label: t(`people.competenceKind.${k}`),
            }))}
            value={kind}
            onChange={(v) => v && setKind(v as CompetenceKind)}
            allowDeselect={false}
            error={problem.error('kind')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={labels.name}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={
                (touched && !name.trim() ? t('people.form.required') : undefined) ??
                problem.error('name')
              }
            />
            <TextInput
              label={labels.nameEn}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={problem.error('nameEn')}
            />
          </Group>
          {needsCourse && (
            <Select
              label={labels.courseId}
              searchable
              data={courseData}
              value={courseId}
              onChange={setCourseId}
              required
              nothingFoundMessage={t('people.requirementForm.noCourses')}
              error={
                (touched && !courseId ? t('people.form.required') : undefined) ??
                problem.error('courseId')
              }
            />
          )}
          <NumberInput
            label={labels.renewalMonths}
            description={t('people.requirementForm.renewalHint')}
            min={1}
            max={120}
            value={renewal}
            onChange={setRenewal}
            error={problem.error('renewalMonths')}
          />
          <Textarea
            label={labels.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={problem.error('note')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={requirement ? t('people.form.save') : t('people.requirementForm.submit')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
