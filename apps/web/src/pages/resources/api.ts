import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  IsmsResource,
  ResourceActivity,
  ResourceCreate,
  ResourceKind,
  ResourcePlan,
  ResourceSettings,
  ResourceSummary,
  ResourceUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  IsmsResource,
  ResourceActivity,
  ResourceCreate,
  ResourceKind,
  ResourcePlan,
  ResourceSettings,
  ResourceSummary,
  ResourceUpdate,
};

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'people',
  'money',
  'tool',
  'service',
  'other',
];
export const RESOURCE_ACTIVITIES: readonly ResourceActivity[] = [
  'establish',
  'operate',
  'monitor',
  'improve',
];

// Every query of the area starts with this key, so one write refreshes the register and totals.
const resourcesKey = ['resources'] as const;
const settingsKey = [...resourcesKey, 'settings'] as const;

export interface ResourceFilter {
  fiscalYear: number;
  kind?: ResourceKind | null;
  activity?: ResourceActivity | null;
}

export function useResourceList(filter: ResourceFilter, enabled = true) {
  const params = { fiscalYear: filter.fiscalYear, kind: filter.kind, activity: filter.activity };
  return useInfiniteQuery({
    queryKey: [...resourcesKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<IsmsResource>>(
        `/api/v1/resources${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: [...resourcesKey, 'one', id],
    queryFn: ({ signal }) => api.get<IsmsResource>(`/api/v1/resources/${id}`, { signal }),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useResourceSummary(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...resourcesKey, 'summary', fiscalYear],
    queryFn: ({ signal }) =>
      api.get<ResourceSummary>(`/api/v1/resource-summaries/${fiscalYear}`, { signal }),
    enabled: fiscalYear !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useResourceSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<ResourceSettings>('/api/v1/resource-settings', { signal }),
  });
}

export function useCreateResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResourceCreate) => api.post<IsmsResource>('/api/v1/resources', body),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

/** Saves a resource read at `resource.version` (If-Match; 412 when someone saved meanwhile). */
export function useUpdateResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resource, body }: { resource: IsmsResource; body: ResourceUpdate }) =>
      api.patch<IsmsResource>(`/api/v1/resources/${resource.id}`, body, {
        headers: ifMatch(resource.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

export function useDeleteResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (resource: IsmsResource) =>
      api.delete(`/api/v1/resources/${resource.id}`, { headers: ifMatch(resource.version) }),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

/** Sends the year's plan, as of the plan version the page shows, to top management. */
export function useSubmitPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, comment }: { plan: ResourcePlan; comment: string }) =>
      api.post<ResourcePlan>(
        `/api/v1/resource-plans/${plan.fiscalYear}/submit`,
        comment.trim() ? { comment: comment.trim() } : {},
        { headers: ifMatch(plan.version) },
      ),
    // A stale version also refreshes, so the next try uses the current plan.
    onSettled: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, month }: { settings: ResourceSettings; month: number }) =>
      api.put<ResourceSettings>(
        '/api/v1/resource-settings',
        { fiscalYearStartMonth: month },
        { headers: ifMatch(settings.version) },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
}

export function resourceExportUrl(fiscalYear: number, format: 'xlsx' | 'pdf', lang: 'ja' | 'en') {
  return `/api/v1/resources/export${queryString({ fiscalYear, format, lang })}`;
}
