import { ActionIcon, Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_LIBRARY_ID, type CatalogTreeNode } from '../../api/catalog';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { LocalizedText } from './LocalizedText';
import classes from './catalog.module.css';
import { displayIdIn } from '@mamoru/contracts';

/** How many controls a node holds, at any depth (enhancements included). */
export function countControls(node: CatalogTreeNode): number {
  return node.children.reduce(
    (sum, child) => sum + (child.kind === 'control' ? 1 : 0) + countControls(child),
    0,
  );
}

/** The IDs of every node with children (what "expand all" opens). */
export function branchIds(nodes: readonly CatalogTreeNode[]): string[] {
  return nodes.flatMap((node) =>
    node.children.length > 0 && node.kind !== 'control'
      ? [node.id, ...branchIds(node.children)]
      : branchIds(node.children),
  );
}

/**
 * A path segment for an ID, with dots escaped too: the server answers paths
 * containing a '.' as static files (no index.html fallback), and library and
 * control IDs have dots (jipdec-isms-2.0, 10.3.2). The router decodes them.
 */
export function idSegment(id: string) {
  return encodeURIComponent(id).replaceAll('.', '%2E');
}

const LAST_ADDRESS_KEY = 'mamoru.catalog.lastAddress';

/** Remembers the catalog page's query (library, tab, search) for the way back from a control. */
export function rememberCatalogAddress(search: string) {
  try {
    globalThis.sessionStorage?.setItem(LAST_ADDRESS_KEY, search);
  } catch {
    // Without storage the way back opens the library afresh.
  }
}

/** The catalog page showing `libraryId`: as the user left it when that was this library. */
export function catalogPath(libraryId: string) {
  let search = '';
  try {
    search = globalThis.sessionStorage?.getItem(LAST_ADDRESS_KEY) ?? '';
  } catch {
    search = '';
  }
  const params = new URLSearchParams(search);
  const shown = params.get('library');
  // No library in the address means the shipped default was shown.
  if (shown === libraryId || (!shown && search && libraryId === DEFAULT_LIBRARY_ID)) {
    params.set('library', libraryId);
    return `/catalog?${params.toString()}`;
  }
  return `/catalog?library=${encodeURIComponent(libraryId)}`;
}

/** The address of a control's page (it also opens as a deep link or on reload). */
export function controlPath(libraryId: string, controlId: string) {
  return `/catalog/${idSegment(libraryId)}/controls/${idSegment(controlId)}`;
}

function domId(prefix: string, id: string) {
  return `${prefix}-${id.replace(/[^\p{L}\p{N}_-]/gu, '_')}`;
}

interface TreeProps {
  libraryId: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Offered on objectives (and plain groups) to users who may manage the catalog. */
  onAddControl?: ((objectiveId: string) => void) | undefined;
}

/** A control as a link to its page: display ID, title, summary, and what sets it apart. */
function ControlItem({ node, libraryId }: { node: CatalogTreeNode; libraryId: string }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  return (
    <li className={classes.node}>
      <div className={classes.row}>
        <span className={classes.leafSpacer} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Link className={classes.controlLink} to={controlPath(libraryId, node.id)}>
              <span className={classes.displayId}>{displayIdIn(node, language)}</span>{' '}
              <LocalizedText texts={node.title} className={classes.controlTitle} />
            </Link>
            {node.own && (
              <Badge size="xs" variant="light" color="teal" radius="sm">
                {t('catalog.own')}
              </Badge>
            )}
            {node.official && (
              <Badge size="xs" variant="light" color="grape" radius="sm">
                {t('catalog.hasOfficial')}
              </Badge>
            )}
          </Group>
          {node.summary && (
            <LocalizedText
              component="p"
              texts={node.summary}
              fz="sm"
              c="dimmed"
              lineClamp={2}
              m={0}
              style={{ paddingLeft: 'calc(var(--display-id-width, 4.5rem) + 8px)' }}
              markFallback={false}
            />
          )}
        </Stack>
      </div>
      {node.children.length > 0 && (
        <ul className={classes.tree}>
          {node.children.map((child) => (
            <ControlItem key={child.id} node={child} libraryId={libraryId} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A domain, objective or plain group: a disclosure button over its children. */
function GroupItem({ node, ...props }: TreeProps & { node: CatalogTreeNode }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const open = props.expanded.has(node.id);
  const listId = domId('catalog-group', node.id);
  const controls = countControls(node);
  const canAdd = props.onAddControl && (node.kind === 'objective' || node.kind === 'group');
  const isDomain = node.kind === 'domain';
  return (
    <li className={classes.node}>
      <div className={`${classes.row} ${isDomain ? classes.domainRow : ''}`}>
        <UnstyledButton
          className={classes.toggle}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => props.onToggle(node.id)}
        >
          <IconChevronRight size={16} className={classes.chevron} aria-hidden="true" />
          <span className={classes.displayId}>{displayIdIn(node, language)}</span>{' '}
          <LocalizedText texts={node.title} fw={isDomain ? 700 : 600} fz={isDomain ? 'md' : 'sm'} />
        </UnstyledButton>
        <Text fz="xs" c="dimmed" style={{ flex: 'none', whiteSpace: 'nowrap' }} mt={3}>
          {t('catalog.controlCount', { count: controls })}
        </Text>
        {canAdd && (
          <Tooltip label={t('catalog.addControl.here')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('catalog.addControl.under', {
                objective: `${displayIdIn(node, language)} ${textIn(node.title, language)}`,
              })}
              onClick={() => props.onAddControl?.(node.id)}
            >
              <IconPlus size={14} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        )}
      </div>
      {node.summary && (
        <div className={classes.body}>
          {node.kind === 'objective' ? (
            <Text fz="sm" component="p" m={0}>
              <Badge
                component="span"
                size="sm"
                variant="light"
                color="indigo"
                radius="sm"
                mr={8}
                className={classes.objectiveLabel}
              >
                {t('catalog.objectiveLabel')}
              </Badge>
              <LocalizedText texts={node.summary} markFallback={false} />
            </Text>
          ) : (
            <LocalizedText
              component="p"
              texts={node.summary}
              fz="sm"
              c="dimmed"
              m={0}
              markFallback={false}
            />
          )}
        </div>
      )}
      {open && (
        <ul className={classes.tree} id={listId}>
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

function TreeItem({ node, ...props }: TreeProps & { node: CatalogTreeNode }) {
  return node.kind === 'control' ? (
    <ControlItem node={node} libraryId={props.libraryId} />
  ) : (
    <GroupItem node={node} {...props} />
  );
}

/**
 * The controls as a tree: domains → objectives (管理目的) → controls, or
 * themes → controls (ISO/IEC 27001:2022), each branch collapsible.
 */
export function ControlTree({
  nodes,
  label,
  ...props
}: TreeProps & {
  nodes: CatalogTreeNode[];
  /** What the tree holds, in the library's own terms (domains, objectives, groups). */
  label: string;
}) {
  return (
    <ul className={classes.tree} aria-label={label}>
      {nodes.map((node) => (
        <TreeItem key={node.id} node={node} {...props} />
      ))}
    </ul>
  );
}
