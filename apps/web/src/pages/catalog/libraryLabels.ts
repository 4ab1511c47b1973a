import { useTranslation } from 'react-i18next';
import type { CatalogTree, CatalogTreeNode } from '../../api/catalog';
import { useCatalogLanguage } from '../../lib/catalogText';
import { displayIdIn } from '@mamoru/contracts';

/**
 * Labels that name a part of the chosen library (its clauses, its annex, an
 * example ID) are read from the library's own nodes, so each catalog is
 * described in its own terms: 第4〜第7 for Ver.2.0, 箇条4〜箇条10 for
 * ISO/IEC 27001:2022, nothing at all for a library without requirements.
 */

const NUMBER = /^\d+$/;

export interface ClauseRange {
  from: string;
  to: string;
  /** Both ends are plain clause numbers (English then says "clauses 4–10"). */
  numbered: boolean;
}

/** The first and last top-level requirement, as a reader in `language` cites them. */
export function clauseRange(
  requirements: readonly CatalogTreeNode[],
  language: string,
): ClauseRange | null {
  const first = requirements[0];
  const last = requirements.at(-1);
  if (!first || !last || first === last) return null;
  if (language !== 'ja' && NUMBER.test(first.id) && NUMBER.test(last.id)) {
    return { from: first.id, to: last.id, numbered: true };
  }
  // Japanese keeps the standard's own form (第4, 箇条4), which already says "clause".
  return {
    from: displayIdIn(first, language),
    to: displayIdIn(last, language),
    numbered: false,
  };
}

const ANNEX_PREFIX = /^([A-Z])\.\S/;

/** The annex letter every top-level control group shares (A for `A.5`…`A.8`), if any. */
export function annexLetter(groups: readonly CatalogTreeNode[]): string | null {
  const letters = new Set(groups.map((g) => ANNEX_PREFIX.exec(g.displayId)?.[1] ?? null));
  const [only] = letters;
  return letters.size === 1 && only ? only : null;
}

/** The first control of the tree, depth first: an example ID the search box can name. */
export function firstControl(nodes: readonly CatalogTreeNode[]): CatalogTreeNode | null {
  for (const node of nodes) {
    if (node.kind === 'control') return node;
    const found = firstControl(node.children);
    if (found) return found;
  }
  return null;
}

/** How the control groups nest: domain → objective → control, domain → control, or other groups. */
export function controlShape(
  nodes: readonly CatalogTreeNode[],
): 'objectives' | 'domains' | 'groups' {
  const kinds = new Set<string>();
  const walk = (list: readonly CatalogTreeNode[]) => {
    for (const node of list) {
      if (node.kind === 'control') continue;
      kinds.add(node.kind);
      walk(node.children);
    }
  };
  walk(nodes);
  if (kinds.has('objective')) return 'objectives';
  return kinds.size > 0 && [...kinds].every((k) => k === 'domain') ? 'domains' : 'groups';
}

/** The library-dependent labels of the catalog page; generic ones until the tree has loaded. */
export function useLibraryLabels(tree: CatalogTree | undefined) {
  const { t } = useTranslation();
  const language = useCatalogLanguage().startsWith('ja') ? 'ja' : 'en';
  const range = tree ? clauseRange(tree.requirements, language) : null;
  const letter = tree ? annexLetter(tree.controlGroups) : null;
  const sample = tree ? firstControl(tree.controlGroups) : null;
  const shape = tree ? controlShape(tree.controlGroups) : 'groups';
  return {
    annexTab: letter ? t('catalog.tabs.annexOf', { annex: letter }) : t('catalog.tabs.annex'),
    requirementsTab: !range
      ? t('catalog.tabs.requirements')
      : range.numbered
        ? t('catalog.tabs.requirementsClauses', { from: range.from, to: range.to })
        : t('catalog.tabs.requirementsRange', { from: range.from, to: range.to }),
    requirementsTreeLabel: !range
      ? t('catalog.requirements.treeLabel')
      : range.numbered
        ? t('catalog.requirements.treeLabelClauses', { from: range.from, to: range.to })
        : t('catalog.requirements.treeLabelRange', { from: range.from, to: range.to }),
    controlTreeLabel:
      shape === 'objectives'
        ? t('catalog.treeLabel')
        : shape === 'domains'
          ? t('catalog.treeLabelDomains')
          : t('catalog.treeLabelGroups'),
    searchPlaceholder: sample
      ? t('catalog.search.placeholderId', { id: displayIdIn(sample, language) })
      : t('catalog.search.placeholder'),
  };
}
