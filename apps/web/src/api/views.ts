import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SavedView,
  SavedViewArea,
  SavedViewCreate,
  SavedViewDefinition,
} from '@mamoru/contracts';
import { api } from './client';
import { ifMatch, queryString, type ListPage } from './types';

export type { SavedView, SavedViewArea, SavedViewDefinition };

const viewsKey = (area: SavedViewArea) => ['saved-views', area] as const;

/** The signed-in user's saved views of a list (their own only; the server keeps them). */
export function useSavedViews(area: SavedViewArea) {
  return useQuery({
    queryKey: viewsKey(area),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<SavedView>>(
          `/api/v1/saved-views${queryString({ area, limit: 200 })}`,
          { signal },
        )
      ).items,
    staleTime: 60_000,
  });
}

export function useCreateView(area: SavedViewArea) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SavedViewCreate, 'area'>) =>
      api.post<SavedView>('/api/v1/saved-views', { ...body, area }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey(area) }),
  });
}

/** Overwrites a view's definition (and name) read at its version (If-Match). */
export function useUpdateView(area: SavedViewArea) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      view: SavedView;
      body: { name?: string; definition?: SavedViewDefinition };
    }) =>
      api.patch<SavedView>(`/api/v1/saved-views/${input.view.id}`, input.body, {
        headers: ifMatch(input.view.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey(area) }),
  });
}

export function useDeleteView(area: SavedViewArea) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) =>
      api.delete(`/api/v1/saved-views/${view.id}`, { headers: ifMatch(view.version) }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey(area) }),
  });
}
