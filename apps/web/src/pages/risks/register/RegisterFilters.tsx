import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/identity';
import { useSession } from '../../../session/useSession';
import type { FilterKey, RiskFilter } from '../api/register';
import { methodVersions, useRiskMethods } from '../api/methods';
import { uiLang } from '../catalogs/labels';
import { FilterBadge } from '../../../components/FilterBadge';

const ASSET_CATEGORIES = [
  'information',
  'software',
  'physical',
  'service',
  'people',
  'intangible',
] as const;

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The register's filter as the URL holds it: `open=true` (from the conformity view) leaves out closed risks. */
export type RegisterFilter = RiskFilter & { open?: string };
export type RegisterKey = FilterKey | 'open';

/** Filters of the register; every change goes to the URL, so a filtered view can be linked. */
export function RegisterFilters({
  filter,
  onChange,
}: {
  filter: RegisterFilter;
  /** Several keys at once: the URL changes once, so no change is lost. */
  onChange: (changes: Partial<Record<RegisterKey, string | null>>) => void;
}) {
  const { t: typedT, i18n } = useTranslation();
  const t = typedT as unknown as LooseT;
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const methods = useRiskMethods();
  const { inForce } = methodVersions(methods.data);
  const lang = uiLang(i18n.language);
  const [search, setSearch] = useState(filter.q ?? '');
  const pushSearch = useDebouncedCallback(
    (value: string) => onChange({ q: value.trim() || null }),
    300,
  );

  const select = (
    key: FilterKey,
    label: string,
    all: string,
    values: readonly string[],
    prefix: string,
    w = 170,
  ) => (
    <Select
      aria-label={label}
      placeholder={all}
      data={values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))}
      value={filter[key] ?? null}
      onChange={(value) => onChange({ [key]: value })}
      clearable
      w={w}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Group gap="sm" wrap="wrap">
      <TextInput
        type="search"
        aria-label={t('risks.register.search')}
        placeholder={t('risks.register.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          pushSearch(e.currentTarget.value);
        }}
        style={{ flex: '1 1 220px' }}
        maw={320}
      />
      <Select
        aria-label={t('risks.register.columns.level')}
        placeholder={t('risks.register.allLevels')}
        data={(inForce?.definition.bands ?? []).map((band, i) => ({
          value: String(i + 1),
          label: band.label[lang] || String(band.min),
        }))}
        value={filter.level ?? null}
        onChange={(value) => onChange({ level: value })}
        clearable
        w={140}
        comboboxProps={{ withinPortal: true }}
      />
      {select(
        'assetCategory',
        t('risks.register.columns.assetCategory'),
        t('risks.register.allCategories'),
        ASSET_CATEGORIES,
        'assets.categories',
        170,
      )}
      {select(
        'evaluation',
        t('risks.register.columns.evaluation'),
        t('risks.register.allEvaluations'),
        ['accept', 'treat'],
        'risks.evaluations',
        150,
      )}
      {select(
        'treatmentOption',
        t('risks.register.columns.treatment'),
        t('risks.register.allTreatments'),
        ['apply_controls', 'retain', 'avoid', 'transfer', 'none'],
        'risks.treatmentOptions',
        180,
      )}
      {select(
        'status',
        t('risks.register.columns.status'),
        t('risks.register.allStatuses'),
        ['open', 'in_treatment', 'accepted', 'closed'],
        'risks.statuses',
        150,
      )}
      {select(
        'residualAcceptance',
        t('risks.register.columns.residualAcceptance'),
        t('risks.register.allAcceptances'),
        ['none', 'pending', 'accepted', 'rejected'],
        'risks.residualStatusFilter',
        180,
      )}
      {(users.data?.length ?? 0) > 0 && (
        <Select
          aria-label={t('risks.register.columns.owner')}
          placeholder={t('risks.register.allOwners')}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filter.ownerUserId ?? null}
          onChange={(value) => onChange({ ownerUserId: value })}
          clearable
          searchable
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {(filter.likelihood || filter.impact) && (
        <FilterBadge
          removeLabel={t('risks.register.clearCell')}
          onRemove={() => onChange({ likelihood: null, impact: null })}
        >
          {t('risks.register.cellFilter', {
            likelihood: filter.likelihood ?? '—',
            impact: filter.impact ?? '—',
          })}
        </FilterBadge>
      )}
      {filter.controlId && (
        <FilterBadge
          removeLabel={t('risks.register.clearControl')}
          onRemove={() => onChange({ controlId: null })}
        >
          {t('risks.register.controlFilter', { control: filter.controlId })}
        </FilterBadge>
      )}
      {filter.open && (
        <FilterBadge onRemove={() => onChange({ open: null })}>
          {t('risks.register.openFilter')}
        </FilterBadge>
      )}
    </Group>
  );
}
