import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  assetCategorySchema,
  threatCreateSchema,
  vulnerabilityCreateSchema,
} from '@mamoru/contracts';
import { FormError } from '../../../components/QueryStates';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../../lib/validation';
import {
  useCatalog,
  useSaveCatalogEntry,
  type CatalogKind,
  type ThreatDto,
  type VulnerabilityDto,
} from '../api/catalogs';
import { groupLabel, textOf, THREAT_GROUPS, VULNERABILITY_GROUPS } from './labels';

const OWN_GROUP = '__own';
const FIELDS = [
  'code',
  'group',
  'name.ja',
  'name.en',
  'affects',
  'defaultLikelihood',
  'defaultLevel',
  'description.ja',
  'description.en',
  'origin',
  'assetCategories',
  'relatedControls',
  'exploitedBy',
  'active',
];

/** Adds an own threat or vulnerability, or edits one (starter entries too: wording, defaults, active). */
export function CatalogEntryModal({
  kind,
  entry,
  onClose,
}: {
  kind: CatalogKind;
  entry: ThreatDto | VulnerabilityDto | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveCatalogEntry(kind);
  const threats = useCatalog('threats');
  const threat = entry && 'affects' in entry ? entry : null;
  const vulnerability = entry && 'exploitedBy' in entry ? entry : null;
  const known: readonly string[] = kind === 'threats' ? THREAT_GROUPS : VULNERABILITY_GROUPS;
  const [form, setForm] = useState({
    code: entry?.code ?? '',
    group: entry ? (known.includes(entry.group) ? entry.group : OWN_GROUP) : known[0]!,
    ownGroup: entry && !known.includes(entry.group) ? entry.group : '',
    nameJa: entry?.name.ja ?? '',
    nameEn: entry?.name.en ?? '',
    descriptionJa: entry?.description.ja ?? '',
    descriptionEn: entry?.description.en ?? '',
    affects: threat?.affects ?? ['confidentiality', 'integrity', 'availability'],
    origin: threat?.origin ?? [],
    assetCategories: entry?.assetCategories ?? [],
    defaultValue: threat?.defaultLikelihood ?? vulnerability?.defaultLevel ?? 2,
    relatedControls: entry?.relatedControls ?? [],
    exploitedBy: vulnerability?.exploitedBy ?? [],
    active: entry?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const all = { ...errors, ...serverFieldErrors(save.error) };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const common = {
      code: form.code.trim(),
      group: form.group === OWN_GROUP ? form.ownGroup.trim() : form.group,
      name: { ja: form.nameJa.trim(), en: form.nameEn.trim() },
      description: { ja: form.descriptionJa, en: form.descriptionEn },
      assetCategories: form.assetCategories,
      relatedControls: form.relatedControls,
    };
    const body =
      kind === 'threats'
        ? {
            ...common,
            affects: form.affects,
            origin: form.origin,
            defaultLikelihood: form.defaultValue,
          }
        : { ...common, defaultLevel: form.defaultValue, exploitedBy: form.exploitedBy };
    const schema: z.ZodType<unknown> =
      kind === 'threats' ? threatCreateSchema : vulnerabilityCreateSchema;
    const found = validate(schema, body);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      entry
        ? { id: entry.id, version: entry.version, body: { ...body, active: form.active } }
        : { body: body as never },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(`risks.catalogs.${kind}.${entry ? 'edit' : 'add'}`)}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} extra={unplacedErrors(save.error, FIELDS)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risks.catalogs.code')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={all.code}
              required
              data-autofocus
            />
            <Select
              label={t('risks.catalogs.group')}
              data={[
                ...known.map((value) => ({ value, label: groupLabel(kind, value) })),
                { value: OWN_GROUP, label: t('risks.catalogs.ownGroup') },
              ]}
              value={form.group}
              onChange={(value) => value && set('group', value)}
              allowDeselect={false}
              error={form.group === OWN_GROUP ? undefined : all.group}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          {form.group === OWN_GROUP && (
            <TextInput
              label={t('risks.catalogs.ownGroupName')}
              value={form.ownGroup}
              onChange={(e) => set('ownGroup', e.currentTarget.value)}
              error={all.group}
              required
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risks.catalogs.nameJa')}
              lang="ja"
              value={form.nameJa}
              onChange={(e) => set('nameJa', e.currentTarget.value)}
              error={all['name.ja']}
              required
            />
            <TextInput
              label={t('risks.catalogs.nameEn')}
              lang="en"
              value={form.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={all['name.en']}
              required
            />
            <Textarea
              label={t('risks.catalogs.descriptionJa')}
              lang="ja"
              value={form.descriptionJa}
              error={all['description.ja']}
              onChange={(e) => set('descriptionJa', e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('risks.catalogs.descriptionEn')}
              lang="en"
              value={form.descriptionEn}
              error={all['description.en']}
              onChange={(e) => set('descriptionEn', e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          {kind === 'threats' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox.Group
                label={t('risks.catalogs.affects')}
                value={form.affects}
                onChange={(value) => set('affects', value as typeof form.affects)}
                error={all.affects}
                withAsterisk
              >
                <Group gap="md" mt={6}>
                  {(['confidentiality', 'integrity', 'availability'] as const).map((p) => (
                    <Checkbox key={p} value={p} label={t(`risks.properties.${p}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('risks.catalogs.origin')}
                value={form.origin}
                error={all.origin}
                onChange={(value) => set('origin', value as typeof form.origin)}
              >
                <Group gap="md" mt={6}>
                  {(['deliberate', 'accidental', 'environmental'] as const).map((o) => (
                    <Checkbox key={o} value={o} label={t(`risks.catalogs.origins.${o}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('risks.catalogs.assetCategories')}
              data={assetCategorySchema.options.map((value) => ({
                value,
                label: t(`assets.categories.${value}`),
              }))}
              value={form.assetCategories}
              error={all.assetCategories}
              onChange={(value) => set('assetCategories', value as typeof form.assetCategories)}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t(`risks.catalogs.${kind}.default`)}
              description={t(`risks.catalogs.${kind}.defaultHint`)}
              value={form.defaultValue}
              min={0}
              max={1000}
              allowDecimal={false}
              onChange={(v) => set('defaultValue', typeof v === 'number' ? v : 0)}
              error={all.defaultLikelihood ?? all.defaultLevel}
            />
          </SimpleGrid>
          <TagsInput
            label={t('risks.catalogs.relatedControls')}
            description={t('risks.catalogs.relatedControlsHint')}
            value={form.relatedControls}
            error={all.relatedControls}
            onChange={(value) => set('relatedControls', value)}
            placeholder="8.1.3"
          />
          {kind === 'vulnerabilities' && (
            <MultiSelect
              label={t('risks.catalogs.exploitedBy')}
              data={(threats.data ?? []).map((th) => ({
                value: th.code,
                label: `${th.code} ${textOf(th.name, i18n.language)}`,
              }))}
              value={form.exploitedBy}
              error={all.exploitedBy}
              onChange={(value) => set('exploitedBy', value)}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {entry && (
            <Switch
              label={t('risks.catalogs.activeLabel')}
              checked={form.active}
              error={all.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {entry ? t('common.saveChanges') : t(`risks.catalogs.${kind}.add`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
