import { useMemo } from 'react';
import {
  DEFAULT_LIBRARY_ID,
  useCatalogTree,
  type CatalogText,
  type CatalogTreeNode,
} from '../../../api/catalog';

export interface ControlRef {
  /** The text ID risks store, e.g. '8.1.3'. */
  id: string;
  /** As the criteria print it, e.g. '8(1)③'. */
  displayId: string;
  title: CatalogText;
}

/**
 * The annex controls of the shipped criteria (and the organization's own
 * controls) by ID, from the cached catalog tree: a few hundred entries, so
 * picking and naming controls needs no further requests.
 */
export function useControlIndex() {
  const tree = useCatalogTree(DEFAULT_LIBRARY_ID);
  const index = useMemo(() => {
    const map = new Map<string, ControlRef>();
    const walk = (nodes: readonly CatalogTreeNode[]) => {
      for (const node of nodes) {
        if (node.kind === 'control') {
          map.set(node.id, { id: node.id, displayId: node.displayId, title: node.title });
        }
        walk(node.children);
      }
    };
    walk(tree.data?.controlGroups ?? []);
    return map;
  }, [tree.data]);
  return { index, isPending: tree.isPending };
}
