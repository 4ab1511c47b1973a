import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldKey } from './keys';
import {
  measurementFrequencySchema,
  objectiveDirectionSchema,
  objectiveStatusSchema,
} from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { SaveProblem } from '../../components/SaveProblem';
import { useSession } from '../../session/useSession';
import {
  useCreateObjective,
  useUpdateObjective,
  type Objective,
  type ObjectiveCreate,
} from './api';

type Values = Omit<ObjectiveCreate, 'orgUnitId'> & { status: Objective['status'] };

const today = () => new Date().toISOString().slice(0, 10);

function initial(objective: Objective | undefined): Values {
  return {
    title: objective?.title ?? '',
    description: objective?.description ?? '',
    ownerId: objective?.owner?.id ?? null,
    metric: objective?.metric ?? '',
    measureUnit: objective?.measureUnit ?? '',
    direction: objective?.direction ?? 'higher_is_better',
    baseline: objective?.baseline ?? 0,
    target: objective?.target ?? 100,
    startDate: objective?.startDate ?? today(),
    dueDate: objective?.dueDate ?? '',
    plan: objective?.plan ?? '',
    frequency: objective?.frequency ?? 'monthly',
    controlIds: objective?.controlIds ?? [],
    status: objective?.status ?? 'active',
  };
}

/**
 * Sets a new objective or changes one (with If-Match). A refused save — a 412
 * because someone saved first included — keeps every typed value in the form.
 */
export function ObjectiveFormModal({
  objective,
  opened,
  onClose,
  onSaved,
}: {
  objective?: Objective;
  opened: boolean;
  onClose: () => void;
  onSaved?: (saved: Objective) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [values, setValues] = useState(() => initial(objective));
  const users = useUserDirectory(opened && can('users:read'));
  const create = useCreateObjective();
  const update = useUpdateObjective(objective ?? ({} as Objective));
  const mutation = objective ? update : create;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const owners = [
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
    ...(objective?.owner && !users.data?.some((u) => u.id === objective.owner!.id)
      ? [{ value: objective.owner.id, label: objective.owner.name }]
      : []),
  ];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { status, ...fields } = values;
    const done = { onSuccess: (saved: Objective) => (onSaved?.(saved), onClose()) };
    if (objective) update.mutate({ ...fields, status }, done);
    else create.mutate(fields, done);
  };

  const label = (k: FieldKey) => t(`objectives.fields.${k}`);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={objective ? t('objectives.edit') : t('objectives.new')}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('objectives.stale')}
            staleBody={t('objectives.staleBody')}
          />
          <TextInput
            label={label('title')}
            required
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <Textarea
            label={label('description')}
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={label('metric')}
              required
              value={values.metric}
              onChange={(e) => set('metric', e.currentTarget.value)}
            />
            <TextInput
              label={label('measureUnit')}
              value={values.measureUnit}
              onChange={(e) => set('measureUnit', e.currentTarget.value)}
            />
            <Select
              label={label('direction')}
              data={objectiveDirectionSchema.options.map((d) => ({
                value: d,
                label: t(`objectives.direction.${d}`),
              }))}
              value={values.direction}
              onChange={(v) => v && set('direction', v as Values['direction'])}
              allowDeselect={false}
            />
            <NumberInput
              label={label('baseline')}
              required
              value={values.baseline}
              onChange={(v) => set('baseline', Number(v))}
            />
            <NumberInput
              label={label('target')}
              required
              value={values.target}
              onChange={(v) => set('target', Number(v))}
            />
            <Select
              label={label('frequency')}
              data={measurementFrequencySchema.options.map((f) => ({
                value: f,
                label: t(`objectives.frequency.${f}`),
              }))}
              value={values.frequency}
              onChange={(v) => v && set('frequency', v as Values['frequency'])}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={label('startDate')}
              required
              value={values.startDate}
              onChange={(e) => set('startDate', e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={label('dueDate')}
              required
              value={values.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
            />
            <Select
              label={label('owner')}
              data={owners}
              value={values.ownerId ?? null}
              onChange={(v) => set('ownerId', v)}
              placeholder={t('objectives.noOwner')}
              searchable
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={label('plan')}
            autosize
            minRows={3}
            value={values.plan}
            onChange={(e) => set('plan', e.currentTarget.value)}
          />
          {objective && (
            <Select
              label={label('status')}
              data={objectiveStatusSchema.options.map((s) => ({
                value: s,
                label: t(`objectives.status.${s}`),
              }))}
              value={values.status}
              onChange={(v) => v && set('status', v as Values['status'])}
              allowDeselect={false}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('objectives.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {objective ? t('objectives.save') : t('objectives.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
