import { Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type JobDefinition } from '../../../api/people';
import { useCreateJob, useUpdateJob } from '../../../api/people-competence';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';

/** Adds a job definition or edits one (name and security responsibilities in ja/en). */
export function JobModal({ job, onClose }: { job?: JobDefinition; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateJob();
  const update = useUpdateJob();
  const mutation = job ? update : create;
  const [form, setForm] = useState({
    code: job?.code ?? '',
    name: job?.name ?? '',
    nameEn: job?.nameEn ?? '',
    securityResponsibilities: job?.securityResponsibilities ?? '',
    securityResponsibilitiesEn: job?.securityResponsibilitiesEn ?? '',
    active: job?.active ?? true,
  });
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const labels = {
    code: t('people.jobForm.code'),
    name: t('people.jobForm.name'),
    nameEn: t('people.jobForm.nameEn'),
    securityResponsibilities: t('people.jobForm.responsibilities'),
    securityResponsibilitiesEn: t('people.jobForm.responsibilitiesEn'),
  };
  const problem = problemFields(mutation.error, labels);
  const required = (v: string) => (touched && !v.trim() ? t('people.form.required') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.code.trim() || !form.name.trim()) return;
    const { active, ...fields } = form;
    if (job) update.mutate({ job, body: { ...fields, active } }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={job ? t('people.jobForm.editTitle') : t('people.jobForm.addTitle')}
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
          <TextInput
            label={labels.code}
            value={form.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            required
            error={required(form.code) ?? problem.error('code')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={labels.name}
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              required
              error={required(form.name) ?? problem.error('name')}
            />
            <TextInput
              label={labels.nameEn}
              value={form.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={problem.error('nameEn')}
            />
          </Group>
          <Textarea
            label={labels.securityResponsibilities}
            autosize
            minRows={3}
            value={form.securityResponsibilities}
            onChange={(e) => set('securityResponsibilities', e.currentTarget.value)}
            error={problem.error('securityResponsibilities')}
          />
          <Textarea
            label={labels.securityResponsibilitiesEn}
            autosize
            minRows={3}
            value={form.securityResponsibilitiesEn}
            onChange={(e) => set('securityResponsibilitiesEn', e.currentTarget.value)}
            error={problem.error('securityResponsibilitiesEn')}
          />
          {job && (
            <Checkbox
              label={t('people.jobForm.active')}
              checked={form.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={job ? t('people.form.save') : t('people.jobForm.create')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
