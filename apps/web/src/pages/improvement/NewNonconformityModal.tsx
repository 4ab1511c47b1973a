import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  nonconformityKindSchema,
  nonconformitySeveritySchema,
  nonconformitySourceSchema,
} from '@mamoru/contracts';
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useCreateNonconformity } from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** Registers a nonconformity or a potential one; its page then leads through the workflow. */
export function NewNonconformityModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateNonconformity();
  const [form, setForm] = useState({
    kind: 'nonconformity',
    source: 'self_identified',
    title: '',
    description: '',
    severity: 'minor',
    detectedOn: today(),
    requirementIds: [] as string[],
    controlIds: [] as string[],
  });
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const labels: FieldLabels = {
    kind: t('improvement.fields.kind'),
    source: t('improvement.fields.source'),
    title: t('improvement.fields.title'),
    description: t('improvement.fields.description'),
    severity: t('improvement.fields.severity'),
    detectedOn: t('improvement.fields.detectedOn'),
    requirementIds: t('improvement.fields.requirementIds'),
    controlIds: t('improvement.fields.controlIds'),
    ownerId: t('improvement.columns.owner'),
    unitId: t('improvement.columns.unit'),
  };
  const problem = problemFields(create.error, labels, [
    'kind',
    'source',
    'title',
    'description',
    'severity',
    'detectedOn',
    'requirementIds',
    'controlIds',
  ]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.title.trim()) return;
    create.mutate(form, {
      onSuccess: (nc) => {
        onClose();
        void navigate(`/corrective-actions/${nc.id}`);
      },
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('improvement.new')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem error={create.error} staleTitle="" staleBody="" fields={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('improvement.fields.kind')}
              data={nonconformityKindSchema.options.map((v) => ({
                value: v,
                label: t(`improvement.kind.${v}`),
              }))}
              value={form.kind}
              onChange={(v) => v && set({ kind: v })}
              allowDeselect={false}
              error={problem.error('kind')}
            />
            <Select
              label={t('improvement.fields.source')}
              data={nonconformitySourceSchema.options.map((v) => ({
                value: v,
                label: t(`improvement.source.${v}`),
              }))}
              value={form.source}
              onChange={(v) => v && set({ source: v })}
              allowDeselect={false}
              error={problem.error('source')}
            />
          </SimpleGrid>
          <TextInput
            label={t('improvement.fields.title')}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            required
            error={
              (touched && !form.title.trim() ? t('validation.required') : undefined) ??
              problem.error('title')
            }
          />
          <Textarea
            label={t('improvement.fields.description')}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            autosize
            minRows={3}
            error={problem.error('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('improvement.fields.severity')}
              data={nonconformitySeveritySchema.options.map((v) => ({
                value: v,
                label: t(`improvement.severity.${v}`),
              }))}
              value={form.severity}
              onChange={(v) => v && set({ severity: v })}
              allowDeselect={false}
              error={problem.error('severity')}
            />
            <TextInput
              type="date"
              label={t('improvement.fields.detectedOn')}
              value={form.detectedOn}
              onChange={(e) => set({ detectedOn: e.currentTarget.value })}
              error={problem.error('detectedOn')}
            />
          </SimpleGrid>
          <CatalogPicker
            namespace="requirement"
            label={t('improvement.fields.requirementIds')}
            value={form.requirementIds}
            onChange={(requirementIds) => set({ requirementIds })}
            error={problem.error('requirementIds')}
          />
          <CatalogPicker
            namespace="control"
            label={t('improvement.fields.controlIds')}
            value={form.controlIds}
            onChange={(controlIds) => set({ controlIds })}
            error={problem.error('controlIds')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('improvement.detail.save')}
            loading={create.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
