import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  EvidenceFile,
  EvidenceRecord,
  RecordDisposal,
  RecordField,
  RecordType,
  RecordTypeCreate,
  RecordTypeUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  EvidenceFile,
  EvidenceRecord,
  RecordDisposal,
  RecordField,
  RecordType,
  RecordTypeCreate,
  RecordTypeUpdate,
};

export const recordsKey = ['records'] as const;
export const recordTypesKey = ['record-types'] as const;
const filesKey = (recordId: string) => ['files', 'record', recordId] as const;

export interface RecordFilter {
  q?: string;
  typeId?: string | null;
  status?: string | null;
  /** true: records on legal hold; false: records not on hold; null: both. */
  legalHold?: boolean | null;
  retentionDueBy?: string | null;
}

export function useRecordList(filter: RecordFilter) {
  const params = {
    q: filter.q?.trim(),
    typeId: filter.typeId,
    status: filter.status,
    legalHold: filter.legalHold == null ? undefined : String(filter.legalHold),
    retentionDueBy: filter.retentionDueBy,
    // A retention-due list reads best soonest first; the register newest first.
    sort: filter.retentionDueBy ? 'retentionEnd' : 'recordDate',
    direction: filter.retentionDueBy ? 'asc' : 'desc',
  };
  return useInfiniteQuery({
    queryKey: [...recordsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<EvidenceRecord>>(
        `/api/v1/records${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: string) {
  return useQuery({
    queryKey: [...recordsKey, 'one', id],
    queryFn: ({ signal }) => api.get<EvidenceRecord>(`/api/v1/records/${id}`, { signal }),
  });
}

export function useDisposal(record: EvidenceRecord | undefined) {
  return useQuery({
    queryKey: [...recordsKey, 'disposal', record?.id],
    queryFn: ({ signal }) =>
      api.get<RecordDisposal>(`/api/v1/records/${record!.id}/disposal`, { signal }),
    enabled: record?.status === 'disposed',
  });
}

export function useRecordTypes() {
  return useQuery({
    queryKey: recordTypesKey,
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<RecordType>>('/api/v1/record-types?limit=200', { signal })).items,
  });
}

export function useCreateRecordType() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordTypeCreate) => api.post<RecordType>('/api/v1/record-types', body),
    onSuccess: () => client.invalidateQueries({ queryKey: recordTypesKey }),
  });
}

export function useRecordType(id: string) {
  return useQuery({
    queryKey: [...recordTypesKey, 'one', id],
    queryFn: ({ signal }) => api.get<RecordType>(`/api/v1/record-types/${id}`, { signal }),
  });
}

/** Saves a type read at `type.version` (If-Match; 412 when someone saved meanwhile). */
export function useUpdateRecordType() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: RecordType; body: RecordTypeUpdate }) =>
      api.patch<RecordType>(`/api/v1/record-types/${type.id}`, body, {
        headers: ifMatch(type.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: recordTypesKey }),
  });
}

export interface RecordInput {
  typeId: string;
  title: string;
  description: string;
  recordDate: string;
  entries: Record<string, string>;
  links: { type: string; id: string; label: string }[];
}

export function useCreateRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput) => api.post<EvidenceRecord>('/api/v1/records', body),
    onSuccess: () => client.invalidateQueries({ queryKey: recordsKey }),
  });
}

/** Writes that answer the record (legal hold, disposal request) and refresh it. */
function useRecordWrite<I>(call: (record: EvidenceRecord, input: I) => Promise<EvidenceRecord>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ record, input }: { record: EvidenceRecord; input: I }) => call(record, input),
    onSuccess: () => client.invalidateQueries({ queryKey: recordsKey }),
  });
}

export const useLegalHold = () =>
  useRecordWrite((record, input: { active: boolean; reason?: string }) =>
    api.put<EvidenceRecord>(`/api/v1/records/${record.id}/legal-hold`, input, {
      headers: ifMatch(record.version),
    }),
  );

/** Replaces the record's structured entries under the version that was read. */
export const useSaveEntries = () =>
  useRecordWrite((record, entries: Record<string, string>) =>
    api.patch<EvidenceRecord>(
      `/api/v1/records/${record.id}`,
      { entries },
      { headers: ifMatch(record.version) },
    ),
  );

export const useRequestDisposal = () =>
  useRecordWrite((record, input: { reason: string }) =>
    api.post<EvidenceRecord>(`/api/v1/records/${record.id}/disposal`, input, {
      headers: ifMatch(record.version),
    }),
  );

export function useRecordFiles(recordId: string) {
  return useQuery({
    queryKey: filesKey(recordId),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<EvidenceFile>>(
          `/api/v1/files${queryString({ ownerType: 'record', ownerId: recordId, limit: 200 })}`,
          { signal },
        )
      ).items,
  });
}

export function useDeleteFile(recordId: string) {
  const client = useQueryClient();
  return useMutation({
    // A record's evidence is only asked to be deleted (202): a second person approves.
    mutationFn: (file: EvidenceFile) => api.delete(`/api/v1/files/${file.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: filesKey(recordId) }),
  });
}

export const fileContentUrl = (file: EvidenceFile) => `/api/v1/files/${file.id}/content`;
export const invalidateFiles = (client: ReturnType<typeof useQueryClient>, recordId: string) =>
  client.invalidateQueries({ queryKey: filesKey(recordId) });
