import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Soa,
  SoaEntryUpdate,
  SoaMigration,
  SoaMigrationEntries,
  SoaMigrationEntry,
  SoaMigrationFilter,
  SoaMigrationStatus,
  SoaVersion,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString } from '../../../api/types';

export type { SoaMigration, SoaMigrationEntries, SoaMigrationEntry, SoaMigrationStatus };

/** Under the statement's key, so any statement change refreshes the migration too. */
const key = ['soa', 'migration'] as const;

export function useMigrationStatus() {
  return useQuery({
    queryKey: [...key, 'status'],
    queryFn: ({ signal }) => api.get<SoaMigrationStatus>('/api/v1/soa-migration', { signal }),
  });
}

export function useMigrationEntries(soaId: string | undefined, filter?: SoaMigrationFilter) {
  return useQuery({
    queryKey: [...key, soaId, filter ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<SoaMigrationEntries>(`/api/v1/soa/${soaId}/migration${queryString({ filter })}`, {
        signal,
      }),
    enabled: Boolean(soaId),
    placeholderData: (previous) => previous,
  });
}

export function useDraftMigration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SoaMigration>('/api/v1/soa-migration', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['soa'] }),
  });
}

/**
 * Confirms one entry (with the reviewer's changes) under the ETag of the
 * drafted statement as last read; the response's version is kept at once so
 * the next confirmation does not wait for the refetch.
 */
export function useConfirmEntry(soaId: string) {
  const client = useQueryClient();
  const soaKey = ['soa', soaId];
  return useMutation({
    mutationFn: (input: { controlId: string; change: SoaEntryUpdate }) => {
      const version = client.getQueryData<Soa>(soaKey)?.current.version;
      return api.post<{ item: SoaMigrationEntry; version: SoaVersion }>(
        `/api/v1/soa/${soaId}/migration/entries/${encodeURIComponent(input.controlId)}/confirm`,
        input.change,
        { headers: version === undefined ? {} : ifMatch(version) },
      );
    },
    onSuccess: (result) => {
      client.setQueryData<Soa>(soaKey, (old) =>
        old ? { ...old, current: { ...old.current, ...result.version } } : old,
      );
      return client.invalidateQueries({ queryKey: ['soa'] });
    },
  });
}

export function migrationExportUrl(soaId: string, lang: 'ja' | 'en') {
  return `/api/v1/soa/${soaId}/migration/export${queryString({ lang })}`;
}
