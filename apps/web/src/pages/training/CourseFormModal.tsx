import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  courseDeliverySchema,
  courseEvaluationSchema,
  courseKindSchema,
  type CourseDelivery,
  type CourseEvaluation,
  type CourseKind,
} from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { useCreateCourse, useUpdateCourse, type TrainingCourse } from '../../api/training';
import { useDocumentOptions, useIsmsRoleOptions } from './options';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';

const FIELDS = [
  'title',
  'titleEn',
  'description',
  'descriptionEn',
  'kind',
  'delivery',
  'evaluation',
  'passMark',
  'intervalMonths',
  'audienceUnitIds',
  'audienceRoleIds',
  'materialDocumentIds',
] as const;

/** Creates a course or edits one: titles ja/en, kind, delivery, evaluation, interval, audience. */
export function CourseFormModal({
  course,
  onClose,
}: {
  course?: TrainingCourse;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const mutation = course ? update : create;
  const units = useOrgUnits();
  const roles = useIsmsRoleOptions(true, i18n.language.startsWith('en'));
  const documents = useDocumentOptions(true);
  const [title, setTitle] = useState(course?.title ?? '');
  const [titleEn, setTitleEn] = useState(course?.titleEn ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [descriptionEn, setDescriptionEn] = useState(course?.descriptionEn ?? '');
  const [kind, setKind] = useState<CourseKind>(course?.kind ?? 'awareness');
  const [delivery, setDelivery] = useState<CourseDelivery>(course?.delivery ?? 'classroom');
  const [evaluation, setEvaluation] = useState<CourseEvaluation>(course?.evaluation ?? 'none');
  const [passMark, setPassMark] = useState<number | string>(course?.passMark ?? 80);
  const [intervalMonths, setIntervalMonths] = useState<number | string>(
    course ? (course.intervalMonths ?? '') : 12,
  );
  const [audienceAll, setAudienceAll] = useState(course?.audienceAll ?? true);
  const [unitIds, setUnitIds] = useState<string[]>(course?.audienceUnits.map((u) => u.id) ?? []);
  const [roleIds, setRoleIds] = useState<string[]>(course?.audienceRoles.map((r) => r.id) ?? []);
  const [materialIds, setMaterialIds] = useState<string[]>(
    course?.materials.map((m) => m.id) ?? [],
  );
  const [touched, setTouched] = useState(false);
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`training.course.${f}`)]));
  const problem = problemFields(mutation.error, labels, [...FIELDS]);

  // Chosen entries stay nameable even when the option lists do not include them.
  const withChosen = (
    options: { value: string; label: string }[] | undefined,
    chosen: { id: string; label: string }[],
  ) => {
    const all = [...(options ?? [])];
    for (const c of chosen)
      if (!all.some((o) => o.value === c.id)) all.push({ value: c.id, label: c.label });
    return all;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    const body = {
      title,
      titleEn,
      description,
      descriptionEn,
      kind,
      delivery,
      evaluation,
      passMark: Number(passMark) || 80,
      intervalMonths: intervalMonths === '' ? null : Number(intervalMonths),
      audienceAll,
      audienceUnitIds: audienceAll ? [] : unitIds,
      audienceRoleIds: audienceAll ? [] : roleIds,
      materialDocumentIds: materialIds,
    };
    if (course) update.mutate({ course, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: (c) => void navigate(`/training/courses/${c.id}`) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={course ? t('training.course.editTitle') : t('training.course.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('training.stale.title')}
            staleBody={t('training.stale.body')}
            fields={problem}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('training.course.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              error={
                (touched && !title.trim() ? t('training.required') : undefined) ??
                problem.error('title')
              }
            />
            <TextInput
              label={t('training.course.titleEn')}
              value={titleEn}
              onChange={(e) => setTitleEn(e.currentTarget.value)}
              error={problem.error('titleEn')}
            />
            <Textarea
              label={t('training.course.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={problem.error('description')}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('training.course.descriptionEn')}
              value={descriptionEn}
              onChange={(e) => setDescriptionEn(e.currentTarget.value)}
              error={problem.error('descriptionEn')}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('training.course.kind')}
              data={courseKindSchema.options.map((v) => ({
                value: v,
                label: t(`training.kind.${v}`),
              }))}
              value={kind}
              onChange={(v) => v && setKind(v as CourseKind)}
              allowDeselect={false}
              error={problem.error('kind')}
            />
            <Select
              label={t('training.course.delivery')}
              data={courseDeliverySchema.options.map((v) => ({
                value: v,
                label: t(`training.delivery.${v}`),
              }))}
              value={delivery}
              onChange={(v) => v && setDelivery(v as CourseDelivery)}
              allowDeselect={false}
              error={problem.error('delivery')}
            />
            <Select
              label={t('training.course.evaluation')}
              data={courseEvaluationSchema.options.map((v) => ({
                value: v,
                label: t(`training.evaluation.${v}`),
              }))}
              value={evaluation}
              onChange={(v) => v && setEvaluation(v as CourseEvaluation)}
              allowDeselect={false}
              error={problem.error('evaluation')}
            />
            {evaluation === 'quiz' && (
              <NumberInput
                label={t('training.course.passMark')}
                description={t('training.course.passMarkHint')}
                min={1}
                max={100}
                value={passMark}
                onChange={setPassMark}
                error={problem.error('passMark')}
              />
            )}
            <NumberInput
              label={t('training.course.intervalMonths')}
              description={t('training.course.intervalHint')}
              min={1}
              max={120}
              value={intervalMonths}
              onChange={setIntervalMonths}
              error={problem.error('intervalMonths')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('training.course.audienceAll')}
            checked={audienceAll}
            onChange={(e) => setAudienceAll(e.currentTarget.checked)}
          />
          {!audienceAll && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('training.course.audienceUnitIds')}
                data={withChosen(
                  units.data?.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` })),
                  course?.audienceUnits.map((u) => ({ id: u.id, label: u.name })) ?? [],
                )}
                value={unitIds}
                onChange={setUnitIds}
                searchable
                error={problem.error('audienceUnitIds')}
              />
              <MultiSelect
                label={t('training.course.audienceRoleIds')}
                data={withChosen(
                  roles.data,
                  course?.audienceRoles.map((r) => ({ id: r.id, label: r.name })) ?? [],
                )}
                value={roleIds}
                onChange={setRoleIds}
                searchable
                error={problem.error('audienceRoleIds')}
              />
            </SimpleGrid>
          )}
          <MultiSelect
            label={t('training.course.materialDocumentIds')}
            data={withChosen(
              documents.data,
              course?.materials.map((m) => ({ id: m.id, label: `${m.code} ${m.title}` })) ?? [],
            )}
            value={materialIds}
            onChange={setMaterialIds}
            searchable
            error={problem.error('materialDocumentIds')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {course ? t('common.save') : t('training.course.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
