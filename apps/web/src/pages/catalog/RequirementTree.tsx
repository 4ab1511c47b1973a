import { Badge, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogTreeNode } from '../../api/catalog';
import { useCatalogLanguage } from '../../lib/catalogText';
import { LocalizedText } from './LocalizedText';
import classes from './catalog.module.css';
import { displayIdIn } from '@mamoru/contracts';

/** The IDs of every requirement with items below it. */
export function requirementBranchIds(nodes: readonly CatalogTreeNode[]): string[] {
  return nodes.flatMap((node) =>
    node.children.length > 0 ? [node.id, ...requirementBranchIds(node.children)] : [],
  );
}

function domId(id: string) {
  return `catalog-requirement-${id.replace(/[^\p{L}\p{N}_-]/gu, '_')}`;
}

/** The organization's licensed wording of a node, labelled as such. */
export function OfficialInline({ node }: { node: CatalogTreeNode }) {
  const { t } = useTranslation();
  if (!node.official) return null;
  return (
    <Box className={classes.official} pl="sm" py={2} mt={4}>
      <Text fz="xs" fw={700} c="grape.9">
        {t('catalog.officialLabel')}
      </Text>
      <LocalizedText
        component="p"
        texts={node.official}
        fz="sm"
        m={0}
        className={classes.textBlock}
      />
    </Box>
  );
}

function RequirementItem({
  node,
  expanded,
  onToggle,
}: {
  node: CatalogTreeNode;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const hasChildren = node.children.length > 0;
  const open = hasChildren && expanded.has(node.id);
  const listId = domId(node.id);
  const heading = (
    <>
      <span className={classes.displayId}>{displayIdIn(node, language)}</span>{' '}
      <LocalizedText texts={node.title} fw={600} fz="sm" />
    </>
  );
  return (
    <li className={classes.node}>
      <div className={classes.row}>
        {hasChildren ? (
          <UnstyledButton
            className={classes.toggle}
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => onToggle(node.id)}
          >
            <IconChevronRight size={16} className={classes.chevron} aria-hidden="true" />
            {heading}
          </UnstyledButton>
        ) : (
          <Group gap={8} wrap="nowrap" align="flex-start" style={{ flex: 1 }}>
            <span className={classes.leafSpacer} />
            {heading}
          </Group>
        )}
        {hasChildren && (
          <Text fz="xs" c="dimmed" style={{ flex: 'none', whiteSpace: 'nowrap' }} mt={3}>
            {t('catalog.itemCount', { count: node.children.length })}
          </Text>
        )}
        {node.official && (
          <Badge size="xs" variant="light" color="grape" radius="sm" mt={3}>
            {t('catalog.hasOfficial')}
          </Badge>
        )}
      </div>
      {(node.summary || node.official) && (
        <Stack gap={4} className={classes.body}>
          {node.summary && (
            <LocalizedText
              component="p"
              texts={node.summary}
              fz="sm"
              c="dimmed"
              m={0}
              markFallback={false}
            />
          )}
          <OfficialInline node={node} />
        </Stack>
      )}
      {open && (
        <ul className={classes.tree} id={listId}>
          {node.children.map((child) => (
            <RequirementItem key={child.id} node={child} expanded={expanded} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The library's clauses as a tree (Ver.2.0: 第4 → 第4 2. → 第4 2.(1) → d → (イ);
 * ISO/IEC 27001:2022: 箇条6 → 6.1 → 6.1.2), each with its summary.
 */
export function RequirementTree({
  nodes,
  label,
  expanded,
  onToggle,
}: {
  nodes: CatalogTreeNode[];
  /** What the tree holds, in the library's own terms (e.g. the range of its clauses). */
  label: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  return (
    <ul className={`${classes.tree} ${classes.requirements}`} aria-label={label}>
      {nodes.map((node) => (
        <RequirementItem key={node.id} node={node} expanded={expanded} onToggle={onToggle} />
      ))}
    </ul>
  );
}
