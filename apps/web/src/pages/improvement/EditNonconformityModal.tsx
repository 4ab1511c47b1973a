import { Button, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nonconformitySeveritySchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch } from '../../api/types';
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { nonconformitiesKey, type NonconformityDetail } from './api';

/** PATCH of what was registered, with the version read (412: someone saved meanwhile). */
function useUpdateNonconformity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ nc, body }: { nc: NonconformityDetail; body: Record<string, unknown> }) =>
      api.patch<NonconformityDetail>(`/api/v1/nonconformities/${nc.id}`, body, {
        headers: ifMatch(nc.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: nonconformitiesKey }),
  });
}

/**
 * Corrects what was registered (title, description, severity, detection date,
 * clauses and controls) while the nonconformity is open; the workflow's steps
 * keep their own forms.
 */
export function EditNonconformityModal({
  nc,
  opened,
  onClose,
}: {
  nc: NonconformityDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateNonconformity();
  const [form, setForm] = useState({
    title: nc.title,
    description: nc.description,
    severity: nc.severity as string,
    detectedOn: nc.detectedOn,
    requirementIds: nc.requirementIds,
    controlIds: nc.controlIds,
  });
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const labels: FieldLabels = {
    title: t('improvement.fields.title'),
    description: t('improvement.fields.description'),
    severity: t('improvement.fields.severity'),
    detectedOn: t('improvement.fields.detectedOn'),
    requirementIds: t('improvement.fields.requirementIds'),
    controlIds: t('improvement.fields.controlIds'),
  };
  const problem = problemFields(update.error, labels);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.title.trim()) return;
    update.mutate({ nc, body: form }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('improvement.edit.title', { code: nc.code })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={update.error}
            staleTitle={t('improvement.detail.staleTitle')}
            staleBody={t('improvement.detail.staleBody')}
            fields={problem}
          />
          <TextInput
            label={labels.title}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            required
            error={
              (touched && !form.title.trim() ? t('validation.required') : undefined) ??
              problem.error('title')
            }
          />
          <Textarea
            label={labels.description}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            autosize
            minRows={3}
            error={problem.error('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.severity}
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
              label={labels.detectedOn}
              value={form.detectedOn}
              onChange={(e) => set({ detectedOn: e.currentTarget.value })}
              error={problem.error('detectedOn')}
            />
          </SimpleGrid>
          <CatalogPicker
            namespace="requirement"
            label={labels.requirementIds}
            value={form.requirementIds}
            onChange={(requirementIds) => set({ requirementIds })}
            error={problem.error('requirementIds')}
          />
          <CatalogPicker
            namespace="control"
            label={labels.controlIds}
            value={form.controlIds}
            onChange={(controlIds) => set({ controlIds })}
            error={problem.error('controlIds')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('improvement.detail.save')}
            loading={update.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The button that opens the form, for the ISMS manager while the nonconformity is open. */
export function EditNonconformityButton({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('improvement.edit.open')}
      </Button>
      {opened && (
        <EditNonconformityModal key={nc.version} nc={nc} opened onClose={() => setOpened(false)} />
      )}
    </>
  );
}
