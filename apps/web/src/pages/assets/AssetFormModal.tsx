import {
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assetCategorySchema } from '@mamoru/contracts';
import {
  useClassifications,
  useOrgUnits,
  useSaveAsset,
  type Asset,
  type AssetCreate,
} from '../../api/assets';
import { useLocations } from '../../api/scope';
import { useUserDirectory } from '../../api/identity';
import { FormActions } from '../../components/FormActions';
import { isStale, SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';

const CIA = ['1', '2', '3'];

interface FormState {
  code: string;
  name: string;
  category: string;
  description: string;
  ownerType: 'user' | 'unit';
  ownerId: string | null;
  orgUnitId: string | null;
  locationId: string | null;
  custodianId: string | null;
  classificationId: string | null;
  confidentiality: string | null;
  integrity: string | null;
  availability: string | null;
  businessProcess: string;
  status: string;
  nextReviewDate: string;
  tags: string[];
}

function initialState(asset: Asset | null): FormState {
  return {
    code: asset?.code ?? '',
    name: asset?.name ?? '',
    category: asset?.category ?? 'information',
    description: asset?.description ?? '',
    ownerType: asset?.owner.type ?? 'user',
    ownerId: asset?.owner.id ?? null,
    orgUnitId: asset?.orgUnit?.id ?? null,
    locationId: asset?.location?.id ?? null,
    custodianId: asset?.custodian?.id ?? null,
    classificationId: asset?.classification?.id ?? null,
    confidentiality: asset?.confidentiality == null ? null : String(asset.confidentiality),
    integrity: asset?.integrity == null ? null : String(asset.integrity),
    availability: asset?.availability == null ? null : String(asset.availability),
    businessProcess: asset?.businessProcess ?? '',
    status: asset?.status ?? 'in_use',
    nextReviewDate: asset?.nextReviewDate ?? '',
    tags: asset?.tags ?? [],
  };
}

const num = (value: string | null) => (value === null ? null : Number(value));

/**
 * Creates or edits an information asset. Edits send If-Match with the
 * version that was read; a 412 means someone else changed it meanwhile.
 */
export function AssetFormModal({
  asset,
  opened,
  onClose,
}: {
  asset: Asset | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [form, setForm] = useState<FormState>(() => initialState(asset));
  const [missingOwner, setMissingOwner] = useState(false);
  const save = useSaveAsset();
  const classifications = useClassifications();
  const units = useOrgUnits();
  const locations = useLocations();
  const users = useUserDirectory(can('users:read'));
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const stale = isStale(save.error);
  const labels: FieldLabels = {
    code: t('assets.fields.code'),
    name: t('assets.fields.name'),
    category: t('assets.fields.category'),
    status: t('assets.fields.status'),
    description: t('assets.fields.description'),
    owner: t('assets.fields.owner'),
    orgUnitId: t('assets.fields.orgUnit'),
    classificationId: t('assets.fields.classification'),
    locationId: t('assets.fields.location'),
    custodian: t('assets.fields.custodian'),
    confidentiality: t('assets.fields.confidentiality'),
    integrity: t('assets.fields.integrity'),
    availability: t('assets.fields.availability'),
    businessProcess: t('assets.fields.businessProcess'),
    nextReviewDate: t('assets.fields.nextReviewDate'),
    tags: t('assets.fields.tags'),
  };
  // owner.id / custodian.id and each tag show on their input.
  const problem = problemFields(save.error, labels, [
    ...Object.keys(labels),
    'owner.*',
    'custodian.*',
    'tags.*',
  ]);
  const fieldError = problem.error;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.code} ${u.name}`,
  }));
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.ownerId) {
      setMissingOwner(true);
      return;
    }
    const body: AssetCreate = {
      code: form.code.trim(),
      name: form.name.trim(),
      category: form.category as AssetCreate['category'],
      description: form.description,
      owner: { type: form.ownerType, id: form.ownerId },
      orgUnitId: form.orgUnitId,
      locationId: form.locationId,
      custodian: form.custodianId
        ? {
            // A unit as custodian (set by import) keeps its kind while unchanged.
            type: form.custodianId === asset?.custodian?.id ? asset.custodian.type : 'user',
            id: form.custodianId,
          }
        : null,
      classificationId: form.classificationId,
      confidentiality: num(form.confidentiality),
      integrity: num(form.integrity),
      availability: num(form.availability),
      businessProcess: form.businessProcess,
      status: form.status as AssetCreate['status'],
      nextReviewDate: form.nextReviewDate || null,
      tags: form.tags,
    };
    save.mutate(asset ? { id: asset.id, version: asset.version, body } : { body }, {
      onSuccess: onClose,
    });
  }

  const title = asset
    ? t('assets.form.editTitle', { code: asset.code })
    : t('assets.form.createTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SaveProblem
            error={save.error}
            staleTitle={t('assets.form.staleTitle')}
            staleBody={t('assets.form.staleBody')}
            fields={problem}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assets.fields.code')}
              required
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={fieldError('code')}
            />
            <TextInput
              label={t('assets.fields.name')}
              required
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={fieldError('name')}
            />
            <Select
              label={t('assets.fields.category')}
              required
              data={assetCategorySchema.options.map((value) => ({
                value,
                label: t(`assets.categories.${value}`),
              }))}
              value={form.category}
              onChange={(value) => set('category', value ?? 'information')}
              error={fieldError('category')}
              allowDeselect={false}
            />
            <Select
              label={t('assets.fields.status')}
              data={(['in_use', 'retired'] as const).map((value) => ({
                value,
                label: t(`assets.statuses.${value}`),
              }))}
              value={form.status}
              onChange={(value) => set('status', value ?? 'in_use')}
              error={fieldError('status')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label={t('assets.fields.description')}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={fieldError('description')}
            autosize
            minRows={2}
          />
          <Stack gap={4}>
            <SegmentedControl
              aria-label={t('assets.form.ownerKind')}
              value={form.ownerType}
              onChange={(value) => {
                set('ownerType', value as 'user' | 'unit');
                set('ownerId', null);
              }}
              data={[
                { value: 'user', label: t('assets.form.ownerUser') },
                { value: 'unit', label: t('assets.form.ownerUnit') },
              ]}
            />
            <Select
              label={t('assets.fields.owner')}
              required
              searchable
              data={form.ownerType === 'user' ? userOptions : unitOptions}
              value={form.ownerId}
              onChange={(value) => {
                set('ownerId', value);
                setMissingOwner(false);
              }}
              error={missingOwner ? t('assets.form.ownerRequired') : fieldError('owner')}
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assets.fields.orgUnit')}
              searchable
              clearable
              data={unitOptions}
              value={form.orgUnitId}
              onChange={(value) => set('orgUnitId', value)}
              error={fieldError('orgUnitId')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('assets.fields.classification')}
              clearable
              data={(classifications.data ?? [])
                .filter((level) => level.active || level.id === form.classificationId)
                .map((level) => ({ value: level.id, label: level.name[lang] }))}
              value={form.classificationId}
              onChange={(value) => set('classificationId', value)}
              error={fieldError('classificationId')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assets.fields.location')}
              searchable
              clearable
              data={(locations.data ?? []).map((l) => ({
                value: l.id,
                label: `${l.code} ${l.name}`,
              }))}
              value={form.locationId}
              onChange={(value) => set('locationId', value)}
              error={fieldError('locationId')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('assets.fields.custodian')}
              searchable
              clearable
              data={userOptions}
              value={form.custodianId}
              onChange={(value) => set('custodianId', value)}
              error={fieldError('custodian')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {(['confidentiality', 'integrity', 'availability'] as const).map((key) => (
              <Select
                key={key}
                label={t(`assets.fields.${key}`)}
                clearable
                data={CIA}
                value={form[key]}
                onChange={(value) => set(key, value)}
                error={fieldError(key)}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assets.fields.businessProcess')}
              value={form.businessProcess}
              onChange={(e) => set('businessProcess', e.currentTarget.value)}
              error={fieldError('businessProcess')}
            />
            <TextInput
              type="date"
              label={t('assets.fields.nextReviewDate')}
              value={form.nextReviewDate}
              onChange={(e) => set('nextReviewDate', e.currentTarget.value)}
              error={fieldError('nextReviewDate')}
            />
          </SimpleGrid>
          <TagsInput
            label={t('assets.fields.tags')}
            value={form.tags}
            onChange={(value) => set('tags', value)}
            error={fieldError('tags')}
            maxTags={20}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={asset ? t('common.saveChanges') : t('assets.form.create')}
            loading={save.isPending}
            disabled={stale}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
