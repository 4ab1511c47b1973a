import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audit, EvidencePack, EvidencePackCreate, EvidencePackList } from '@mamoru/contracts';
import { api } from '../../api/client';
import type { ListPage } from '../../api/types';

export type { EvidencePack, EvidencePackCreate };

export const evidencePacksKey = ['evidence-packs'] as const;

/** Polled every two seconds while a pack is being prepared, then left alone. */
export const POLL_MS = 2000;

const open = (pack: EvidencePack) => pack.status === 'queued' || pack.status === 'running';

export function useEvidencePacks() {
  return useQuery({
    queryKey: evidencePacksKey,
    queryFn: ({ signal }) => api.get<EvidencePackList>('/api/v1/evidence-packs', { signal }),
    refetchInterval: (query) => (query.state.data?.items.some(open) ? POLL_MS : false),
  });
}

export function useStartEvidencePack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EvidencePackCreate) =>
      api.post<EvidencePack>('/api/v1/evidence-packs', body),
    onSuccess: () => client.invalidateQueries({ queryKey: evidencePacksKey }),
  });
}

/** Internal audits to prepare a pack for, newest first (the form's choice). */
export function useAuditChoices(enabled: boolean) {
  return useQuery({
    queryKey: [...evidencePacksKey, 'audits'],
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<Audit>>('/api/v1/audits?limit=200', { signal })).items,
    enabled,
  });
}

export const downloadUrl = (pack: EvidencePack) => `/api/v1/evidence-packs/${pack.id}/download`;
