import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IdentityProvider,
  IdentityProviderCreateInput,
  IdentityProviderList,
  IdentityProviderUpdate,
  ScimTokenCreated,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch } from '../../api/types';

export type { IdentityProvider, ScimTokenCreated };

const BASE = '/api/v1/admin/identity-providers';
export const identityProvidersKey = ['identity-providers'] as const;
const providerKey = (id: string) => [...identityProvidersKey, id] as const;

export function useIdentityProviders() {
  return useQuery({
    queryKey: identityProvidersKey,
    queryFn: ({ signal }) => api.get<IdentityProviderList>(BASE, { signal }),
  });
}

export function useIdentityProvider(id: string) {
  return useQuery({
    queryKey: providerKey(id),
    queryFn: ({ signal }) =>
      api.get<IdentityProvider>(`${BASE}/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Writes need a recent re-authentication: the API client opens the step-up prompt and retries. */
export function useCreateIdentityProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentityProviderCreateInput) => api.post<IdentityProvider>(BASE, body),
    onSuccess: (created) => {
      client.setQueryData(providerKey(created.id), created);
      void client.invalidateQueries({ queryKey: identityProvidersKey, exact: true });
    },
  });
}

export function useUpdateIdentityProvider(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: IdentityProviderUpdate }) =>
      api.put<IdentityProvider>(`${BASE}/${encodeURIComponent(id)}`, body, {
        headers: ifMatch(version),
      }),
    onSuccess: (saved) => {
      client.setQueryData(providerKey(id), saved);
      void client.invalidateQueries({ queryKey: identityProvidersKey, exact: true });
    },
  });
}

export function useDeleteIdentityProvider(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api.delete<{ outcome: 'deleted' | 'disabled' }>(`${BASE}/${encodeURIComponent(id)}`, {
        headers: ifMatch(version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: identityProvidersKey }),
  });
}

/** Issues (or replaces) the SCIM token; the answer is the only time it is shown. */
export function useIssueScimToken(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ScimTokenCreated>(`${BASE}/${encodeURIComponent(id)}/scim-token`),
    onSuccess: () => client.invalidateQueries({ queryKey: providerKey(id) }),
  });
}
