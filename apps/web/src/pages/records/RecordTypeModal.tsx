import {
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClassifications } from '../../api/assets';
import { isApiError } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import {
  useCreateRecordType,
  useUpdateRecordType,
  type RecordField,
  type RecordType,
  type RecordTypeCreate,
} from './api';
import { incompleteFields, RecordFieldsEditor } from './RecordFieldsEditor';

function initialState(type: RecordType | null) {
  return {
    code: type?.code ?? '',
    nameJa: type?.name.ja ?? '',
    nameEn: type?.name.en ?? '',
    value: (type?.retention.value ?? 1) as number | string,
    unit: type?.retention.unit ?? 'years',
    storageLocation: type?.storageLocation ?? '',
    classificationId: type?.classification?.id ?? null,
    disposalMethod: type?.disposalMethod ?? '',
    evidences: type?.evidences ?? '',
    fields: type?.fields ?? ([] as RecordField[]),
    active: type?.active ?? true,
  };
}
type FormState = ReturnType<typeof initialState>;

/**
 * Creates a record type or edits one (If-Match with the version that was
 * read; a 412 means someone saved meanwhile, and what the user typed stays).
 * A type in use is retired (inactive), never deleted: its records stay.
 */
export function RecordTypeModal({
  type,
  onClose,
}: {
  type: RecordType | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const levels = useClassifications();
  const create = useCreateRecordType();
  const update = useUpdateRecordType();
  const save = type ? update : create;
  const [form, setForm] = useState<FormState>(() => initialState(type));
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const fieldError = (field: string) =>
    isApiError(save.error) ? save.error.fieldError(field) : undefined;
  const required = (value: string, field: string) =>
    (touched && !value.trim() ? t('records.typeForm.required') : undefined) ?? fieldError(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.code.trim() || !form.nameJa.trim() || !form.nameEn.trim()) return;
    if (incompleteFields(form.fields)) return;
    const body: RecordTypeCreate = {
      code: form.code,
      name: { ja: form.nameJa, en: form.nameEn },
      retention: { value: Number(form.value) || 0, unit: form.unit },
      storageLocation: form.storageLocation,
      classificationId: form.classificationId,
      disposalMethod: form.disposalMethod,
      evidences: form.evidences,
      fields: form.fields.map((f) => ({ ...f, key: f.key.trim() })),
    };
    if (type) {
      update.mutate({ type, body: { ...body, active: form.active } }, { onSuccess: onClose });
    } else {
      create.mutate(body, { onSuccess: onClose });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        type ? t('records.typeForm.editTitle', { code: type.code }) : t('records.typeForm.title')
      }
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('records.typeForm.staleTitle')}
            staleBody={t('records.typeForm.staleBody')}
          />
          <TextInput
            label={t('records.typeForm.code')}
            value={form.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            required
            error={required(form.code, 'code')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('records.typeForm.nameJa')}
              value={form.nameJa}
              onChange={(e) => set({ nameJa: e.currentTarget.value })}
              required
              error={required(form.nameJa, 'name.ja')}
            />
            <TextInput
              label={t('records.typeForm.nameEn')}
              value={form.nameEn}
              onChange={(e) => set({ nameEn: e.currentTarget.value })}
              required
              error={required(form.nameEn, 'name.en')}
            />
            <NumberInput
              label={t('records.typeForm.retentionValue')}
              value={form.value}
              onChange={(value) => set({ value })}
              min={0}
              max={1200}
              error={fieldError('retention.value')}
            />
            <Select
              label={t('records.typeForm.retentionUnit')}
              data={[
                { value: 'months', label: t('records.typeForm.months') },
                { value: 'years', label: t('records.typeForm.years') },
              ]}
              value={form.unit}
              onChange={(unit) => set({ unit: unit === 'months' ? 'months' : 'years' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {type &&
            (Number(form.value) !== type.retention.value || form.unit !== type.retention.unit) && (
              <Text fz="sm" c="dimmed" role="status">
                {t('records.typeForm.retentionMoves')}
              </Text>
            )}
          <TextInput
            label={t('records.typeForm.storageLocation')}
            value={form.storageLocation}
            onChange={(e) => set({ storageLocation: e.currentTarget.value })}
            error={fieldError('storageLocation')}
          />
          <Select
            label={t('records.typeForm.classification')}
            placeholder={t('records.typeForm.none')}
            data={(levels.data ?? [])
              .filter((l) => l.active || l.id === form.classificationId)
              .map((l) => ({ value: l.id, label: l.name[lang] }))}
            value={form.classificationId}
            onChange={(classificationId) => set({ classificationId })}
            clearable
            error={fieldError('classificationId')}
          />
          <TextInput
            label={t('records.typeForm.disposalMethod')}
            value={form.disposalMethod}
            onChange={(e) => set({ disposalMethod: e.currentTarget.value })}
            error={fieldError('disposalMethod')}
          />
          <TextInput
            label={t('records.typeForm.evidences')}
            value={form.evidences}
            onChange={(e) => set({ evidences: e.currentTarget.value })}
          />
          <RecordFieldsEditor
            fields={form.fields}
            onChange={(fields) => set({ fields })}
            touched={touched}
            error={fieldError}
          />
          {type && (
            <Switch
              label={t('records.typeForm.active')}
              description={t('records.typeForm.activeHint')}
              checked={form.active}
              onChange={(e) => set({ active: e.currentTarget.checked })}
            />
          )}
          <FormActions
            onCancel={onClose}
            cancelLabel={t('records.form.cancel')}
            submitLabel={type ? t('records.typeForm.save') : t('records.typeForm.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
