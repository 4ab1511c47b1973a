import { Button, Card, Group, Menu, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconChevronDown,
  IconDatabase,
  IconDownload,
  IconPlus,
  IconTags,
  IconUpload,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  assetExportUrl,
  useAssetList,
  type Asset,
  type AssetListItem,
  type AssetSort,
} from '../../api/assets';
import type { SavedView } from '../../api/views';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useDownload } from '../../lib/useDownload';
import { useSession } from '../../session/useSession';
import { AssetDrawer } from './AssetDrawer';
import { AssetFilters } from './AssetFilters';
import { AssetFormModal } from './AssetFormModal';
import { AssetTable } from './AssetTable';
import { BulkChangeModal } from './BulkChangeModal';
import { ColumnChooser } from './ColumnChooser';
import { ImportAssetsModal } from './ImportAssetsModal';
import {
  definitionOf,
  filterOf,
  INITIAL_STATE,
  NO_FILTERS,
  stateOf,
  type RegisterState,
} from './registerState';
import { SavedViewsMenu } from './SavedViewsMenu';

/**
 * The asset register (資産台帳): every information asset, filtered and sorted by
 * the server, with the user's columns and saved views, edits in place and bulk
 * changes of a selection.
 */
export function AssetsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const write = can('isms:write');
  const download = useDownload();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  // Links into the register (from the conformity view) carry filters in the address.
  const [params] = useSearchParams();
  const [state, setState] = useState<RegisterState>(() => ({
    ...INITIAL_STATE,
    filters: {
      ...INITIAL_STATE.filters,
      classificationId: params.get('classificationId'),
      owner: params.get('owner'),
    },
  }));
  const [view, setView] = useState<SavedView | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filter = filterOf(state, q);
  const assets = useAssetList(filter);
  const [editing, setEditing] = useState<{ asset: Asset | null; key: number } | null>(null);
  const [viewing, setViewing] = useState<AssetListItem | null>(null);
  const [importing, setImporting] = useState(false);
  const [bulk, setBulk] = useState(false);

  const items = assets.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered =
    q !== '' || Object.values(state.filters).some((v) => !!v && v !== state.filters.q);
  const definition = definitionOf({ ...state, filters: { ...state.filters, q } });
  const onSort = (column: AssetSort) =>
    setState((s) => ({
      ...s,
      sort: column,
      direction: s.sort === column && s.direction === 'asc' ? 'desc' : 'asc',
    }));
  const clear = () => {
    setSearch('');
    setState((s) => ({ ...s, filters: NO_FILTERS }));
    setSelected(new Set());
  };
  const applyView = (next: SavedView | null) => {
    const nextState = next ? stateOf(next.definition) : INITIAL_STATE;
    setState(nextState);
    setSearch(nextState.filters.q ?? '');
    setView(next);
    setSelected(new Set());
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
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
                  loading={download.busy}
                  leftSection={<IconDownload size={16} aria-hidden="true" />}
                  rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                >
                  {t('assets.export.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" {...download.link(assetExportUrl(filter, 'csv'))}>
                  {t('assets.export.csv')}
                </Menu.Item>
                <Menu.Item component="a" {...download.link(assetExportUrl(filter, 'xlsx'))}>
                  {t('assets.export.xlsx')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {download.status}
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
          <AssetFilters
            search={search}
            onSearch={(value) => {
              setSearch(value);
              setSelected(new Set());
            }}
            filters={state.filters}
            onFilter={(name, value) => {
              setState((s) => ({ ...s, filters: { ...s.filters, [name]: value } }));
              setSelected(new Set());
            }}
          />
          <Group gap="sm" ml="auto">
            <SavedViewsMenu current={view} definition={definition} onApply={applyView} />
            <ColumnChooser
              columns={state.columns}
              onChange={(columns) => setState((s) => ({ ...s, columns }))}
            />
          </Group>
        </Group>
        {selected.size > 0 && (
          <Group
            gap="sm"
            px="md"
            py="xs"
            bg="blue.0"
            role="region"
            aria-label={t('assets.bulk.region')}
          >
            <Text fz="sm" fw={600}>
              {t('assets.bulk.selected', { count: selected.size })}
            </Text>
            <Button
              size="xs"
              leftSection={<IconUsersGroup size={14} aria-hidden="true" />}
              onClick={() => setBulk(true)}
            >
              {t('assets.bulk.button')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              {t('assets.bulk.clear')}
            </Button>
          </Group>
        )}
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
            <AssetTable
              items={items}
              columns={state.columns}
              sort={state.sort}
              direction={state.direction}
              onSort={onSort}
              onOpen={setViewing}
              editable={write}
              selected={selected}
              onSelect={select}
            />
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
      {bulk && (
        <BulkChangeModal
          ids={[...selected]}
          onClose={() => setBulk(false)}
          onDone={() => {
            setBulk(false);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}
