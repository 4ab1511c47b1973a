import {
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { treatmentActionCreateSchema } from '@mamoru/contracts';
import { api } from '../../../api/client';
import { useUserDirectory } from '../../../api/identity';
import { queryString, type ListPage } from '../../../api/types';
import { CatalogPicker } from '../../../components/catalogPicker/CatalogPicker';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/QueryStates';
import { textIn } from '../../../lib/catalogText';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../../lib/validation';
import { useSession } from '../../../session/useSession';
import { useSaveAction, type TreatmentActionDto, type TreatmentActionInput } from '../api/plan';
import type { RiskListItemDto } from '../api/register';

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
const FIELDS = [
  'title',
  'description',
  'dueDate',
  'budget',
  'ownerUserId',
  'priority',
  'status',
  'resources',
  'riskIds',
  'controlIds',
];

/** Risks found by code or asset, for linking an action to what it treats. */
function useRiskOptions(q: string) {
  return useQuery({
    queryKey: ['risks', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<ListPage<RiskListItemDto>>(`/api/v1/risks${queryString({ q, limit: 50 })}`, {
        signal,
      }),
    staleTime: 30_000,
  });
}

/** Creates or edits an action of the risk treatment plan (4.2.2.a–b). */
export function ActionFormModal({
  action,
  onClose,
}: {
  action: TreatmentActionDto | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const save = useSaveAction();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const risks = useRiskOptions(q);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [form, setForm] = useState({
    title: action?.title ?? '',
    description: action?.description ?? '',
    ownerUserId: action?.owner?.id ?? null,
    priority: action?.priority ?? 'medium',
    dueDate: action?.dueDate ?? '',
    resources: action?.resources ?? '',
    budget: action?.budget ?? null,
    status: action?.status ?? 'planned',
    progress: action?.progress ?? 0,
    riskIds: action?.riskIds ?? [],
    controlIds: action?.controlIds ?? [],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const all = { ...errors, ...serverFieldErrors(save.error) };
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const riskOptions = [
    ...form.riskIds
      .filter((id) => !(risks.data?.items ?? []).some((r) => r.id === id))
      .map((id) => ({ value: id, label: labels[id] ?? id })),
    ...(risks.data?.items ?? []).map((r) => ({
      value: r.id,
      label: `${r.code} ${r.asset.name} · ${textIn(r.threat.name, i18n.language)}`,
    })),
  ];
  const ownerOptions = [
    ...(action?.owner && !(users.data ?? []).some((u) => u.id === action.owner!.id)
      ? [{ value: action.owner.id, label: action.owner.name }]
      : []),
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body: TreatmentActionInput = {
      ...form,
      title: form.title.trim(),
      dueDate: form.dueDate || null,
    };
    const found = validate(treatmentActionCreateSchema, body);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ action, body }, { onSuccess: onClose });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        action ? t('risks.plan.editTitle', { code: action.code }) : t('risks.plan.createTitle')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {/* The progress slider has no error line: its error is listed, labelled. */}
          <FormError
            error={save.error}
            extra={unplacedErrors(save.error, FIELDS, {
              progress: t('risks.plan.fields.progress'),
            })}
          />
          <TextInput
            label={t('risks.plan.fields.title')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={all.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('risks.plan.fields.description')}
            value={form.description}
            error={all.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('risks.plan.fields.owner')}
              data={ownerOptions}
              value={form.ownerUserId}
              onChange={(value) => set('ownerUserId', value)}
              clearable
              searchable
              error={all.ownerUserId}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('risks.plan.fields.priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`risks.plan.priorities.${p}`) }))}
              value={form.priority}
              error={all.priority}
              onChange={(value) => value && set('priority', value as typeof form.priority)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              type="date"
              label={t('risks.plan.fields.dueDate')}
              value={form.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
              error={all.dueDate}
            />
            <Select
              label={t('risks.plan.fields.status')}
              data={STATUSES.map((s) => ({ value: s, label: t(`risks.plan.statuses.${s}`) }))}
              value={form.status}
              error={all.status}
              onChange={(value) => value && set('status', value as typeof form.status)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('risks.plan.fields.budget')}
              value={form.budget ?? ''}
              onChange={(v) => set('budget', typeof v === 'number' ? v : null)}
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              error={all.budget}
            />
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="action-progress">
                {t('risks.plan.fields.progress')}: {form.progress}%
              </Text>
              <Slider
                // The name must be on the thumb (role slider): aria-labelledby on the root misses it.
                thumbLabel={t('risks.plan.fields.progress')}
                value={form.progress}
                onChange={(v) => set('progress', v)}
                step={5}
                min={0}
                max={100}
                label={(v) => `${v}%`}
              />
            </Stack>
          </SimpleGrid>
          <Textarea
            label={t('risks.plan.fields.resources')}
            description={t('risks.plan.fields.resourcesHint')}
            value={form.resources}
            error={all.resources}
            onChange={(e) => set('resources', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('risks.plan.fields.risks')}
            placeholder={t('risks.plan.fields.risksPlaceholder')}
            data={riskOptions}
            value={form.riskIds}
            error={all.riskIds}
            onChange={(ids) => {
              set('riskIds', ids);
              setLabels((l) => ({
                ...l,
                ...Object.fromEntries(riskOptions.map((o) => [o.value, o.label])),
              }));
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            comboboxProps={{ withinPortal: true }}
          />
          <CatalogPicker
            namespace="control"
            label={t('risks.plan.fields.controls')}
            value={form.controlIds}
            error={all.controlIds}
            onChange={(ids) => set('controlIds', ids)}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={action ? t('common.saveChanges') : t('risks.plan.create')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
