import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcknowledgementReport,
  DocumentCreate,
  DocumentDetail,
  DocumentDiff,
  DocumentDraftUpdate,
  DocumentReview,
  DocumentSummary,
  DocumentVersion,
  ToReadItem,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  AcknowledgementReport,
  DocumentCreate,
  DocumentDetail,
  DocumentDiff,
  DocumentSummary,
  DocumentVersion,
  ToReadItem,
};

export const documentsKey = ['documents'] as const;
const base = '/api/v1/documents';

export interface DocumentFilter {
  q?: string;
  type?: string;
  status?: string;
  reviewDueBy?: string;
  sort?: string;
  direction?: 'asc' | 'desc';
}

/** The register, a page at a time (the server filters, sorts and pages). */
export function useDocumentList(filter: DocumentFilter) {
  return useInfiniteQuery({
    queryKey: [...documentsKey, 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<DocumentSummary>>(
        `${base}${queryString({ ...filter, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: [...documentsKey, id],
    queryFn: ({ signal }) => api.get<DocumentDetail>(`${base}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: [...documentsKey, id, 'versions'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: DocumentVersion[] }>(`${base}/${id}/versions`, { signal })).items,
  });
}

export function useVersion(id: string, versionId: string | null) {
  return useQuery({
    queryKey: [...documentsKey, id, 'versions', versionId],
    queryFn: ({ signal }) =>
      api.get<DocumentVersion>(`${base}/${id}/versions/${versionId}`, { signal }),
    enabled: Boolean(versionId),
  });
}

/** The PDF of a version (watermarked unless it is the issued one), in a language. */
export function versionPdfUrl(documentId: string, versionId: string, lang: string) {
  return `${base}/${documentId}/versions/${versionId}/export.pdf${queryString({ lang })}`;
}

/** The attachments of a version, listed for everyone who may read it. */
export function versionFilesUrl(documentId: string, versionId: string) {
  return `${base}/${documentId}/versions/${versionId}/files${queryString({ limit: 200 })}`;
}

export function useDiff(id: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...documentsKey, id, 'diff', from, to],
    queryFn: ({ signal }) =>
      api.get<DocumentDiff>(`${base}/${id}/diff${queryString({ from, to })}`, { signal }),
    enabled: Boolean(from && to && from !== to),
  });
}

export function useAcknowledgementReport(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentsKey, id, 'acknowledgements'],
    queryFn: ({ signal }) =>
      api.get<AcknowledgementReport>(`${base}/${id}/acknowledgements`, { signal }),
    enabled,
  });
}

export function useReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentsKey, id, 'reviews'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: DocumentReview[] }>(`${base}/${id}/reviews`, { signal })).items,
    enabled,
  });
}

export function useToRead() {
  return useQuery({
    queryKey: [...documentsKey, 'to-read'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ToReadItem[] }>(`${base}/to-read`, { signal })).items,
  });
}

/** Every write refreshes what the documents pages show. */
function useDocumentMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: documentsKey }),
  });
}

export function useCreateDocument() {
  return useDocumentMutation((body: Partial<DocumentCreate>) =>
    api.post<DocumentDetail>(base, body),
  );
}

export function useUpdateDocument() {
  return useDocumentMutation((input: { doc: DocumentDetail; body: Partial<DocumentCreate> }) =>
    api.patch<DocumentDetail>(`${base}/${input.doc.id}`, input.body, {
      headers: ifMatch(input.doc.version),
    }),
  );
}

export function useSaveDraft() {
  return useDocumentMutation(
    (input: { documentId: string; version: DocumentVersion; body: DocumentDraftUpdate }) =>
      api.patch<DocumentVersion>(
        `${base}/${input.documentId}/versions/${input.version.id}`,
        input.body,
        {
          headers: ifMatch(input.version.version),
        },
      ),
  );
}

export function useSubmitDraft() {
  return useDocumentMutation((input: { documentId: string; version: DocumentVersion }) =>
    api.post<DocumentVersion>(
      `${base}/${input.documentId}/versions/${input.version.id}/approval`,
      {},
      { headers: ifMatch(input.version.version) },
    ),
  );
}

export function useIssue() {
  return useDocumentMutation((input: { documentId: string; versionId: string }) =>
    api.post<DocumentVersion>(`${base}/${input.documentId}/versions/${input.versionId}/issue`, {}),
  );
}

export function useStartDraft() {
  return useDocumentMutation((documentId: string) =>
    api.post<DocumentVersion>(`${base}/${documentId}/versions`, {}),
  );
}

export function useAcknowledge() {
  return useDocumentMutation((documentId: string) =>
    api.post<void>(`${base}/${documentId}/acknowledgement`, {}),
  );
}

export function useWithdraw() {
  return useDocumentMutation((input: { doc: DocumentDetail; reason: string }) =>
    api.post<void>(
      `${base}/${input.doc.id}/withdrawal`,
      { reason: input.reason },
      { headers: ifMatch(input.doc.version) },
    ),
  );
}

export function useRecordReview() {
  return useDocumentMutation(
    (input: { documentId: string; outcome: 'no_change' | 'new_draft'; note: string }) =>
      api.post<DocumentReview>(`${base}/${input.documentId}/reviews`, {
        outcome: input.outcome,
        note: input.note,
      }),
  );
}
