import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  LegalObligation,
  LegalObligationCreateInput,
  LegalObligationDetail,
  LegalObligationUpdate,
  LegalReviewCreateInput,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { LegalObligation, LegalObligationDetail };

export const legalKey = ['legal-obligations'] as const;

export interface LegalFilter {
  q?: string;
  kind?: string | null;
  status?: string | null;
  due?: string | null;
}

/** The filter as the list and the exports send it. */
export function filterParams(f: LegalFilter) {
  return { q: f.q?.trim() || undefined, kind: f.kind, status: f.status, due: f.due };
}

export function useLegalObligations(filter: LegalFilter) {
  const params = filterParams(filter);
  return useInfiniteQuery({
    queryKey: [...legalKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<LegalObligation>>(
        `/api/v1/legal-obligations${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLegalObligation(id: string) {
  return useQuery({
    queryKey: [...legalKey, 'detail', id],
    queryFn: ({ signal }) =>
      api.get<LegalObligationDetail>(`/api/v1/legal-obligations/${id}`, { signal }),
  });
}

/** Adds an obligation, or changes one under the version that was read. */
export function useSaveObligation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      current,
      body,
    }: {
      current: LegalObligation | null;
      body: LegalObligationCreateInput | LegalObligationUpdate;
    }) =>
      current
        ? api.patch<LegalObligation>(`/api/v1/legal-obligations/${current.id}`, body, {
            headers: ifMatch(current.version),
          })
        : api.post<LegalObligation>('/api/v1/legal-obligations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: legalKey }),
  });
}

export function useReviewObligation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: LegalObligation; body: LegalReviewCreateInput }) =>
      api.post<LegalObligation>(`/api/v1/legal-obligations/${current.id}/reviews`, body, {
        headers: ifMatch(current.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: legalKey }),
  });
}

/** Review state → badge colour. */
export const stateColor: Record<LegalObligation['reviewState'], string> = {
  overdue: 'red',
  due_soon: 'yellow',
  scheduled: 'teal',
  retired: 'gray',
};
