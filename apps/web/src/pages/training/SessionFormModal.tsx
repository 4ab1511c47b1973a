import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionStatusSchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { useUserDirectory } from '../../api/identity';
import {
  useCourses,
  useCreateSession,
  useUpdateSession,
  type SessionStatus,
  type TrainingSession,
} from '../../api/training';
import { useDocumentOptions } from './options';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useBilingual } from './labels';

const FIELDS = [
  'courseId',
  'heldOn',
  'location',
  'trainerUserId',
  'trainerName',
  'materialDocumentIds',
  'audienceUnitIds',
  'status',
  'note',
] as const;

/** Plans a session of a course or edits one (date, place, trainer, materials, audience, status). */
export function SessionFormModal({
  session,
  courseId,
  onClose,
}: {
  session?: TrainingSession;
  courseId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const navigate = useNavigate();
  const { can } = useSession();
  const create = useCreateSession();
  const update = useUpdateSession();
  const mutation = session ? update : create;
  const courses = useCourses({ active: 'true' });
  const users = useUserDirectory(can('users:read'));
  const units = useOrgUnits();
  const documents = useDocumentOptions(true);
  const [course, setCourse] = useState<string | null>(session?.course.id ?? courseId ?? null);
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? '');
  const [location, setLocation] = useState(session?.location ?? '');
  const [trainerUserId, setTrainerUserId] = useState<string | null>(session?.trainer?.id ?? null);
  const [trainerName, setTrainerName] = useState(session?.trainerName ?? '');
  const [materialIds, setMaterialIds] = useState(session?.materials.map((m) => m.id) ?? []);
  const [unitIds, setUnitIds] = useState(session?.audienceUnits.map((u) => u.id) ?? []);
  const [status, setStatus] = useState<SessionStatus>(session?.status ?? 'planned');
  const [note, setNote] = useState(session?.note ?? '');
  const [touched, setTouched] = useState(false);
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`training.session.${f}`)]));
  const problem = problemFields(mutation.error, labels, [...FIELDS]);
  const required = (value: string | null) =>
    touched && !value ? t('training.required') : undefined;

  const courseItems = (courses.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({
    value: c.id,
    label: `${c.code} ${text(c.title, c.titleEn)}`,
  }));
  if (session && !courseItems.some((c) => c.value === session.course.id))
    courseItems.push({
      value: session.course.id,
      label: `${session.course.code} ${session.course.title}`,
    });
  const userItems = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (session?.trainer && !userItems.some((u) => u.value === session.trainer!.id))
    userItems.push({ value: session.trainer.id, label: session.trainer.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!course || !heldOn) return;
    const fields = {
      heldOn,
      location,
      trainerUserId,
      trainerName,
      materialDocumentIds: materialIds,
      audienceUnitIds: unitIds,
      audienceRoleIds: session?.audienceRoles.map((r) => r.id) ?? [],
      status,
      note,
    };
    if (session) update.mutate({ session, body: fields }, { onSuccess: onClose });
    else
      create.mutate(
        { ...fields, courseId: course },
        { onSuccess: (s) => void navigate(`/training/sessions/${s.id}`) },
      );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={session ? t('training.session.editTitle') : t('training.session.newTitle')}
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
          <Select
            label={t('training.session.courseId')}
            data={courseItems}
            value={course}
            onChange={setCourse}
            disabled={Boolean(session)}
            searchable
            required
            error={required(course) ?? problem.error('courseId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('training.session.heldOn')}
              value={heldOn}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              required
              error={required(heldOn) ?? problem.error('heldOn')}
            />
            <TextInput
              label={t('training.session.location')}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={problem.error('location')}
            />
            <Select
              label={t('training.session.trainerUserId')}
              data={userItems}
              value={trainerUserId}
              onChange={setTrainerUserId}
              searchable
              clearable
              error={problem.error('trainerUserId')}
            />
            <TextInput
              label={t('training.session.trainerName')}
              description={t('training.session.trainerNameHint')}
              value={trainerName}
              onChange={(e) => setTrainerName(e.currentTarget.value)}
              error={problem.error('trainerName')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('training.session.audienceUnitIds')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            value={unitIds}
            onChange={setUnitIds}
            searchable
            error={problem.error('audienceUnitIds')}
          />
          <MultiSelect
            label={t('training.session.materialDocumentIds')}
            data={documents.data ?? []}
            value={materialIds}
            onChange={setMaterialIds}
            searchable
            error={problem.error('materialDocumentIds')}
          />
          <Select
            label={t('training.session.status')}
            data={sessionStatusSchema.options.map((s) => ({
              value: s,
              label: t(`training.sessionStatus.${s}`),
            }))}
            value={status}
            onChange={(v) => v && setStatus(v as SessionStatus)}
            allowDeselect={false}
            error={problem.error('status')}
          />
          <Textarea
            label={t('training.session.note')}
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
            <Button type="submit" loading={mutation.isPending}>
              {session ? t('common.save') : t('training.session.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
