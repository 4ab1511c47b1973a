import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListSearch, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetCategorySchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useSession } from '../../../session/useSession';
import {
  useCatalog,
  type CatalogKind,
  type ThreatDto,
  type VulnerabilityDto,
} from '../api/catalogs';
import { CatalogEntryModal } from './CatalogEntryModal';
import { groupLabel, textOf, THREAT_GROUPS, VULNERABILITY_GROUPS } from './labels';

type Entry = ThreatDto | VulnerabilityDto;

const PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;

/** C, I and A as three small tags; the ones the threat does not affect are left out. */
export function CiaTags({ affects }: { affects: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {PROPERTIES.filter((p) => affects.includes(p)).map((p) => (
        <Tooltip key={p} label={t(`risks.properties.${p}`)} withinPortal>
          <Badge
            size="sm"
            variant="light"
            color="indigo"
            radius="sm"
            aria-label={t(`risks.properties.${p}`)}
          >
            {t(`risks.propertyShort.${p}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** The threat or vulnerability catalog, grouped as ISO/IEC 27005 groups it; own entries can be added. */
export function CatalogListPage({ kind }: { kind: CatalogKind }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const write = can('isms:write');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const catalog = useCatalog(kind, { q, category, group });
  const [editing, setEditing] = useState<{ entry: Entry | null; key: number } | null>(null);
  const known: readonly string[] = kind === 'threats' ? THREAT_GROUPS : VULNERABILITY_GROUPS;

  const groups = useMemo(() => {
    const map = new Map<string, Entry[]>();
    for (const entry of (catalog.data ?? []) as Entry[]) {
      map.set(entry.group, [...(map.get(entry.group) ?? []), entry]);
    }
    // Starter groups in their published order, own groups after them alphabetically.
    return [...map].sort(([a], [b]) => {
      const ia = known.indexOf(a);
      const ib = known.indexOf(b);
      if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      return a.localeCompare(b);
    });
  }, [catalog.data, known]);

  const filtered = q !== '' || !!category || !!group;
  const addButton = write && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setEditing({ entry: null, key: Date.now() })}
    >
      {t(`risks.catalogs.${kind}.add`)}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="search"
            aria-label={t(`risks.catalogs.${kind}.search`)}
            placeholder={t('risks.catalogs.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
          />
          <Select
            aria-label={t('risks.catalogs.group')}
            placeholder={t('risks.catalogs.allGroups')}
            data={known.map((value) => ({ value, label: groupLabel(kind, value) }))}
            value={group}
            onChange={setGroup}
            clearable
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('risks.catalogs.assetCategory')}
            placeholder={t('risks.catalogs.allCategories')}
            data={assetCategorySchema.options.map((value) => ({
              value,
              label: t(`assets.categories.${value}`),
            }))}
            value={category}
            onChange={setCategory}
            clearable
            w={190}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {addButton}
      </Group>
      {catalog.isPending ? (
        <LoadingRows rows={6} />
      ) : catalog.isError ? (
        <ErrorState
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
          retrying={catalog.isFetching}
        />
      ) : groups.length === 0 ? (
        <EmptyBlock
          icon={<IconListSearch size={28} stroke={1.5} aria-hidden="true" />}
          title={filtered ? t('risks.catalogs.noMatch') : t(`risks.catalogs.${kind}.empty`)}
          action={addButton || undefined}
        />
      ) : (
        groups.map(([name, entries]) => (
          <Card key={name} withBorder radius="lg" padding={0} shadow="xs" component="section">
            <Group px="md" py="sm" justify="space-between" bg="gray.0">
              <Title order={2} fz="md">
                {groupLabel(kind, name)}
              </Title>
              <Text fz="xs" c="dimmed">
                {t('risks.catalogs.count', { count: entries.length })}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={900}>
              <Table
                verticalSpacing="xs"
                horizontalSpacing="md"
                aria-label={groupLabel(kind, name)}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('risks.catalogs.code')}</Table.Th>
                    <Table.Th>{t('risks.catalogs.name')}</Table.Th>
                    {kind === 'threats' && (
                      <Table.Th w={110}>{t('risks.catalogs.affects')}</Table.Th>
                    )}
                    <Table.Th>{t('risks.catalogs.assetCategories')}</Table.Th>
                    <Table.Th w={90}>{t(`risks.catalogs.${kind}.default`)}</Table.Th>
                    <Table.Th>{t('risks.catalogs.relatedControls')}</Table.Th>
                    <Table.Th w={90}>{t('risks.catalogs.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <Table.Tr key={entry.id} opacity={entry.active ? 1 : 0.6}>
                      <Table.Td ff="monospace" fz="sm">
                        {write ? (
                          <UnstyledButton
                            c="blue.8"
                            fw={600}
                            fz="sm"
                            ff="monospace"
                            aria-label={t('risks.catalogs.editEntry', { code: entry.code })}
                            onClick={() => setEditing({ entry, key: Date.now() })}
                          >
                            {entry.code}
                          </UnstyledButton>
                        ) : (
                          entry.code
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" fw={500}>
                          {textOf(entry.name, i18n.language)}
                        </Text>
                        <Text fz="xs" c="dimmed" lineClamp={2}>
                          {textOf(entry.description, i18n.language)}
                        </Text>
                      </Table.Td>
                      {kind === 'threats' && (
                        <Table.Td>
                          <CiaTags affects={(entry as ThreatDto).affects} />
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Group gap={4}>
                          {entry.assetCategories.map((c) => (
                            <Badge key={c} size="sm" variant="outline" color="gray.7" tt="none">
                              {t(`assets.categories.${c}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {'defaultLikelihood' in entry
                          ? entry.defaultLikelihood
                          : entry.defaultLevel}
                      </Table.Td>
                      <Table.Td fz="xs" ff="monospace">
                        {entry.relatedControls.join(', ') || '—'}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          size="sm"
                          variant="light"
                          color={entry.source === 'custom' ? 'grape' : 'gray'}
                          tt="none"
                        >
                          {entry.active
                            ? t(`risks.catalogs.sources.${entry.source}`)
                            : t('risks.catalogs.inactive')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ))
      )}
      {editing && (
        <CatalogEntryModal
          key={editing.key}
          kind={kind}
          entry={editing.entry}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

export function ThreatsPage() {
  return <CatalogListPage kind="threats" />;
}
