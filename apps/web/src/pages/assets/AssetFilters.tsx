import { Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { assetCategorySchema } from '@mamoru/contracts';
import { useClassifications } from '../../api/assets';
import { useOwnerOptions } from './ownerOptions';
import type { FilterName, Filters } from './registerState';

/** The filter bar of the register; every filter is applied by the server. */
export function AssetFilters({
  search,
  onSearch,
  filters,
  onFilter,
}: {
  search: string;
  onSearch: (value: string) => void;
  filters: Filters;
  onFilter: (name: Exclude<FilterName, 'q'>, value: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const classifications = useClassifications();
  const owners = useOwnerOptions(false);
  const select = { clearable: true, comboboxProps: { withinPortal: true } } as const;

  return (
    <>
      <TextInput
        type="search"
        aria-label={t('assets.search')}
        placeholder={t('assets.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        style={{ flex: '1 1 240px' }}
        maw={360}
      />
      <Select
        {...select}
        aria-label={t('assets.fields.category')}
        placeholder={t('assets.allCategories')}
        data={assetCategorySchema.options.map((value) => ({
          value,
          label: t(`assets.categories.${value}`),
        }))}
        value={filters.category}
        onChange={(v) => onFilter('category', v)}
        w={170}
      />
      <Select
        {...select}
        aria-label={t('assets.fields.classification')}
        placeholder={t('assets.allClassifications')}
        data={[
          { value: 'none', label: t('assets.unclassified') },
          ...(classifications.data ?? []).map((level) => ({
            value: level.id,
            label: level.name[lang],
          })),
        ]}
        value={filters.classificationId}
        onChange={(v) => onFilter('classificationId', v)}
        w={170}
      />
      <Select
        {...select}
        aria-label={t('assets.fields.status')}
        placeholder={t('assets.allStatuses')}
        data={(['in_use', 'retired'] as const).map((value) => ({
          value,
          label: t(`assets.statuses.${value}`),
        }))}
        value={filters.status}
        onChange={(v) => onFilter('status', v)}
        w={150}
      />
      <Select
        {...select}
        aria-label={t('assets.fields.owner')}
        placeholder={t('assets.allOwners')}
        data={owners}
        value={filters.owner}
        onChange={(v) => onFilter('owner', v)}
        searchable
        w={200}
      />
    </>
  );
}
