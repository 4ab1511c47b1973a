import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconChevronDown,
  IconDatabase,
  IconDownload,
  IconPlus,
  IconSearch,
  IconTags,
  IconUpload,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetCategorySchema } from '@mamoru/contracts';
import {
  assetExportUrl,
  useAssetList,
  useClassifications,
  useOrgUnits,
  type Asset,
  type AssetFilter,
  type AssetSort,
} from '../../api/assets';
import { useUserDirectory } from '../../api/identity';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { AssetDrawer } from './AssetDrawer';
import { AssetFormModal } from './AssetFormModal';
import { ImportAssetsModal } from './ImportAssetsModal';

function SortHeader({
  column,
  filter,
  onSort,
  children,
}: {
  column: AssetSort;
  filter: AssetFilter;
  onSort: (column: AssetSort) => void;
  children: ReactNode;
}) {
  const active = filter.sort === column;
  const Icon = !active ? IconArrowsSort : filter.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      aria-sort={active ? (filter.direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden="true" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The asset register (資産台帳): every information asset, filtered and sorted by the server. */
export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const write = can('isms:write');
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [classificationId, setClassificationId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [sort, setSort] = useState<{ sort: AssetSort; direction: 'asc' | 'desc' }>({
    sort: 'code',
    direction: 'asc',
  });
  const filter: AssetFilter = { q, category, classificationId, status, owner, ...sort };
  const assets = useAssetList(filter);
  const classifications = useClassifications();
  const units = useOrgUnits();
  const users = useUserDirectory(can('users:read'));
  const [editing, setEditing] = useState<{ asset: Asset | null; key: number } | null>(null);
  const [viewing, setViewing] = useState<Asset | null>(null);
  const [importing, setImporting] = useState(false);

  const items = assets.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q !== '' || !!category || !!classificationId || !!status || !!owner;
  const onSort = (column: AssetSort) =>
    setSort((s) =>
      s.sort === column
        ? { sort: column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { sort: column, direction: 'asc' },
    );
  const clear = () => {
    setSearch('');
    setCategory(null);
    setClassificationId(null);
    setStatus(null);
    setOwner(null);
  };
  const createButton = write && (
    <Button
      leftSection={<IconPlus size={18} aria-hidden="true" />}
      onClick={() => setEditing({ asset: null, key: Date.now() })}
    >
      {t('assets.create')}
    </Button>
  );

  return (
    <Stack gap="xl" maw={1400}>
      <PageHeader
        title={t('assets.title')}
        eyebrow={t('areas.assets.title')}
        description={t('areas.assets.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconDatabase size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          <Group gap="sm">
            <Button
              variant="subtle"
              component={Link}
              to="/classifications"
              leftSection={<IconTags size={16} aria-hidden="true" />}
            >
              {t('classifications.link')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden="true" />}
                  rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                >
                  {t('assets.export.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={assetExportUrl(filter, 'csv')} download>
                  {t('assets.export.csv')}
                </Menu.Item>
                <Menu.Item component="a" href={assetExportUrl(filter, 'xlsx')} download>
                  {t('assets.export.xlsx')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {write && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden="true" />}
                onClick={() => setImporting(true)}
              >
                {t('assets.import.button')}
              </Button>
            )}
            {createButton}
          </Group>
        }
      />
      <Card withBorder radius="lg" padding={0} shadow="xs">
        <Group
          gap="sm"
          p="md"
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <TextInput
            type="search"
            aria-label={t('assets.search')}
            placeholder={t('assets.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
            maw={360}
          />
          <Select
            aria-label={t('assets.fields.category')}
            placeholder={t('assets.allCategories')}
            data={assetCategorySchema.options.map((value) => ({
              value,
              label: t(`assets.categories.${value}`),
            }))}
            value={category}
            onChange={setCategory}
            clearable
            w={170}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('assets.fields.classification')}
            placeholder={t('assets.allClassifications')}
            data={(classifications.data ?? []).map((level) => ({
              value: level.id,
              label: level.name[lang],
            }))}
            value={classificationId}
            onChange={setClassificationId}
            clearable
            w={170}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('assets.fields.status')}
            placeholder={t('assets.allStatuses')}
            data={(['in_use', 'retired'] as const).map((value) => ({
              value,
              label: t(`assets.statuses.${value}`),
            }))}
            value={status}
            onChange={setStatus}
            clearable
            w={150}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('assets.fields.owner')}
            placeholder={t('assets.allOwners')}
            data={[
              {
                group: t('assets.form.ownerUnit'),
                items: (units.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.code} ${u.name}`,
                })),
              },
              {
                group: t('assets.form.ownerUser'),
                items: (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
              },
            ].filter((group) => group.items.length > 0)}
            value={owner}
            onChange={setOwner}
            clearable
            searchable
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {assets.isPending ? (
          <Stack p="md">
            <LoadingRows rows={5} label={t('assets.loading')} />
          </Stack>
        ) : assets.isError ? (
          <Stack p="md">
            <ErrorState
              error={assets.error}
              onRetry={() => void assets.refetch()}
              retrying={assets.isFetching}
            />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconDatabase size={28} stroke={1.5} aria-hidden="true" />}
            title={filtered ? t('assets.noMatch') : t('assets.empty')}
            description={filtered ? t('assets.noMatchHint') : t('assets.emptyHint')}
            action={
              filtered ? (
                <Button variant="default" onClick={clear}>
                  {t('assets.clearFilters')}
                </Button>
              ) : (
                createButton || undefined
              )
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="md"
              highlightOnHover
              aria-label={t('assets.title')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <SortHeader column="code" filter={filter} onSort={onSort}>
                    {t('assets.fields.code')}
                  </SortHeader>
                  <SortHeader column="name" filter={filter} onSort={onSort}>
                    {t('assets.fields.name')}
                  </SortHeader>
                  <Table.Th>{t('assets.fields.category')}</Table.Th>
                  <Table.Th>{t('assets.fields.owner')}</Table.Th>
                  <Table.Th>{t('assets.fields.classification')}</Table.Th>
                  <Table.Th>{t('assets.columns.cia')}</Table.Th>
                  <SortHeader column="value" filter={filter} onSort={onSort}>
                    {t('assets.fields.value')}
                  </SortHeader>
                  <Table.Th>{t('assets.fields.status')}</Table.Th>
                  <SortHeader column="nextReviewDate" filter={filter} onSort={onSort}>
                    {t('assets.fields.nextReviewDate')}
                  </SortHeader>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((asset) => (
                  <Table.Tr key={asset.id}>
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => setViewing(asset)}
                        c="blue.8"
                        fw={600}
                        fz="sm"
                        ff="monospace"
                      >
                        {asset.code}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td fz="sm">{asset.name}</Table.Td>
                    <Table.Td fz="sm">{t(`assets.categories.${asset.category}`)}</Table.Td>
                    <Table.Td fz="sm">{asset.owner.name}</Table.Td>
                    <Table.Td fz="sm">
                      {asset.classification ? asset.classification.name[lang] : '—'}
                    </Table.Td>
                    <Table.Td fz="sm" ff="monospace">
                      {[asset.confidentiality, asset.integrity, asset.availability]
                        .map((v) => v ?? '–')
                        .join(' / ')}
                    </Table.Td>
                    <Table.Td fz="sm">{asset.value ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="dot"
                        color={asset.status === 'in_use' ? 'teal' : 'gray'}
                        tt="none"
                        fw={500}
                      >
                        {t(`assets.statuses.${asset.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {asset.nextReviewDate ? format.date(asset.nextReviewDate) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {assets.hasNextPage && (
          <Group
            justify="center"
            p="md"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Button
              variant="default"
              onClick={() => void assets.fetchNextPage()}
              loading={assets.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
        {items.length > 0 && (
          <Text fz="xs" c="dimmed" p="sm" ta="right">
            {t('assets.shown', { count: items.length })}
          </Text>
        )}
      </Card>
      {editing && (
        <AssetFormModal
          key={editing.key}
          asset={editing.asset}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <AssetDrawer
        asset={viewing}
        onClose={() => setViewing(null)}
        onEdit={
          write
            ? (asset) => {
                setViewing(null);
                setEditing({ asset, key: Date.now() });
              }
            : undefined
        }
      />
      {importing && <ImportAssetsModal opened onClose={() => setImporting(false)} />}
    </Stack>
  );
}
