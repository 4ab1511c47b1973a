import { Checkbox, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateRole, useUpdateRole, type IsmsRole } from '../../../api/people';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';

/** Adds an ISMS role or edits one (its wording in ja/en, per unit, deputy required, retired). */
export function RoleFormModal({ role, onClose }: { role?: IsmsRole; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const [form, setForm] = useState({
    code: role?.code ?? '',
    name: role?.name ?? '',
    nameEn: role?.nameEn ?? '',
    responsibilities: role?.responsibilities ?? '',
    responsibilitiesEn: role?.responsibilitiesEn ?? '',
    perUnit: role?.perUnit ?? false,
    requiresDeputy: role?.requiresDeputy ?? false,
    sortOrder: role?.sortOrder ?? 0,
    active: role?.active ?? true,
  });
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const labels = {
    code: t('people.roleForm.code'),
    name: t('people.roleForm.name'),
    nameEn: t('people.roleForm.nameEn'),
    responsibilities: t('people.roleForm.responsibilities'),
    responsibilitiesEn: t('people.roleForm.responsibilitiesEn'),
    sortOrder: t('people.roleForm.sortOrder'),
  };
  const problem = problemFields(mutation.error, labels);
  const required = (v: string) => (touched && !v.trim() ? t('people.form.required') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.code.trim() || !form.name.trim()) return;
    const { active, ...fields } = form;
    if (role) update.mutate({ role, body: { ...fields, active } }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={role ? t('people.roleForm.editTitle') : t('people.roleForm.addTitle')}
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
          <Group grow align="flex-start">
            <TextInput
              label={labels.code}
              description={t('people.roleForm.codeHint')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              required
              error={required(form.code) ?? problem.error('code')}
            />
            <NumberInput
              label={labels.sortOrder}
              min={0}
              max={10000}
              value={form.sortOrder}
              onChange={(v) => set('sortOrder', typeof v === 'number' ? v : 0)}
              error={problem.error('sortOrder')}
            />
          </Group>
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
            label={labels.responsibilities}
            autosize
            minRows={3}
            value={form.responsibilities}
            onChange={(e) => set('responsibilities', e.currentTarget.value)}
            error={problem.error('responsibilities')}
          />
          <Textarea
            label={labels.responsibilitiesEn}
            autosize
            minRows={3}
            value={form.responsibilitiesEn}
            onChange={(e) => set('responsibilitiesEn', e.currentTarget.value)}
            error={problem.error('responsibilitiesEn')}
          />
          <Checkbox
            label={t('people.roleForm.perUnit')}
            checked={form.perUnit}
            onChange={(e) => set('perUnit', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('people.roleForm.requiresDeputy')}
            checked={form.requiresDeputy}
            onChange={(e) => set('requiresDeputy', e.currentTarget.checked)}
          />
          {role && (
            <Checkbox
              label={t('people.roleForm.active')}
              checked={form.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={role ? t('people.form.save') : t('people.roleForm.create')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
