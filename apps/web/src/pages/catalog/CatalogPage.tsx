import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconBook2,
  IconChevronDown,
  IconFileCertificate,
  IconFileImport,
  IconLanguage,
  IconLibrary,
  IconPlus,
  IconSearch,
  IconSettings,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  defaultLibrary,
  useCatalogs,
  useCatalogTree,
  type CatalogLibrary,
  type CatalogTree,
} from '../../api/catalog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { pickText, textIn, useCatalogLanguage } from '../../lib/catalogText';
import { useSessionState } from '../../lib/useSessionState';
import { phaseColor } from '../../navigation';
import { useSession } from '../../session/useSession';
import { AddControlModal } from './AddControlModal';
import { ControlSearchResults } from './ControlSearchResults';
import { branchIds, ControlTree, controlPath, rememberCatalogAddress } from './ControlTree';
import { ExportMenu } from './ExportMenu';
import { GlossaryPanel } from './GlossaryPanel';
import { ImportLibraryModal } from './ImportLibraryModal';
import { FallbackNoticeShown, LocalizedText, useLanguageName } from './LocalizedText';
import { OverlayModal } from './OverlayModal';
import { requirementBranchIds, RequirementTree } from './RequirementTree';
import { displayIdIn } from '@mamoru/contracts';

type TabKey = 'controls' | 'requirements' | 'glossary';
type Dialog =
  | { kind: 'import' }
  | { kind: 'overlay' }
  | { kind: 'add'; objectiveId: string | null; key: number }
  | null;

/** Which branches of a tree are open, kept per library and tree for this browser tab. */
function useExpanded(key: string, initial: string[]) {
  const [ids, setIds] = useSessionState<string[]>(key, initial);
  const expanded = useMemo(() => new Set(ids), [ids]);
  return {
    expanded,
    toggle: (id: string) =>
      setIds((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id])),
    set: setIds,
  };
}

function ExpandButtons({ onExpand, onCollapse }: { onExpand: () => void; onCollapse: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="subtle" size="xs" onClick={onExpand}>
        {t('catalog.expandAll')}
      </Button>
      <Button variant="subtle" size="xs" onClick={onCollapse}>
        {t('catalog.collapseAll')}
      </Button>
    </Group>
  );
}

