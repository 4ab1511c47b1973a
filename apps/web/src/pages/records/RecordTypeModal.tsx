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
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import {
  useCreateRecordType,
  useUpdateRecordType,
  type RecordType,
  type RecordTypeCreate,
} from './api';
import { incompleteFields, RecordFieldsEditor, type EditedField } from './RecordFieldsEditor';

function initialState(type: RecordType | null) {
  return {
    code: type?.code ?? '',
    nameJa: type?.name.ja ?? '',
    // A blank English name comes back as the Japanese: edit it as blank again.
    nameEn: type && type.name.en !== type.name.ja ? type.name.en : '',
    value: (type?.retention.value ?? 1) as number | string,
    unit: type?.retention.unit ?? 'years',
    storageLocation: type?.storageLocation ?? '',
    classificationId: type?.classification?.id ?? null,
    disposalMethod: type?.disposalMethod ?? '',
    evidences: type?.evidences ?? '',
    controlIds: type?.controlIds ?? [],
    fields: (type?.fields ?? []).map((f): EditedField => ({
      ...f,
      label: { ...f.label, en: f.label.en === f.label.ja ? '' : f.label.en },
    })),
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
  const labels: FieldLabels = {
    code: t('records.typeForm.code'),
    'name.ja': t('records.typeForm.nameJa'),
    'name.en': t('records.typeForm.nameEn'),
    'retention.value': t('records.typeForm.retentionValue'),
    'retention.unit': t('records.typeForm.retentionUnit'),
    storageLocation: t('records.typeForm.storageLocation'),
    classificationId: t('records.typeForm.classification'),
    disposalMethod: t('records.typeForm.disposalMethod'),
    evidences: t('records.typeForm.evidences'),
    controlIds: t('records.typeForm.controls'),
    active: t('records.typeForm.active'),
    fields: t('records.fields.title'),
  };
  // Each field's key, labels and options have their input; anything else about
  // a field is listed under "Fields of the entries".
  const problem = problemFields(save.error, labels, [
    ...Object.keys(labels).filter((f) => f !== 'fields'),
    'fields.*.key',
    'fields.*.label.ja',
    'fields.*.label.en',
    'fields.*.options',
  ]);
  const fieldError = problem.error;
  const required = (value: string, field: string) =>
    (touched && !value.trim() ? t('records.typeForm.required') : undefined) ?? fieldError(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.code.trim() || !form.nameJa.trim()) return;
    if (incompleteFields(form.fields)) return;
    const body: RecordTypeCreate = {
      code: form.code,
      name: { ja: form.nameJa, en: form.nameEn },
      retention: { value: Number(form.value) || 0, unit: form.unit },
      storageLocation: form.storageLocation,
      classificationId: form.classificationId,
      disposalMethod: form.disposalMethod,
      evidences: form.evidences,
      controlIds: form.controlIds,
      fields: form.fields.map(({ autoKey: _auto, ...f }) => ({ ...f, key: f.key.trim() })),
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
            fields={problem}
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
              description={t('records.typeForm.nameEnHint')}
              error={fieldError('name.en')}
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
              error={fieldError('retention.unit')}
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
            error={fieldError('evidences')}
          />
          <CatalogPicker
            namespace="control"
            label={t('records.typeForm.controls')}
            description={t('records.typeForm.controlsHint')}
            value={form.controlIds}
            onChange={(controlIds) => set({ controlIds })}
            error={fieldError('controlIds')}
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
