import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/identity';
import { useSession } from '../../../session/useSession';
import type { PlanFilter } from '../api/plan';
import { FilterBadge } from '../../../components/FilterBadge';

const MISSING = ['owner', 'dueDate', 'resources'] as const;
type Missing = (typeof MISSING)[number];

/**
 * The plan's filter as the URL holds it. `missing` and `open=true` come from the conformity
 * view's gaps: the open actions without an owner, a due date or resources.
 */
export type PlanUrlFilter = Omit<PlanFilter, 'sort' | 'direction'> & {
  missing?: Missing | null;
  open?: 'true' | null;
};
export type PlanKey = keyof PlanUrlFilter;

export function planFilterFromParams(params: URLSearchParams): PlanUrlFilter {
  const filter: PlanUrlFilter = {};
  for (const key of ['q', 'status', 'priority', 'ownerUserId'] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (params.get('overdue') === 'true') filter.overdue = 'true';
  if (params.get('open') === 'true') filter.open = 'true';
  const missing = params.get('missing');
  if (MISSING.includes(missing as Missing)) filter.missing = missing as Missing;
  return filter;
}

/** Status, priority, owner and overdue pickers, and the conformity view's filters as badges. */
export function PlanFilters({
  filter,
  onChange,
}: {
  filter: PlanUrlFilter;
  onChange: (changes: Partial<Record<PlanKey, string | null>>) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  // The box starts from the address (a gap links to `?q=<action code>`) and
  // writes back to it once typing pauses.
  const [search, setSearch] = useState(filter.q ?? '');
  const [typed] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (typed !== (filter.q ?? '')) onChange({ q: typed || null });
    // Only the debounced text writes the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  const removable = (label: string, key: PlanKey) => (
    <FilterBadge onRemove={() => onChange({ [key]: null })}>{label}</FilterBadge>
  );
  return (
    <Group gap="sm" wrap="wrap">
      <TextInput
        aria-label={t('risks.plan.search')}
        placeholder={t('risks.plan.search')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={220}
      />
      <Select
        aria-label={t('risks.plan.fields.status')}
        placeholder={t('risks.plan.allStatuses')}
        data={(['planned', 'in_progress', 'done', 'cancelled'] as const).map((s) => ({
          value: s,
          label: t(`risks.plan.statuses.${s}`),
        }))}
        value={filter.status ?? null}
        onChange={(status) => onChange({ status })}
        clearable
        w={160}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        aria-label={t('risks.plan.fields.priority')}
        placeholder={t('risks.plan.allPriorities')}
        data={(['critical', 'high', 'medium', 'low'] as const).map((p) => ({
          value: p,
          label: t(`risks.plan.priorities.${p}`),
        }))}
        value={filter.priority ?? null}
        onChange={(priority) => onChange({ priority })}
        clearable
        w={150}
        comboboxProps={{ withinPortal: true }}
      />
      {(users.data?.length ?? 0) > 0 && (
        <Select
          aria-label={t('risks.plan.fields.owner')}
          placeholder={t('risks.plan.allOwners')}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filter.ownerUserId ?? null}
          onChange={(ownerUserId) => onChange({ ownerUserId })}
          clearable
          searchable
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Switch
        label={t('risks.plan.overdueOnly')}
        checked={filter.overdue === 'true'}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked ? 'true' : null })}
      />
      {filter.missing && removable(t(`risks.plan.missingFilter.${filter.missing}`), 'missing')}
      {filter.open && removable(t('risks.plan.openFilter'), 'open')}
    </Group>
  );
}
