import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  DEFAULT_LIBRARY_ID,
  catalogKey,
  useCatalogTree,
  type CatalogControl,
  type CatalogText,
  type CatalogTreeNode,
} from '../../api/catalog';
import { api } from '../../api/client';
import { queryString, type ListPage } from '../../api/types';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { displayIdIn } from '@mamoru/contracts';

export type CatalogNamespace = 'control' | 'requirement';

interface NodeRef {
  id: string;
  displayId: string;
  title: CatalogText;
}

/** How many matches the picker lists at a time; typing narrows them. */
export const PICKER_PAGE = 30;

/** The ID as people cite it: the standard's own numbering in Japanese (7(2)⑥, 箇条4), the ISO form in English (A.7.2.6, Clause 4). */
export function shownId(node: { id: string; displayId: string }, language: string) {
  return displayIdIn(node, language.startsWith('ja') ? 'ja' : 'en');
}

/** `7(2)⑥ 構外にある装置のセキュリティ`: the option label in the user's language. */
export function nodeLabel(node: NodeRef, language: string) {
  const title = textIn(node.title, language);
  return title ? `${shownId(node, language)} ${title}` : shownId(node, language);
}

/** Every node of one namespace of the cached tree, by ID: names chosen values without a request. */
function useNodeIndex(namespace: CatalogNamespace, libraryId: string) {
  const tree = useCatalogTree(libraryId);
  return useMemo(() => {
    const map = new Map<string, NodeRef>();
    const kind = namespace === 'control' ? 'control' : 'requirement';
    const walk = (nodes: readonly CatalogTreeNode[]) => {
      for (const node of nodes) {
        if (node.kind === kind) map.set(node.id, node);
        walk(node.children);
      }
    };
    walk((namespace === 'control' ? tree.data?.controlGroups : tree.data?.requirements) ?? []);
    return map;
  }, [tree.data, namespace]);
}

/**
 * Options for a catalog picker: the server's matches for what the user types
 * (ID, display ID or title, in ja or en), plus the chosen values so they keep
 * their labels. IDs stay the values, so the API receives what it always did.
 */
export function useCatalogOptions(
  namespace: CatalogNamespace,
  search: string,
  chosen: string[],
  /** The library to pick from: the shipped criteria the ISMS works to, unless another is named. */
  libraryId: string = DEFAULT_LIBRARY_ID,
) {
  const language = useCatalogLanguage();
  const index = useNodeIndex(namespace, libraryId);
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [...catalogKey, 'picker', libraryId, namespace, q],
    queryFn: ({ signal }) =>
      api.get<ListPage<CatalogControl>>(
        `/api/v1/catalogs/${encodeURIComponent(libraryId)}/controls${queryString({
          q: q || undefined,
          namespace,
          limit: PICKER_PAGE,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const data = useMemo(() => {
    const options = new Map<string, string>();
    for (const id of chosen) {
      const node = index.get(id);
      options.set(id, node ? nodeLabel(node, language) : id);
    }
    for (const node of found.data?.items ?? []) {
      if (!options.has(node.id)) options.set(node.id, nodeLabel(node, language));
    }
    return [...options].map(([value, label]) => ({ value, label }));
  }, [chosen, index, found.data, language]);
  return { data, loading: found.isFetching, error: found.error };
}
