import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScopeContent, ScopeVersion } from '@mamoru/contracts';
import { api } from './client';
import { ifMatch, type ListPage } from './types';

export type { ScopeContent, ScopeVersion };

export const scopeKey = ['scope'] as const;

export interface Location {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export function useScope() {
  return useQuery({
    queryKey: scopeKey,
    queryFn: ({ signal }) =>
      api.get<{ current: ScopeVersion | null; approved: ScopeVersion | null }>('/api/v1/scope', {
        signal,
      }),
  });
}

export function useLocations() {
  return useQuery({
    queryKey: ['locations'],
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<Location>>('/api/v1/locations?limit=200', { signal })).items,
    staleTime: 60_000,
  });
}

/** Saves the scope: If-Match of the current version, or If-None-Match: * for the first. */
export function useSaveScope() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { current: ScopeVersion | null; body: ScopeContent }) =>
      api.put<ScopeVersion>('/api/v1/scope', input.body, {
        headers: input.current ? ifMatch(input.current.version) : { 'If-None-Match': '*' },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: scopeKey }),
  });
}

export function useSubmitScope() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: ScopeVersion) =>
      api.post(
        `/api/v1/scope/versions/${version.id}/approval`,
        {},
        {
          headers: ifMatch(version.version),
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: scopeKey }),
  });
}

/** Adds an organization unit (the tree's parent can be set later). */
export function useCreateOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string }) =>
      api.post<{ id: string; code: string; name: string }>('/api/v1/org-units', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

/** Adds a location: a site, building, room or data centre. */
export function useCreateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; kind: string }) =>
      api.post<{ id: string; code: string; name: string }>('/api/v1/locations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['locations'] }),
  });
}
