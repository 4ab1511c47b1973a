import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar, CalendarFeed, DueItem } from '@mamoru/contracts';
import { api } from '../../api/client';
import { queryString } from '../../api/types';

export type { Calendar, CalendarFeed, DueItem };

export const calendarKey = ['calendar'] as const;

export interface CalendarFilter {
  from: string;
  to: string;
  area?: string | null;
  person?: string | null;
  /** Also open items due before `from`. */
  overdue?: boolean;
}

export function useCalendar(f: CalendarFilter) {
  const params = {
    from: f.from,
    to: f.to,
    area: f.area,
    person: f.person,
    overdue: f.overdue ? 'true' : undefined,
  };
  return useQuery({
    queryKey: [...calendarKey, 'items', params],
    queryFn: ({ signal }) =>
      api.get<Calendar>(`/api/v1/calendar${queryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

const feedKey = [...calendarKey, 'feed'] as const;

export function useFeed(enabled: boolean) {
  return useQuery({
    queryKey: feedKey,
    queryFn: ({ signal }) => api.get<CalendarFeed>('/api/v1/calendar/feed', { signal }),
    enabled,
  });
}

/** Creates the feed or issues a new address; the answer holds the path this once. */
export function useRotateFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/v1/calendar/feed'),
    onSuccess: (feed) => client.setQueryData(feedKey, { ...feed, path: undefined }),
  });
}

export function useRevokeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CalendarFeed>('/api/v1/calendar/feed'),
    onSuccess: (feed) => client.setQueryData(feedKey, feed),
  });
}
