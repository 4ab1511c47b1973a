import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attestation,
  AttestationCreate,
  AttestationDecision,
  AttestationStatus,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { conformityKey } from '../../../api/conformity';
import { ifMatch, queryString, type ListPage } from '../../../api/types';

export type { Attestation, AttestationStatus };

const attestationsKey = ['attestations'] as const;

export interface AttestationFilter {
  itemId?: string | null;
  status?: AttestationStatus | null;
}

/** One page (up to 200) of attestations, latest validity first. */
export function useAttestations(filter: AttestationFilter) {
  const params = { itemId: filter.itemId, status: filter.status, limit: 200 };
  return useQuery({
    queryKey: [...attestationsKey, params],
    queryFn: ({ signal }) =>
      api.get<ListPage<Attestation>>(`/api/v1/conformity/attestations${queryString(params)}`, {
        signal,
      }),
  });
}

/** After any change the item's verdict may change too: refresh both. */
function useRefresh() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: attestationsKey });
    await client.invalidateQueries({ queryKey: conformityKey });
  };
}

export function useRecordAttestation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: AttestationCreate) =>
      api.post<Attestation>('/api/v1/conformity/attestations', input),
    onSuccess: refresh,
  });
}

export function useDecideAttestation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ a, ...body }: AttestationDecision & { a: Attestation }) =>
      api.post<Attestation>(`/api/v1/conformity/attestations/${a.id}/decision`, body, {
        headers: ifMatch(a.version),
      }),
    onSuccess: refresh,
  });
}

export function useRevokeAttestation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ a, note }: { a: Attestation; note: string }) =>
      api.post<Attestation>(
        `/api/v1/conformity/attestations/${a.id}/revocation`,
        { note },
        { headers: ifMatch(a.version) },
      ),
    onSuccess: refresh,
  });
}
