import {
  Loader,
  MultiSelect,
  Select,
  type MultiSelectProps,
  type SelectProps,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogOptions, type CatalogNamespace } from './useCatalogOptions';

type Shared = {
  /** Controls of the annex, or requirement clauses. */
  namespace: CatalogNamespace;
  /** The library to pick from; the shipped Ver.2.0 criteria when absent. */
  libraryId?: string | undefined;
};

const passThrough = ({ options }: { options: unknown[] }) => options;

/**
 * A searchable pick of catalog nodes by ID or title (ja or en), searched on the
 * server; shows the library's display IDs (its own form in Japanese, the ISO
 * form in English) and titles in the user's language, and keeps the IDs as values.
 */
export function CatalogPicker({
  namespace,
  libraryId,
  value,
  onChange,
  ...props
}: Shared &
  Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
    value: string[];
    onChange: (ids: string[]) => void;
  }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useCatalogOptions(namespace, search, value, libraryId);
  return (
    <MultiSelect
      placeholder={value.length === 0 ? t(`catalogPicker.placeholder.${namespace}`) : undefined}
      {...props}
      data={options.data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={passThrough as MultiSelectProps['filter']}
      nothingFoundMessage={options.loading ? t('catalogPicker.searching') : t('catalogPicker.none')}
      rightSection={options.loading ? <Loader size={14} /> : undefined}
      hidePickedOptions
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}

/** The single-value picker (one control or clause), e.g. one exclusion or one evidence link. */
export function CatalogSelect({
  namespace,
  libraryId,
  value,
  onChange,
  ...props
}: Shared &
  Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
    value: string | null;
    onChange: (id: string | null) => void;
  }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // With a value chosen, the search holds its label, which finds that node again.
  const options = useCatalogOptions(namespace, search, value ? [value] : [], libraryId);
  return (
    <Select
      placeholder={t(`catalogPicker.placeholder.${namespace}`)}
      {...props}
      data={options.data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={passThrough as SelectProps['filter']}
      nothingFoundMessage={options.loading ? t('catalogPicker.searching') : t('catalogPicker.none')}
      rightSection={options.loading ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}
