import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  IsmsEvent,
  IsmsEventCategory,
  IsmsEventCreate,
  IsmsEventUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { queryString, type ListPage } from '../../api/types';

export type { IsmsEvent, IsmsEventCategory, IsmsEventCreate, IsmsEventUpdate };

export const ismsEventsKey = ['isms-events'] as const;

export interface IsmsEventFilter {
  q?: string;
  category?: string | null;
  source?: string | null;
  from?: string | null;
  to?: string | null;
}

/** The filter as the list and the export send it. */
export function filterParams(f: IsmsEventFilter) {
  return {
    q: f.q?.trim() || undefined,
    category: f.category,
    source: f.source,
    from: f.from,
    to: f.to,
  };
}

export function useIsmsEvents(filter: IsmsEventFilter) {
  const params = filterParams(filter);
  return useInfiniteQuery({
    queryKey: [...ismsEventsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<IsmsEvent>>(
        `/api/v1/isms-events${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Records an entry by hand, or edits one (last write wins: the log keeps no version). */
export function useSaveIsmsEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: IsmsEventCreate | IsmsEventUpdate }) =>
      id
        ? api.patch<IsmsEvent>(`/api/v1/isms-events/${id}`, body)
        : api.post<IsmsEvent>('/api/v1/isms-events', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ismsEventsKey }),
  });
}
