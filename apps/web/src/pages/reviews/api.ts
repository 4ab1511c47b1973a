import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  ManagementReview,
  ReviewCreate,
  ReviewDecision,
  ReviewDecisionCreate,
  ReviewDecisionUpdate,
  ReviewHold,
  ReviewInputPack,
  ReviewInputSection,
  ReviewMinutesUpdate,
  ReviewSettings,
  ReviewStatus,
  ReviewUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  ManagementReview,
  ReviewCreate,
  ReviewDecision,
  ReviewDecisionCreate,
  ReviewDecisionUpdate,
  ReviewHold,
  ReviewInputPack,
  ReviewInputSection,
  ReviewMinutesUpdate,
  ReviewSettings,
  ReviewStatus,
  ReviewUpdate,
};

const BASE = '/api/v1/management-reviews';
export const reviewsKey = ['management-reviews'] as const;
const settingsKey = ['management-review-settings'] as const;
const oneKey = (id: string) => [...reviewsKey, 'one', id] as const;

export function useReviewList(filter: { year: number | null; status: ReviewStatus | null }) {
  const params = { year: filter.year, status: filter.status };
  return useInfiniteQuery({
    queryKey: [...reviewsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<ManagementReview>>(
        `${BASE}${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<ManagementReview>(`${BASE}/${id}`, { signal }),
  });
}

export function useReviewSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) =>
      api.get<ReviewSettings>('/api/v1/management-review-settings', { signal }),
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      settings,
      intervalMonths,
    }: {
      settings: ReviewSettings;
      intervalMonths: number;
    }) =>
      api.put<ReviewSettings>(
        '/api/v1/management-review-settings',
        { intervalMonths },
        { headers: ifMatch(settings.version) },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKey }),
  });
}

export function usePlanReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewCreate) => api.post<ManagementReview>(BASE, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

/**
 * A write on one review read at `review.version` (If-Match: 412 when someone saved
 * meanwhile); afterwards the review, its pack and decisions are read again.
 */
function useReviewWrite<I, R = ManagementReview>(
  call: (review: ManagementReview, input: I) => Promise<R>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ review, input }: { review: ManagementReview; input: I }) => call(review, input),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

const write = (review: ManagementReview) => ({ headers: ifMatch(review.version) });

export const useUpdateReview = () =>
  useReviewWrite((review, body: ReviewUpdate) =>
    api.patch<ManagementReview>(`${BASE}/${review.id}`, body, write(review)),
  );

export const useCancelReview = () =>
  useReviewWrite((review, body: { reason: string }) =>
    api.post<ManagementReview>(`${BASE}/${review.id}/cancel`, body, write(review)),
  );

export const usePrepareInputs = () =>
  useReviewWrite((review, _: null) =>
    api.post<ReviewInputPack>(`${BASE}/${review.id}/prepare-inputs`, {}, write(review)),
  );

export const useHoldReview = () =>
  useReviewWrite((review, body: ReviewHold) =>
    api.post<ManagementReview>(`${BASE}/${review.id}/hold`, body, write(review)),
  );

export const useSaveMinutes = () =>
  useReviewWrite((review, body: ReviewMinutesUpdate) =>
    api.patch<ManagementReview>(`${BASE}/${review.id}/minutes`, body, write(review)),
  );

export const useSubmitMinutes = () =>
  useReviewWrite((review, body: { assigneeUserId?: string; comment?: string }) =>
    api.post<ManagementReview>(`${BASE}/${review.id}/submit`, body, write(review)),
  );

export const useDistributeMinutes = () =>
  useReviewWrite((review, _: null) =>
    api.post<ManagementReview>(`${BASE}/${review.id}/distribute`, {}, write(review)),
  );

export function useInputPack(id: string, enabled = true) {
  return useQuery({
    queryKey: [...reviewsKey, 'inputs', id],
    queryFn: ({ signal }) => api.get<ReviewInputPack>(`${BASE}/${id}/inputs`, { signal }),
    enabled,
  });
}

export function useDecisions(id: string) {
  return useQuery({
    queryKey: [...reviewsKey, 'decisions', id],
    queryFn: async ({ signal }) => {
      const answer = await api.get<ListPage<ReviewDecision> | ReviewDecision[]>(
        `${BASE}/${id}/decisions?limit=200`,
        { signal },
      );
      // The decisions of one review are few: a plain list or one page of them.
      return Array.isArray(answer) ? answer : answer.items;
    },
  });
}

export function useRecordDecision(reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewDecisionCreate) =>
      api.post<ReviewDecision>(`${BASE}/${reviewId}/decisions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export function useUpdateDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, body }: { decision: ReviewDecision; body: ReviewDecisionUpdate }) =>
      api.patch<ReviewDecision>(`${BASE}/${decision.reviewId}/decisions/${decision.id}`, body, {
        headers: ifMatch(decision.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export function useRemoveDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: ReviewDecision) =>
      api.delete(`${BASE}/${decision.reviewId}/decisions/${decision.id}`, {
        headers: ifMatch(decision.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export const reviewExportUrl = (id: string, format: 'pdf' | 'xlsx', lang: 'ja' | 'en') =>
  `${BASE}/${id}/export${queryString({ format, lang })}`;
