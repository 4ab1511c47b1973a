// A Library as rows of catalog_nodes: one row per requirement, group and
// control, in document order, with what search matches precomputed.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type {
  Control,
  ControlGroup,
  Library,
  LocalizedText,
  RequirementNode,
} from '@mamoru/catalog';
import type { NewCatalogNode } from '@mamoru/db/repositories/catalog';
import { englishDisplayId } from '@mamoru/contracts';

/**
 * Bump when the rows derived from a document change shape (e.g. what
 * search_text holds): the shipped-library sync then rebuilds every library's
 * nodes although their documents did not change.
 */
const NODE_LAYOUT_VERSION = 2;

/** SHA-256 of the library's canonical JSON and the node layout version. */
export function libraryContentHash(lib: Library): string {
  const canonical = canonicalize(lib);
  if (canonical === undefined) throw new Error(`library ${lib.id} cannot be canonicalized`);
  return createHash('sha256')
    .update(`mamoru-catalog-nodes-v${NODE_LAYOUT_VERSION}\n`)
    .update(canonical)
    .digest('hex');
}

/** The columns of catalog_libraries that repeat the document's header. */
export function libraryHeader(lib: Library) {
  return {
    version: lib.version,
    name: { ...lib.name } as Record<string, string>,
    publisher: lib.publisher ? ({ ...lib.publisher } as Record<string, string>) : null,
    description: lib.description ? ({ ...lib.description } as Record<string, string>) : null,
  };
}

/** How search compares text: NFKC (full-width → half-width, ① → 1), lower case. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const textValues = (text: LocalizedText | undefined): string[] =>
  text ? Object.values(text).filter((v): v is string => typeof v === 'string') : [];

/**
 * The display ID (as Japanese and English readers see it), ID, title and summary in every language, plus the title of
 * the enclosing group: a search for 「暗号」 finds every control of the
 * objective 暗号による管理策, also 10.3.3 ディジタル署名.
 */
export function searchTextOf(
  node: { id: string; displayId: string; title: LocalizedText; summary?: LocalizedText | null },
  groupTitle?: LocalizedText,
): string {
  return normalizeForSearch(
    [
      node.displayId,
      englishDisplayId(node.id, node.displayId),
      node.id,
      ...textValues(node.title),
      ...textValues(node.summary ?? undefined),
      ...textValues(groupTitle),
    ].join('\n'),
  );
}

/** The library's nodes as rows (without the library's uuid), parents before children. */
export function libraryNodes(lib: Library): Omit<NewCatalogNode, 'libraryId'>[] {
  const rows: Omit<NewCatalogNode, 'libraryId'>[] = [];
  let position = 0;
  const push = (row: Omit<NewCatalogNode, 'libraryId' | 'position' | 'organizationId'>) =>
    rows.push({ ...row, position: position++, organizationId: null });

  const requirements = (nodes: readonly RequirementNode[], ancestors: string[]): void => {
    for (const node of nodes) {
      push({
        namespace: 'requirement',
        nodeId: node.id,
        parentId: ancestors.at(-1) ?? null,
        ancestorIds: ancestors,
        kind: 'requirement',
        displayId: node.displayId,
        depth: ancestors.length,
        title: { ...node.title } as Record<string, string>,
        summary: { ...node.summary } as Record<string, string>,
        guidance: null,
        searchText: searchTextOf(node),
      });
      if (node.children) requirements(node.children, [...ancestors, node.id]);
    }
  };
  const controls = (
    list: readonly Control[],
    ancestors: string[],
    groupTitle: LocalizedText,
  ): void => {
    for (const control of list) {
      push({
        namespace: 'control',
        nodeId: control.id,
        parentId: ancestors.at(-1) ?? null,
        ancestorIds: ancestors,
        kind: 'control',
        displayId: control.displayId,
        depth: ancestors.length,
        title: { ...control.title } as Record<string, string>,
        summary: control.summary ? ({ ...control.summary } as Record<string, string>) : null,
        guidance: control.guidance ? ({ ...control.guidance } as Record<string, string>) : null,
        params: control.params?.length ? [...control.params] : null,
        searchText: searchTextOf(control, groupTitle),
      });
      if (control.controls) controls(control.controls, [...ancestors, control.id], groupTitle);
    }
  };
  const groups = (list: readonly ControlGroup[], ancestors: string[]): void => {
    for (const group of list) {
      push({
        namespace: 'control',
        nodeId: group.id,
        parentId: ancestors.at(-1) ?? null,
        ancestorIds: ancestors,
        kind: group.kind,
        displayId: group.displayId,
        depth: ancestors.length,
        title: { ...group.title } as Record<string, string>,
        summary: group.summary ? ({ ...group.summary } as Record<string, string>) : null,
        guidance: null,
        searchText: searchTextOf(group),
      });
      const inner = [...ancestors, group.id];
      if (group.controls) controls(group.controls, inner, group.title);
      if (group.groups) groups(group.groups, inner);
    }
  };
  requirements(lib.requirements, []);
  groups(lib.controlGroups, []);
  return rows;
}
