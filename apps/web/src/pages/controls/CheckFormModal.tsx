import { Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_FREQUENCIES, type CheckFrequency } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useCreateCheck, useUpdateCheck, type ControlCheck } from './api';

function formOf(check: ControlCheck | null) {
  return {
    title: check?.title ?? '',
    method: check?.method ?? '',
    frequency: (check?.frequency ?? 'quarterly') as CheckFrequency,
    nextDue: check?.nextDue ?? '',
    checkerUserId: check?.checker?.id ?? null,
    active: check?.active ?? true,
  };
}

/**
 * Adds a check to a control or edits one (If-Match with the version read;
 * on a 412 what was typed stays).
 */
export function CheckFormModal({
  controlId,
  check,
  onClose,
}: {
  controlId: string;
  check: ControlCheck | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const create = useCreateCheck(controlId);
  const update = useUpdateCheck();
  const save = check ? update : create;
  const [form, setForm] = useState(() => formOf(check));
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const labels: FieldLabels = {
    title: t('controls.checkForm.name'),
    method: t('controls.checkForm.method'),
    frequency: t('controls.checkForm.frequency'),
    nextDue: t('controls.checkForm.nextDue'),
    checkerUserId: t('controls.checkForm.checker'),
    active: t('controls.checkForm.active'),
  };
  const problem = problemFields(save.error, labels);
  const required = (value: string, field: string) =>
    (touched && !value.trim() ? t('controls.checkForm.required') : undefined) ??
    problem.error(field);
  const checker = check?.checker;
  const checkerOptions = [
    ...(checker && !(users.data ?? []).some((u) => u.id === checker.id)
      ? [{ value: checker.id, label: checker.name }]
      : []),
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.title.trim() || !form.nextDue) return;
    const { active, ...fields } = form;
    if (check) update.mutate({ check, body: { ...fields, active } }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={check ? t('controls.checkForm.editTitle') : t('controls.checkForm.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('controls.checkForm.staleTitle')}
            staleBody={t('controls.checkForm.staleBody')}
            fields={problem}
          />
          <TextInput
            label={t('controls.checkForm.name')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            required
            error={required(form.title, 'title')}
          />
          <Textarea
            label={t('controls.checkForm.method')}
            description={t('controls.checkForm.methodHint')}
            value={form.method}
            onChange={(e) => set('method', e.currentTarget.value)}
            autosize
            minRows={3}
            error={problem.error('method')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('controls.checkForm.frequency')}
              data={CHECK_FREQUENCIES.map((f) => ({
                value: f,
                label: t(`controls.frequency.${f}`),
              }))}
              value={form.frequency}
              onChange={(v) => v && set('frequency', v as CheckFrequency)}
              allowDeselect={false}
              error={problem.error('frequency')}
            />
            <TextInput
              type="date"
              label={t('controls.checkForm.nextDue')}
              value={form.nextDue}
              onChange={(e) => set('nextDue', e.currentTarget.value)}
              required
              error={required(form.nextDue, 'nextDue')}
            />
          </SimpleGrid>
          <Select
            label={t('controls.checkForm.checker')}
            data={checkerOptions}
            value={form.checkerUserId}
            onChange={(v) => set('checkerUserId', v)}
            searchable
            clearable
            error={problem.error('checkerUserId')}
          />
          {check && (
            <Switch
              label={t('controls.checkForm.active')}
              description={t('controls.checkForm.activeHint')}
              checked={form.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={check ? t('controls.checkForm.save') : t('controls.checkForm.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
