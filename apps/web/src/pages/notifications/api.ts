import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Notification,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationSettings,
  NotificationSettingsUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';
import { unreadCountKey } from '../../components/NotificationBell';

export type { Notification, NotificationPreferences, NotificationSettings };

const listKey = ['notifications', 'list'] as const;
const preferencesKey = ['notifications', 'preferences'] as const;
const settingsKey = ['notifications', 'settings'] as const;

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...listKey, unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<Notification>>(
        `/api/v1/notifications${queryString({ unread: unreadOnly ? 'true' : undefined, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all'
        ? api.post('/api/v1/notifications/read-all')
        : api.post(`/api/v1/notifications/${id}/read`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: listKey });
      await client.invalidateQueries({ queryKey: unreadCountKey });
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>('/api/v1/me/notification-preferences', { signal }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) =>
      api.put<NotificationPreferences>('/api/v1/me/notification-preferences', body),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) =>
      api.get<NotificationSettings>('/api/v1/notification-settings', { signal }),
  });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: NotificationSettingsUpdate & { version: number }) =>
      api.put<NotificationSettings>('/api/v1/notification-settings', body, {
        headers: ifMatch(version),
      }),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
