import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAssetSearch } from '../../api/assets';

/**
 * Assets involved, searched by the server as the user types; the labels of
 * those already chosen are kept so they stay readable when a search moves on.
 */
export function AssetPicker({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useAssetSearch(debounced);
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = new Map<string, string>(value.map((id) => [id, known[id] ?? id]));
  for (const asset of found.data ?? []) options.set(asset.id, `${asset.code} ${asset.name}`);
  return (
    <MultiSelect
      label={label}
      description={description}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by code and name.
      filter={({ options: all }) => all}
      data={[...options].map(([id, text]) => ({ value: id, label: text }))}
      value={value}
      onChange={(ids) => {
        setKnown((prev) => {
          const next = { ...prev };
          for (const id of ids) next[id] ??= options.get(id) ?? id;
          return next;
        });
        onChange(ids);
      }}
      maxValues={50}
    />
  );
}
