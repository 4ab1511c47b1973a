import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogControl,
  CatalogControlDetail,
  CatalogExportFormat,
  CatalogLibrary,
  CatalogTree,
  GlossaryTerm,
  Locale,
  OverlayImport,
  OwnControlCreate,
} from '@mamoru/contracts';
import { api } from './client';
import { queryString, type ListPage } from './types';

export type {
  CatalogControl,
  CatalogControlDetail,
  CatalogLibrary,
  CatalogText,
  CatalogTree,
  CatalogTreeNode,
  GlossaryTerm,
  OverlayImport,
  OwnControlCreate,
} from '@mamoru/contracts';

export const catalogKey = ['catalog'] as const;
const librariesKey = [...catalogKey, 'libraries'] as const;
const treeKey = (libraryId: string) => [...catalogKey, 'tree', libraryId] as const;

/** The library Mamoru ships with: the JIPDEC ISMS certification criteria Ver.2.0. */
export const DEFAULT_LIBRARY_ID = 'jipdec-isms-2.0';

const path = (libraryId: string) => `/api/v1/catalogs/${encodeURIComponent(libraryId)}`;

/** The libraries the organization sees: shipped ones first, then its own imports. */
export function useCatalogs() {
  return useQuery({
    queryKey: librariesKey,
    queryFn: ({ signal }) =>
      api.get<{ items: CatalogLibrary[] }>('/api/v1/catalogs', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** The library the page should show: the asked-for one if visible, else the shipped default. */
export function defaultLibrary(libraries: readonly CatalogLibrary[], wanted?: string | null) {
  return (
    libraries.find((l) => l.id === wanted) ??
    libraries.find((l) => l.id === DEFAULT_LIBRARY_ID) ??
    libraries.find((l) => l.origin === 'shipped') ??
    libraries[0]
  );
}

/** A whole library as a tree (requirements and control groups), with own controls and overlay. */
export function useCatalogTree(libraryId: string | undefined) {
  return useQuery({
    queryKey: treeKey(libraryId ?? ''),
    queryFn: ({ signal }) => api.get<CatalogTree>(path(libraryId!), { signal }),
    enabled: Boolean(libraryId),
    staleTime: 5 * 60_000,
  });
}

const SEARCH_PAGE = 50;

/** Controls whose texts contain every word of `q` (ja and en), in document order, page by page. */
export function useControlSearch(libraryId: string | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: [...catalogKey, 'search', libraryId ?? '', q],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<CatalogControl>>(
        `${path(libraryId!)}/controls${queryString({ q, limit: SEARCH_PAGE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(libraryId) && q !== '',
  });
}

/** One control with its objective, domain, the organization's official wording and its usage. */
export function useControl(libraryId: string, controlId: string) {
  return useQuery({
    queryKey: [...catalogKey, 'control', libraryId, controlId],
    queryFn: ({ signal }) =>
      api.get<CatalogControlDetail>(
        `${path(libraryId)}/controls/${encodeURIComponent(controlId)}`,
        {
          signal,
        },
      ),
  });
}

/** The terms and definitions of a library. */
export function useGlossary(libraryId: string | undefined) {
  return useQuery({
    queryKey: [...catalogKey, 'glossary', libraryId ?? ''],
    queryFn: ({ signal }) =>
      api
        .get<{ items: GlossaryTerm[] }>(`/api/v1/glossary${queryString({ library: libraryId })}`, {
          signal,
        })
        .then((r) => r.items),
    enabled: Boolean(libraryId),
    staleTime: 5 * 60_000,
  });
}

/** Where the browser downloads an export (the session cookie authorizes the GET). */
export function exportUrl(libraryId: string, format: CatalogExportFormat, locale?: Locale) {
  return `${path(libraryId)}/export${queryString({ format, locale: format === 'oscal' ? locale : undefined })}`;
}

/** Drops everything cached about one library (tree, search, controls) and the list's counts. */
function forgetLibrary(queryClient: ReturnType<typeof useQueryClient>, libraryId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: librariesKey }),
    queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] === catalogKey[0] &&
        query.queryKey[1] !== 'libraries' &&
        query.queryKey[2] === libraryId,
    }),
  ]);
}

/** POST /catalogs/{id}/controls: one of the organization's own controls under an objective. */
export function useAddOwnControl(libraryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OwnControlCreate) =>
      api.post<CatalogControlDetail>(`${path(libraryId)}/controls`, input),
    onSuccess: () => forgetLibrary(queryClient, libraryId),
  });
}

export interface OverlayResult {
  libraryId: string;
  texts: number;
  replaced: number;
}

/** PUT /catalogs/{id}/overlay: replaces the organization's licensed official wording. */
export function useImportOverlay(libraryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlay: unknown) =>
      api.put<OverlayResult>(`${path(libraryId)}/overlay`, overlay as OverlayImport),
    onSuccess: () => forgetLibrary(queryClient, libraryId),
  });
}
