import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogTree } from '../../api/catalog';
import { EmptyBlock } from '../../components/QueryStates';
import { useSessionState } from '../../lib/useSessionState';
import { ControlSearchResults } from './ControlSearchResults';
import { branchIds, ControlTree } from './ControlTree';
import { requirementBranchIds, RequirementTree } from './RequirementTree';
import { useLibraryLabels } from './libraryLabels';

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
export function ControlsPanel({
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
  const labels = useLibraryLabels(tree);
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
          placeholder={labels.searchPlaceholder}
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
          label={labels.controlTreeLabel}
          expanded={expanded}
          onToggle={toggle}
          onAddControl={onAddControl}
        />
      )}
    </Stack>
  );
}

/** The requirements tab: the library's clauses as a tree, top clauses open at first. */
export function RequirementsPanel({ tree }: { tree: CatalogTree }) {
  const { t } = useTranslation();
  const labels = useLibraryLabels(tree);
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
      <RequirementTree
        nodes={tree.requirements}
        label={labels.requirementsTreeLabel}
        expanded={expanded}
        onToggle={toggle}
      />
    </Stack>
  );
}
