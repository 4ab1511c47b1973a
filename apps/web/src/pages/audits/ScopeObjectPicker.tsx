import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { queryString, type ListPage } from '../../api/types';

type Named = { id: string; name: string };
type Kind = 'assets' | 'documents';

const nameOf: Record<Kind, (item: Record<string, string>) => string> = {
  assets: (a) => `${a.code} ${a.name}`,
  documents: (d) => `${d.code} ${d.title}`,
};

/**
 * A searchable pick of assets or documents for an audit's scope: the server's
 * matches for what is typed, plus the chosen ones so they keep their names.
 */
export function ScopeObjectPicker({
  kind,
  label,
  value,
  onChange,
  error,
}: {
  kind: Kind;
  label: string;
  value: Named[];
  onChange: (value: Named[]) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [kind, 'audit-scope-pick', q],
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<Record<string, string>>>(
          `/api/v1/${kind}${queryString({ q: q || undefined, limit: 20 })}`,
          { signal },
        )
      ).items.map((item) => ({ id: item.id!, name: nameOf[kind](item) })),
    placeholderData: keepPreviousData,
  });
  const options = new Map(value.map((v) => [v.id, v.name]));
  for (const item of found.data ?? []) if (!options.has(item.id)) options.set(item.id, item.name);
  return (
    <MultiSelect
      label={label}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value.map((v) => v.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, name: options.get(id) ?? id })))}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
