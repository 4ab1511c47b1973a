import { Alert, Button, Card, Group, Menu, Select, Stack, Tabs, ThemeIcon } from '@mantine/core';
import {
  IconBook2,
  IconChevronDown,
  IconFileCertificate,
  IconFileImport,
  IconLanguage,
  IconLibrary,
  IconPlus,
  IconSettings,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
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
import { phaseColor } from '../../navigation';
import { useSession } from '../../session/useSession';
import { AddControlModal, objectivesOf } from './AddControlModal';
import { ControlsPanel, RequirementsPanel } from './CatalogPanels';
import { controlPath, rememberCatalogAddress } from './ControlTree';
import { ExportMenu } from './ExportMenu';
import { GlossaryPanel } from './GlossaryPanel';
import { ImportLibraryModal } from './ImportLibraryModal';
import { LibraryFacts } from './LibraryFacts';
import { FallbackNoticeShown, useLanguageName } from './LocalizedText';
import { OverlayModal } from './OverlayModal';
import { useLibraryLabels } from './libraryLabels';
import { displayIdIn } from '@mamoru/contracts';

type TabKey = 'controls' | 'requirements' | 'glossary';
type Dialog =
  | { kind: 'import' }
  | { kind: 'overlay' }
  | { kind: 'add'; objectiveId: string | null; key: number }
  | null;

/**
 * The control catalog: pick a library (the shipped JIPDEC criteria by
 * default), browse its controls as a tree or search them, read its
 * requirements (when it has them) and the glossary. Managers import libraries and
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
  const labels = useLibraryLabels(tree.data);
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
                      // Own controls go under an objective or group; some libraries (themes → controls) have none.
                      disabled={!tree.data || objectivesOf(tree.data.controlGroups).length === 0}
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
                  {hasRequirements ? labels.annexTab : t('catalog.tabs.controls')}
                </Tabs.Tab>
                {hasRequirements && (
                  <Tabs.Tab value="requirements">{labels.requirementsTab}</Tabs.Tab>
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
                <GlossaryPanel libraryId={library.id} shipped={library.origin === 'shipped'} />
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
