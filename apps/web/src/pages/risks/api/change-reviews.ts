import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  RiskChangeKind,
  RiskChangeReview,
  RiskChangeReviewCreate,
  RiskChangeReviewPatch,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';
import { risksKey } from './methods';

export type { RiskChangeKind, RiskChangeReview };
export type RiskChangeOutcome = RiskChangeReview['outcome'];
export type ChangeReviewInput = Omit<RiskChangeReviewCreate, 'decidedBy'>;

export interface ChangeReviewFilter {
  kind: RiskChangeKind | null;
  outcome: RiskChangeOutcome | null;
}

export const changeReviewsKey = [...risksKey, 'change-reviews'] as const;

/** Reviews of change, newest first, page by page, filtered by the server. */
export function useChangeReviews(filter: ChangeReviewFilter) {
  return useInfiniteQuery({
    queryKey: [...changeReviewsKey, 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<RiskChangeReview>>(
        `/api/v1/risk-change-reviews${queryString({ ...filter, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every review on or after `from` (the strip's 12 months: a handful per kind). */
export function useRecentChangeReviews(from: string) {
  return useQuery({
    queryKey: [...changeReviewsKey, 'recent', from],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListPage<RiskChangeReview>>(
        `/api/v1/risk-change-reviews${queryString({ from, limit: 200 })}`,
        { signal },
      );
      return page.items;
    },
  });
}

/** One review, for `?changeReview=<id>` when it is not on the loaded page. */
export function useChangeReview(id: string | null) {
  return useQuery({
    queryKey: [...changeReviewsKey, 'one', id],
    queryFn: ({ signal }) =>
      api.get<RiskChangeReview>(`/api/v1/risk-change-reviews/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useRecordChangeReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeReviewInput) =>
      api.post<RiskChangeReview>('/api/v1/risk-change-reviews', body),
    onSuccess: () => client.invalidateQueries({ queryKey: changeReviewsKey }),
  });
}

/** Saves a review read at `review.version` (If-Match; 412 when someone saved meanwhile). */
export function useUpdateChangeReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ review, body }: { review: RiskChangeReview; body: RiskChangeReviewPatch }) =>
      api.patch<RiskChangeReview>(`/api/v1/risk-change-reviews/${review.id}`, body, {
        headers: ifMatch(review.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: changeReviewsKey }),
  });
}
