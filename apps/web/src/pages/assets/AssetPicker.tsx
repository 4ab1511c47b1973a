import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssetSearch } from '../../api/assets';

/**
 * Picks an asset by code or name. The register may hold 100,000 assets, so
 * the search runs on the server (the first 20 matches), never over a list
 * loaded into the browser.
 */
export function AssetPicker({
  label,
  value,
  onChange,
  exclude = [],
  error,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: string[];
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useAssetSearch(q);
  const data = (results.data ?? [])
    .filter((a) => !exclude.includes(a.id))
    .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }));

  return (
    <Select
      label={label}
      error={error}
      placeholder={t('assets.searchPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; the select shows its answer as is.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('assets.noMatch')}
      clearable
      comboboxProps={{ withinPortal: true, hideDetached: false }}
      style={{ flex: 1 }}
    />
  );
}
