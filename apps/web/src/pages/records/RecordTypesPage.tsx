import {
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { IconArrowLeft, IconCategory, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClassifications } from '../../api/assets';
import { isApiError } from '../../api/client';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { useCreateRecordType, useRecordTypes, type RecordTypeCreate } from './api';

const blank = {
  code: '',
  nameJa: '',
  nameEn: '',
  value: 1 as number | string,
  unit: 'years',
  storageLocation: '',
  classificationId: null as string | null,
  disposalMethod: '',
  evidences: '',
};

function RecordTypeModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const levels = useClassifications();
  const create = useCreateRecordType();
  const [form, setForm] = useState(blank);
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<typeof blank>) => setForm({ ...form, ...patch });
  const fieldError = (field: string) =>
    isApiError(create.error) ? create.error.fieldError(field) : undefined;
  const required = (value: string, field: string) =>
    (touched && !value.trim() ? t('records.typeForm.required') : undefined) ?? fieldError(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.code.trim() || !form.nameJa.trim() || !form.nameEn.trim()) return;
    const body: RecordTypeCreate = {
      code: form.code,
      name: { ja: form.nameJa, en: form.nameEn },
      retention: { value: Number(form.value) || 0, unit: form.unit as 'months' | 'years' },
      storageLocation: form.storageLocation,
      classificationId: form.classificationId,
      disposalMethod: form.disposalMethod,
      evidences: form.evidences,
      fields: [],
    };
    create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records.typeForm.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={create.error} />
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
              onChange={(unit) => set({ unit: unit ?? 'years' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <TextInput
            label={t('records.typeForm.storageLocation')}
            value={form.storageLocation}
            onChange={(e) => set({ storageLocation: e.currentTarget.value })}
          />
          <Select
            label={t('records.typeForm.classification')}
            placeholder={t('records.typeForm.none')}
            data={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name[lang] }))}
            value={form.classificationId}
            onChange={(classificationId) => set({ classificationId })}
            clearable
          />
          <TextInput
            label={t('records.typeForm.disposalMethod')}
            value={form.disposalMethod}
            onChange={(e) => set({ disposalMethod: e.currentTarget.value })}
          />
          <TextInput
            label={t('records.typeForm.evidences')}
            value={form.evidences}
            onChange={(e) => set({ evidences: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('records.form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('records.typeForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Record types: retention, storage, protection and disposal of each kind of record. */
export function RecordTypesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const { can } = useSession();
  const types = useRecordTypes();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/records" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('records.typesPage.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('records.types')}
        description={t('records.typesPage.description')}
        icon={<IconCategory size={32} aria-hidden="true" />}
        actions={
          can('isms:write', 'all') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('records.typeForm.title')}
            </Button>
          )
        }
      />
      {types.isPending ? (
        <LoadingRows />
      ) : types.isError ? (
        <ErrorState error={types.error} onRetry={() => void types.refetch()} />
      ) : types.data.length === 0 ? (
        <EmptyBlock
          icon={<IconCategory size={28} aria-hidden="true" />}
          title={t('records.typesPage.empty')}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('records.types')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.typeForm.code')}</Table.Th>
                <Table.Th>{t('records.columns.type')}</Table.Th>
                <Table.Th>{t('records.typesPage.retention')}</Table.Th>
                <Table.Th>{t('records.typeForm.storageLocation')}</Table.Th>
                <Table.Th>{t('records.typeForm.classification')}</Table.Th>
                <Table.Th>{t('records.typeForm.disposalMethod')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((ty) => (
                <Table.Tr key={ty.id}>
                  <Table.Td>{ty.code}</Table.Td>
                  <Table.Td>{ty.name[lang]}</Table.Td>
                  <Table.Td>
                    {t('records.typesPage.retentionValue', {
                      count: ty.retention.value,
                      unit: t(`records.typeForm.${ty.retention.unit}`),
                    })}
                  </Table.Td>
                  <Table.Td>{ty.storageLocation}</Table.Td>
                  <Table.Td>{ty.classification?.name[lang] ?? '—'}</Table.Td>
                  <Table.Td>{ty.disposalMethod}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <RecordTypeModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
