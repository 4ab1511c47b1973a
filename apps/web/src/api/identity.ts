import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import {
  queryString,
  type ApiToken,
  type ListPage,
  type RoleMatrix,
  type SessionSummary,
  type User,
} from './types';

export const mySessionsKey = ['me', 'sessions'] as const;
export const tokensKey = ['tokens'] as const;
export const usersKey = ['users'] as const;
export const rolesKey = ['roles'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: mySessionsKey,
    queryFn: ({ signal }) =>
      api.get<{ items: SessionSummary[] }>('/api/v1/me/sessions', { signal }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/v1/tokens', { signal }),
  });
}

export function useRoleMatrix() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => api.get<RoleMatrix>('/api/v1/roles', { signal }),
    staleTime: Infinity,
  });
}

export interface UserFilter {
  q?: string;
  role?: string | null;
  orgUnitId?: string | null;
}

const USERS_PAGE = 25;

/** Users page by page (keyset cursor), filtered by name/email, role and unit. */
export function useUserList(filter: UserFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filter.q ?? '', filter.role ?? '', filter.orgUnitId ?? ''],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<User>>(
        `/api/v1/users${queryString({
          q: filter.q?.trim(),
          role: filter.role,
          orgUnitId: filter.orgUnitId,
          limit: USERS_PAGE,
          cursor: pageParam,
        })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * Every user's name by id, for showing who did what (audit actors, approval
 * requesters). Needs users:read; loads up to 200 users.
 */
export function useUserDirectory(enabled: boolean) {
  return useQuery({
    queryKey: [...usersKey, 'directory'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListPage<User>>(`/api/v1/users${queryString({ limit: 200 })}`, {
        signal,
      });
      return page.items;
    },
    enabled,
    staleTime: 60_000,
  });
}
