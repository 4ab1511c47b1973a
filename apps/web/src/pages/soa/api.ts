import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Soa,
  SoaDiff,
  SoaEntry,
  SoaEntryUpdate,
  SoaFilter,
  SoaValidation,
  SoaVersion,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { Soa, SoaDiff, SoaEntry, SoaEntryUpdate, SoaFilter, SoaValidation, SoaVersion };

/** Queries of the Statement of Applicability; every change invalidates them all. */
const soaKey = ['soa'] as const;

export function useSoaList() {
  return useQuery({
    queryKey: [...soaKey, 'list'],
    queryFn: ({ signal }) => api.get<ListPage<Soa>>('/api/v1/soa?limit=50', { signal }),
  });
}

/**
 * One statement; `listed` (the same statement from the list) shows at once
 * while the fresh copy loads, so its entries start loading without waiting.
 */
export function useSoa(id: string, listed?: Soa) {
  return useQuery({
    queryKey: [...soaKey, id],
    queryFn: ({ signal }) => api.get<Soa>(`/api/v1/soa/${id}`, { signal }),
    ...(listed?.id === id ? { placeholderData: listed } : {}),
  });
}

export function useSoaEntries(id: string, versionId?: string | undefined) {
  return useQuery({
    queryKey: [...soaKey, id, 'entries', versionId ?? 'latest'],
    queryFn: ({ signal }) =>
      api.get<{ items: SoaEntry[] }>(
        `/api/v1/soa/${id}/entries${queryString({ version: versionId })}`,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

export function useSoaValidation(id: string) {
  return useQuery({
    queryKey: [...soaKey, id, 'validation'],
    queryFn: ({ signal }) => api.get<SoaValidation>(`/api/v1/soa/${id}/validation`, { signal }),
  });
}

export function useSoaVersions(id: string) {
  return useQuery({
    queryKey: [...soaKey, id, 'versions'],
    queryFn: ({ signal }) =>
      api.get<ListPage<SoaVersion>>(`/api/v1/soa/${id}/versions?limit=200`, { signal }),
  });
}

export function useSoaDiff(id: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...soaKey, id, 'diff', from, to],
    queryFn: ({ signal }) =>
      api.get<SoaDiff>(`/api/v1/soa/${id}/diff${queryString({ from, to })}`, { signal }),
    enabled: Boolean(from && to),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: soaKey });
}

/**
 * The ETag to send: the newest version the cache knows (a write's response
 * updates it at once), so a second edit never waits for the refetch.
 */
function useEtag(soa: Soa) {
  const client = useQueryClient();
  return () =>
    ifMatch(client.getQueryData<Soa>([...soaKey, soa.id])?.current.version ?? soa.current.version);
}

/** Keeps the statement's latest version from a write's response, then refetches everything. */
function useAfterWrite(soa: Soa) {
  const client = useQueryClient();
  return (result: { version?: SoaVersion }) => {
    const version = result.version;
    if (version) {
      client.setQueryData<Soa>([...soaKey, soa.id], (old) =>
        old && old.current.id === version.id
          ? { ...old, current: { ...old.current, ...version } }
          : old,
      );
    }
    return client.invalidateQueries({ queryKey: soaKey });
  };
}

export function useCreateSoa() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<Soa>('/api/v1/soa', {}),
    onSuccess: invalidate,
  });
}

/** One entry, under the ETag of the latest version. */
export function useUpdateEntry(soa: Soa) {
  const etag = useEtag(soa);
  const afterWrite = useAfterWrite(soa);
  return useMutation({
    mutationFn: (input: { controlId: string; change: SoaEntryUpdate }) =>
      api.patch<{ version: SoaVersion }>(
        `/api/v1/soa/${soa.id}/entries/${input.controlId}`,
        input.change,
        { headers: etag() },
      ),
    onSuccess: afterWrite,
  });
}

export function useBulkUpdate(soa: Soa) {
  const etag = useEtag(soa);
  const afterWrite = useAfterWrite(soa);
  return useMutation({
    mutationFn: (input: { controlIds: string[]; change: SoaEntryUpdate }) =>
      api.post<{ version: SoaVersion }>(`/api/v1/soa/${soa.id}/entries/bulk`, input, {
        headers: etag(),
      }),
    onSuccess: afterWrite,
  });
}

export function useRedraft(soa: Soa) {
  const etag = useEtag(soa);
  const afterWrite = useAfterWrite(soa);
  return useMutation({
    mutationFn: () =>
      api.post<{ updated: number; version: SoaVersion }>(`/api/v1/soa/${soa.id}/draft`, undefined, {
        headers: etag(),
      }),
    onSuccess: afterWrite,
  });
}

export function useSubmitSoa(soa: Soa) {
  const etag = useEtag(soa);
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api.post(
        `/api/v1/soa/${soa.id}/versions/${soa.current.id}/approval`,
        {},
        { headers: etag() },
      ),
    onSuccess: invalidate,
  });
}

export function exportUrl(
  soaId: string,
  format: 'xlsx' | 'pdf',
  lang: 'ja' | 'en',
  versionId?: string,
) {
  return `/api/v1/soa/${soaId}/export${queryString({ format, lang, version: versionId })}`;
}
