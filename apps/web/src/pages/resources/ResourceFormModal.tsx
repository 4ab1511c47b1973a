import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../api/identity';
import { FormError } from '../../components/QueryStates';
import { isStale, StaleAlert } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import {
  RESOURCE_ACTIVITIES,
  RESOURCE_KINDS,
  useCreateResource,
  useUpdateResource,
  type IsmsResource,
  type ResourceActivity,
  type ResourceKind,
  type ResourcePlan,
} from './api';
import { useResourcesT } from './format';

type Figure = number | string;
const figureOf = (value: number | null | undefined): Figure => value ?? '';
/** An empty input is "not given" (null), never zero. */
const toFigure = (value: Figure) => (value === '' ? null : Number(value));

/**
 * Creates a resource in the chosen fiscal year or edits one (If-Match: on a
 * 412 the typed values stay and the form says why nothing was saved).
 */
export function ResourceFormModal({
  resource,
  fiscalYear,
  plan,
  readOnly = false,
  onClose,
}: {
  /** null: a new resource. */
  resource: IsmsResource | null;
  fiscalYear: number;
  plan: ResourcePlan | undefined;
  /** Readers without resources:manage see the figures but cannot save. */
  readOnly?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { tr } = useResourcesT();
  const toast = useToast();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const create = useCreateResource();
  const update = useUpdateResource();
  const save = resource ? update : create;
  const [form, setForm] = useState({
    kind: resource?.kind ?? ('people' as ResourceKind),
    activity: resource?.activity ?? ('operate' as ResourceActivity),
    title: resource?.title ?? '',
    description: resource?.description ?? '',
    ownerUserId: resource?.owner?.id ?? null,
    plannedAmount: figureOf(resource?.planned.amount),
    plannedHours: figureOf(resource?.planned.hours),
    usedAmount: figureOf(resource?.used.amount),
    usedHours: figureOf(resource?.used.hours),
    notes: resource?.notes ?? '',
  });
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const labels = {
    kind: tr('form.kind'),
    activity: tr('form.activity'),
    title: tr('form.name'),
    description: tr('form.description'),
    ownerUserId: tr('form.owner'),
    'planned.amount': tr('form.plannedAmount'),
    'planned.hours': tr('form.plannedHours'),
    'used.amount': tr('form.usedAmount'),
    'used.hours': tr('form.usedHours'),
    notes: tr('form.notes'),
    planned: tr('form.plannedAmount'),
  };
  const problem = problemFields(save.error, labels, Object.keys(labels));
  const err = problem.error;
  const noTitle = touched && !form.title.trim();
  const noPlanned = touched && form.plannedAmount === '' && form.plannedHours === '';

  const ownerOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (resource?.owner && !ownerOptions.some((o) => o.value === resource.owner!.id)) {
    ownerOptions.unshift({ value: resource.owner.id, label: resource.owner.name });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.title.trim() || (form.plannedAmount === '' && form.plannedHours === '')) return;
    const body = {
      kind: form.kind,
      activity: form.activity,
      title: form.title,
      description: form.description,
      ownerUserId: form.ownerUserId,
      planned: { amount: toFigure(form.plannedAmount), hours: toFigure(form.plannedHours) },
      used: { amount: toFigure(form.usedAmount), hours: toFigure(form.usedHours) },
      notes: form.notes,
    };
    const done = {
      onSuccess: () => {
        toast.success(tr('form.saved'));
        onClose();
      },
    };
    if (resource) update.mutate({ resource, body }, done);
    else create.mutate({ ...body, fiscalYear }, done);
  };

  const figure = (key: 'plannedAmount' | 'plannedHours' | 'usedAmount' | 'usedHours') => {
    const path = key.replace(/([A-Z])/, '.$1').toLowerCase();
    const planned = key.startsWith('planned');
    return (
      <NumberInput
        label={tr(`form.${key}`)}
        value={form[key]}
        onChange={(value) => set(key, value)}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        error={
          (planned && noPlanned ? tr('form.plannedRequired') : undefined) ??
          err(path) ??
          (planned ? problem.byField.planned : undefined)
        }
      />
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={resource ? tr('form.editTitle') : tr('form.createTitle', { year: fiscalYear })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {isStale(save.error) ? (
            <StaleAlert title={tr('form.staleTitle')}>{tr('form.staleBody')}</StaleAlert>
          ) : (
            <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          )}
          {resource && plan?.status === 'approved' && (
            <Alert variant="light" color="blue">
              {tr('form.approvedNote')}
            </Alert>
          )}
          {plan?.status === 'submitted' && (
            <Alert variant="light" color="yellow">
              {tr('form.submittedNote')}
            </Alert>
          )}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={tr('form.kind')}
                  data={RESOURCE_KINDS.map((k) => ({ value: k, label: tr(`kinds.${k}`) }))}
                  value={form.kind}
                  onChange={(value) => value && set('kind', value as ResourceKind)}
                  allowDeselect={false}
                  required
                  error={err('kind')}
                />
                <Select
                  label={tr('form.activity')}
                  data={RESOURCE_ACTIVITIES.map((a) => ({
                    value: a,
                    label: tr(`activities.${a}`),
                  }))}
                  value={form.activity}
                  onChange={(value) => value && set('activity', value as ResourceActivity)}
                  allowDeselect={false}
                  required
                  error={err('activity')}
                />
              </SimpleGrid>
              <TextInput
                label={tr('form.name')}
                value={form.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                required
                error={(noTitle ? tr('form.required') : undefined) ?? err('title')}
              />
              <Select
                label={tr('form.owner')}
                data={ownerOptions}
                value={form.ownerUserId}
                onChange={(value) => set('ownerUserId', value)}
                clearable
                searchable
                error={err('ownerUserId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {figure('plannedAmount')}
                {figure('plannedHours')}
                {figure('usedAmount')}
                {figure('usedHours')}
              </SimpleGrid>
              <Textarea
                label={tr('form.description')}
                value={form.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                autosize
                minRows={2}
                error={err('description')}
              />
              <Textarea
                label={tr('form.notes')}
                value={form.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
                autosize
                minRows={2}
                error={err('notes')}
              />
            </Stack>
          </fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tr('form.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending}>
                {resource ? tr('form.save') : tr('form.create')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