/** The controls tab: a search box over the tree; with words typed, the matches instead. */
function ControlsPanel({
  tree,
  q,
  onSearch,
  onAddControl,
}: {
  tree: CatalogTree;
  q: string;
  onSearch: (q: string) => void;
  onAddControl?: ((objectiveId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const libraryId = tree.library.id;
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { expanded, toggle, set } = useExpanded(`mamoru.catalog.${libraryId}.controls`, []);

  useEffect(() => {
    if (debounced !== q) onSearch(debounced);
    // Only the typed words drive the address; the address drives the results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const clear = () => {
    setSearch('');
    onSearch('');
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t('catalog.search.label')}
          description={t('catalog.search.hint')}
          placeholder={t('catalog.search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 320px' }}
          maw={560}
        />
        {!q && (
          <ExpandButtons
            onExpand={() => set(branchIds(tree.controlGroups))}
            onCollapse={() => set([])}
          />
        )}
      </Group>
      {q ? (
        <ControlSearchResults libraryId={libraryId} q={q} onClear={clear} />
      ) : tree.controlGroups.length === 0 ? (
        <EmptyBlock
          icon={<IconBook2 size={28} stroke={1.5} aria-hidden="true" />}
          title={t('catalog.noControls')}
        />
      ) : (
        <ControlTree
          nodes={tree.controlGroups}
          libraryId={libraryId}
          expanded={expanded}
          onToggle={toggle}
          onAddControl={onAddControl}
        />
      )}
    </Stack>
  );
}

function RequirementsPanel({ tree }: { tree: CatalogTree }) {
  const { t } = useTranslation();
  const { expanded, toggle, set } = useExpanded(
    `mamoru.catalog.${tree.library.id}.requirements`,
    tree.requirements.map((node) => node.id),
  );
  if (tree.requirements.length === 0) {
    return (
      <EmptyBlock
        icon={<IconBook2 size={28} stroke={1.5} aria-hidden="true" />}
        title={t('catalog.requirements.empty')}
      />
    );
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text fz="sm" c="dimmed" maw={720}>
          {t('catalog.requirements.intro')}
        </Text>
        <ExpandButtons
          onExpand={() => set(requirementBranchIds(tree.requirements))}
          onCollapse={() => set([])}
        />
      </Group>
      <RequirementTree nodes={tree.requirements} expanded={expanded} onToggle={toggle} />
    </Stack>
  );
}

const originColor: Record<CatalogLibrary['origin'], string> = {
  shipped: 'indigo',
  native: 'teal',
  oscal: 'cyan',
};

/** The chosen library: who publishes it, where it comes from, what it holds. */
function LibraryFacts({
  library,
  tree,
}: {
  library: CatalogLibrary;
  tree: CatalogTree | undefined;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const note = tree?.source.note;
  const publisher = textIn(library.publisher, language);
  return (
    <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color={originColor[library.origin]} radius="sm">
          {t(`catalog.origin.${library.origin}`)}
        </Badge>
        <Badge variant="outline" color="gray.7" radius="sm">
          {t('catalog.version', { version: library.version })}
        </Badge>
        {library.counts.ownControls > 0 && (
          <Badge variant="light" color="teal" radius="sm">
            {t('catalog.ownCount', { count: library.counts.ownControls })}
          </Badge>
        )}
        {library.counts.overlayTexts > 0 && (
          <Badge variant="light" color="grape" radius="sm">
            {t('catalog.officialCount', { count: library.counts.overlayTexts })}
          </Badge>
        )}
      </Group>
      <Text fz="sm" c="dimmed">
        {[
          publisher,
          library.counts.requirements > 0
            ? t('catalog.requirementCount', { count: library.counts.requirements })
            : null,
          t('catalog.controlCount', { count: library.counts.controls }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {note && <LocalizedText component="p" texts={note} fz="xs" c="dimmed" m={0} maw={900} />}
    </Stack>
  );
}

/**
 * The control catalog: pick a library (the shipped JIPDEC criteria by
 * default), browse its annex controls as a tree or search them, read the
 * requirements of 第4–第7 and the glossary. Managers import libraries and
 * licensed text, and add their own controls.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const languageName = useLanguageName();
  const navigate = useNavigate();
  const toast = useToast();
  const { can } = useSession();
  const manage = can('catalog:manage');
  const [params, setParams] = useSearchParams();
  const { search: address } = useLocation();
  const catalogs = useCatalogs();
  const library = catalogs.data ? defaultLibrary(catalogs.data, params.get('library')) : undefined;
  const tree = useCatalogTree(library?.id);
  const [dialog, setDialog] = useState<Dialog>(null);

  // The control page's way back returns here: same library, tab and search.
  useEffect(() => {
    rememberCatalogAddress(address);
  }, [address]);

  const hasRequirements = (library?.counts.requirements ?? 0) > 0;
  const wantedTab = params.get('tab');
  const tab: TabKey =
    wantedTab === 'glossary' || (wantedTab === 'requirements' && hasRequirements)
      ? wantedTab
      : 'controls';
  const q = params.get('q') ?? '';

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const missingLanguage =
    library && !library.languages.some((tag) => tag.toLowerCase().split('-')[0] === language);
  const libraryName = library ? textIn(library.name, language) : '';

  const shipped = catalogs.data?.filter((l) => l.origin === 'shipped') ?? [];
  const imported = catalogs.data?.filter((l) => l.origin !== 'shipped') ?? [];
  const option = (l: CatalogLibrary) => ({
    value: l.id,
    label: `${pickText(l.name, language)?.text ?? l.id}`,
  });
  const libraryOptions = [
    ...(shipped.length ? [{ group: t('catalog.picker.shipped'), items: shipped.map(option) }] : []),
    ...(imported.length
      ? [{ group: t('catalog.picker.imported'), items: imported.map(option) }]
      : []),
  ];

  /** The tree's loading and error states, or what `render` makes of it. */
  const withTree = (render: (data: CatalogTree) => ReactNode) =>
    tree.isPending ? (
      <LoadingRows rows={6} label={t('catalog.loadingTree')} />
    ) : tree.isError ? (
      <ErrorState
        error={tree.error}
        onRetry={() => void tree.refetch()}
        retrying={tree.isFetching}
      />
    ) : (
      render(tree.data)
    );

  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('areas.catalog.title')}
        eyebrow={`${t('phases.plan.name')} · ${t('phases.plan.summary')}`}
        description={t('catalog.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color={phaseColor.plan}>
            <IconBook2 size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          library && (
            <Group gap="sm">
              <ExportMenu library={library} />
              {manage && (
                <Menu position="bottom-end" width={280} shadow="md" withinPortal>
                  <Menu.Target>
                    <Button
                      leftSection={<IconSettings size={16} aria-hidden="true" />}
                      rightSection={<IconChevronDown size={14} aria-hidden="true" />}
                    >
                      {t('catalog.manage.button')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconFileImport size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'import' })}
                    >
                      {t('catalog.manage.import')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'add', objectiveId: null, key: Date.now() })}
                      disabled={!tree.data}
                    >
                      {t('catalog.manage.addControl')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconFileCertificate size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'overlay' })}
                    >
                      {t('catalog.manage.overlay')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          )
        }
      />

      {catalogs.isPending ? (
        <LoadingRows rows={3} label={t('catalog.loadingLibraries')} />
      ) : catalogs.isError ? (
        <ErrorState
          error={catalogs.error}
          onRetry={() => void catalogs.refetch()}
          retrying={catalogs.isFetching}
        />
      ) : !library ? (
        <EmptyBlock
          icon={<IconLibrary size={28} stroke={1.5} aria-hidden="true" />}
          title={t('catalog.noLibraries')}
          description={t('catalog.noLibrariesHint')}
        />
      ) : (
        <FallbackNoticeShown.Provider value={Boolean(missingLanguage)}>
          <Card withBorder radius="lg" padding="lg" shadow="xs">
            <Group align="flex-start" gap="xl" wrap="wrap">
              <Select
                label={t('catalog.picker.label')}
                data={libraryOptions}
                value={library.id}
                onChange={(value) => value && update({ library: value, q: null })}
                allowDeselect={false}
                w={360}
                maw="100%"
                leftSection={<IconLibrary size={16} aria-hidden="true" />}
                comboboxProps={{ withinPortal: true }}
              />
              <LibraryFacts library={library} tree={tree.data} />
            </Group>
          </Card>

          {missingLanguage && (
            <Alert
              color="blue"
              variant="light"
              role="note"
              icon={<IconLanguage size={18} aria-hidden="true" />}
              title={t('catalog.languageNotice.title', {
                language: languageName(language),
              })}
            >
              {t('catalog.languageNotice.body', {
                languages: library.languages.map(languageName).join(', '),
              })}
            </Alert>
          )}

          <Card withBorder radius="lg" padding="lg" shadow="xs">
            <Tabs
              value={tab}
              onChange={(value) => update({ tab: value === 'controls' ? null : value })}
              keepMounted={false}
            >
              <Tabs.List mb="md">
                <Tabs.Tab value="controls">
                  {hasRequirements ? t('catalog.tabs.annex') : t('catalog.tabs.controls')}
                </Tabs.Tab>
                {hasRequirements && (
                  <Tabs.Tab value="requirements">{t('catalog.tabs.requirements')}</Tabs.Tab>
                )}
                <Tabs.Tab value="glossary">{t('catalog.tabs.glossary')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="controls">
                {withTree((data) => (
                  <ControlsPanel
                    key={library.id}
                    tree={data}
                    q={q}
                    onSearch={(value) => update({ q: value || null })}
                    onAddControl={
                      manage
                        ? (objectiveId) => setDialog({ kind: 'add', objectiveId, key: Date.now() })
                        : undefined
                    }
                  />
                ))}
              </Tabs.Panel>
              {hasRequirements && (
                <Tabs.Panel value="requirements">
                  {withTree((data) => (
                    <RequirementsPanel tree={data} />
                  ))}
                </Tabs.Panel>
              )}
              <Tabs.Panel value="glossary">
                <GlossaryPanel libraryId={library.id} />
              </Tabs.Panel>
            </Tabs>
          </Card>
        </FallbackNoticeShown.Provider>
      )}

      {manage && dialog?.kind === 'import' && (
        <ImportLibraryModal
          opened
          onClose={() => setDialog(null)}
          onImported={(imported) => {
            setDialog(null);
            update({ library: imported.id, q: null, tab: null });
            toast.success(
              t('catalog.import.done', { name: textIn(imported.name, language) || imported.id }),
              [
                t('catalog.controlCount', { count: imported.counts.controls }),
                imported.counts.requirements > 0
                  ? t('catalog.requirementCount', { count: imported.counts.requirements })
                  : null,
              ]
                .filter(Boolean)
                .join(' · '),
            );
          }}
        />
      )}
      {manage && library && dialog?.kind === 'overlay' && (
        <OverlayModal
          libraryId={library.id}
          libraryName={libraryName}
          opened
          onClose={() => setDialog(null)}
        />
      )}
      {manage && library && tree.data && dialog?.kind === 'add' && (
        <AddControlModal
          key={dialog.key}
          libraryId={library.id}
          groups={tree.data.controlGroups}
          objectiveId={dialog.objectiveId}
          opened
          onClose={() => setDialog(null)}
          onAdded={(control) => {
            setDialog(null);
            toast.success(
              t('catalog.addControl.added'),
              `${displayIdIn(control, language)} ${textIn(control.title, language)}`,
            );
            void navigate(controlPath(library.id, control.id));
          }}
        />
      )}
    </Stack>
  );
}
