import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Asset,
  AssetCreate,
  AssetListItem,
  AssetUpdate,
  AuditEvent,
  ClassificationLevel,
  ImportReport,
  Job,
} from '@mamoru/contracts';
import { currentLocale } from '../i18n';
import { api, ApiError } from './client';
import { ifMatch, queryString, type ListPage } from './types';

export type {
  Asset,
  AssetCreate,
  AssetListItem,
  AssetUpdate,
  ClassificationLevel,
  ImportReport,
  Job,
};

export const assetsKey = ['assets'] as const;
export const classificationsKey = ['classifications'] as const;
export const orgUnitsKey = ['org-units'] as const;

export type AssetSort = 'code' | 'name' | 'value' | 'updatedAt' | 'nextReviewDate';

export interface AssetFilter {
  q?: string;
  category?: string | null;
  classificationId?: string | null;
  status?: string | null;
  owner?: string | null;
  sort: AssetSort;
  direction: 'asc' | 'desc';
}

const ASSETS_PAGE = 50;

/** The filter as the list and export endpoints take it. */
export function assetFilterParams(filter: AssetFilter) {
  return {
    q: filter.q?.trim(),
    category: filter.category,
    classificationId: filter.classificationId,
    status: filter.status,
    owner: filter.owner,
    sort: filter.sort,
    direction: filter.direction,
  };
}

/** The register, page by page (keyset cursor), filtered and sorted by the server. */
export function useAssetList(filter: AssetFilter) {
  const params = assetFilterParams(filter);
  return useInfiniteQuery({
    queryKey: [...assetsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<AssetListItem>>(
        `/api/v1/assets${queryString({ ...params, limit: ASSETS_PAGE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The table stays while a new filter or sort loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useAsset(id: string | undefined) {
  return useQuery({
    queryKey: [...assetsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Asset>(`/api/v1/assets/${id}`, { signal }),
    enabled: !!id,
  });
}

export interface AssetDependency {
  type: 'runs_on' | 'stores' | 'connects_to' | 'depends_on';
  asset: { id: string; code: string; name: string };
}

export function useAssetDependencies(id: string | undefined) {
  return useQuery({
    queryKey: [...assetsKey, 'dependencies', id],
    queryFn: ({ signal }) =>
      api.get<{ outgoing: AssetDependency[]; incoming: AssetDependency[] }>(
        `/api/v1/assets/${id}/dependencies`,
        { signal },
      ),
    enabled: !!id,
  });
}

export function useAssetHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...assetsKey, 'history', id],
    queryFn: ({ signal }) =>
      api.get<ListPage<AuditEvent>>(`/api/v1/assets/${id}/history?limit=50`, { signal }),
    enabled: !!id,
  });
}

/** Creates an asset, or changes one read at `version` (If-Match). */
export function useSaveAsset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: AssetCreate | AssetUpdate }) =>
      input.id
        ? api.patch<Asset>(`/api/v1/assets/${input.id}`, input.body, {
            headers: ifMatch(input.version ?? 0),
          })
        : api.post<Asset>('/api/v1/assets', input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey }),
  });
}

export function useClassifications() {
  return useQuery({
    queryKey: classificationsKey,
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<ClassificationLevel>>('/api/v1/classifications?limit=200', {
          signal,
        })
      ).items,
    staleTime: 60_000,
  });
}

export function useSaveClassification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { level: ClassificationLevel; body: Partial<ClassificationLevel> }) =>
      api.patch<ClassificationLevel>(`/api/v1/classifications/${input.level.id}`, input.body, {
        headers: ifMatch(input.level.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: classificationsKey }),
  });
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export function useOrgUnits() {
  return useQuery({
    queryKey: orgUnitsKey,
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<OrgUnit>>('/api/v1/org-units?limit=200', { signal })).items,
    staleTime: 60_000,
  });
}

/** Download address of the register under `filter`. */
export function assetExportUrl(filter: AssetFilter, format: 'csv' | 'xlsx') {
  return `/api/v1/assets/export${queryString({
    ...assetFilterParams(filter),
    format,
    lang: currentLocale(),
  })}`;
}

export function assetTemplateUrl(format: 'csv' | 'xlsx', lang: 'ja' | 'en') {
  return `/api/v1/assets/import/template${queryString({ format, lang })}`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends the file as the raw body to validate (dry run) or commit. The answer
 * is a job: finished for small files, or queued/running to poll.
 */
export async function sendAssetImport(
  file: File,
  mode: 'validate' | 'commit',
  csrfToken: string | undefined,
): Promise<Job> {
  const isXlsx = /\.xlsx$/i.test(file.name);
  const response = await fetch(
    `/api/v1/assets/import${mode === 'validate' ? '/validate' : ''}${queryString({
      format: isXlsx ? 'xlsx' : 'csv',
    })}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLocale(),
        'Content-Type': isXlsx ? XLSX_TYPE : 'text/csv',
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: file,
    },
  );
  const body = (await response.json().catch(() => undefined)) as
    (Job & { title?: string; code?: string }) | undefined;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      title: body?.title ?? `HTTP ${response.status}`,
      problem: body as never,
    });
  }
  return body as Job;
}

export function getJob(id: string) {
  return api.get<Job>(`/api/v1/jobs/${id}`);
}

/** Sets owner and/or classification of many assets in one all-or-nothing change. */
export function useBulkUpdateAssets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      ids: string[];
      owner?: { type: 'user' | 'unit'; id: string };
      classificationId?: string | null;
    }) => api.post<{ updated: number }>('/api/v1/assets/bulk-update', body),
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey }),
  });
}

/** Replaces what the asset depends on, under the asset's version (If-Match). */
export function useSaveDependencies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      asset: Pick<Asset, 'id' | 'version'>;
      items: { type: AssetDependency['type']; assetId: string }[];
    }) =>
      api.put<{ outgoing: AssetDependency[]; incoming: AssetDependency[] }>(
        `/api/v1/assets/${input.asset.id}/dependencies`,
        { items: input.items },
        { headers: ifMatch(input.asset.version) },
      ),
    // The asset's version moved on: the register and the drawer read it again.
    onSuccess: () => client.invalidateQueries({ queryKey: assetsKey }),
  });
}

/** Assets whose code or name contains `q`, searched by the server (for pickers). */
export function useAssetSearch(q: string) {
  return useQuery({
    queryKey: [...assetsKey, 'search', q],
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<AssetListItem>>(
          `/api/v1/assets${queryString({ q, limit: 20, sort: 'code' })}`,
          { signal },
        )
      ).items,
    placeholderData: keepPreviousData,
  });
}

export function useCreateClassification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      code: string;
      name: { ja: string; en: string };
      rank: number;
      description?: { ja: string; en: string };
    }) => api.post<ClassificationLevel>('/api/v1/classifications', body),
    onSuccess: () => client.invalidateQueries({ queryKey: classificationsKey }),
  });
}
