import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  InterestedParty,
  InterestedPartyUpdate,
  PartyFeedback,
  PartyFeedbackUpdate,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';

export type { InterestedParty, PartyFeedback };

export const partiesKey = ['interested-parties'] as const;
export const feedbackKey = ['interested-party-feedback'] as const;

/** A small register: every party on one page (up to the API's page limit). */
export function useParties() {
  return useQuery({
    queryKey: partiesKey,
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<InterestedParty>>('/api/v1/interested-parties?limit=200', { signal }))
        .items,
  });
}

export interface FeedbackFilter {
  partyId?: string | null;
  /** true: awaiting a response; false: answered; null: both. */
  open?: boolean | null;
  from?: string | null;
  to?: string | null;
}

export function useFeedbackList(filter: FeedbackFilter) {
  const params = {
    partyId: filter.partyId,
    open: filter.open == null ? undefined : String(filter.open),
    from: filter.from,
    to: filter.to,
  };
  return useInfiniteQuery({
    queryKey: [...feedbackKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<PartyFeedback>>(
        `/api/v1/interested-party-feedback${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Any change of feedback changes the parties' counts too. */
function useInvalidateRegister() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: partiesKey }),
      client.invalidateQueries({ queryKey: feedbackKey }),
    ]);
}

export interface PartyInput {
  name: string;
  kind: InterestedParty['kind'];
  expectations: string;
  contact: string;
}

export function useCreateParty() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: (body: PartyInput) => api.post<InterestedParty>('/api/v1/interested-parties', body),
    onSuccess: invalidate,
  });
}

/** Saves a party read at `party.version` (If-Match; 412 when someone saved meanwhile). */
export function useUpdateParty() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: ({ party, body }: { party: InterestedParty; body: InterestedPartyUpdate }) =>
      api.patch<InterestedParty>(`/api/v1/interested-parties/${party.id}`, body, {
        headers: ifMatch(party.version),
      }),
    onSuccess: invalidate,
  });
}

export interface FeedbackInput {
  partyId: string;
  receivedOn: string;
  channel: PartyFeedback['channel'];
  sentiment: PartyFeedback['sentiment'];
  content: string;
}

export function useRecordFeedback() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: (body: FeedbackInput) =>
      api.post<PartyFeedback>('/api/v1/interested-party-feedback', body),
    onSuccess: invalidate,
  });
}

export function useUpdateFeedback() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: ({ feedback, body }: { feedback: PartyFeedback; body: PartyFeedbackUpdate }) =>
      api.patch<PartyFeedback>(`/api/v1/interested-party-feedback/${feedback.id}`, body, {
        headers: ifMatch(feedback.version),
      }),
    onSuccess: invalidate,
  });
}

export function useRespondFeedback() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: ({
      feedback,
      body,
    }: {
      feedback: PartyFeedback;
      body: { response: string; respondedOn: string };
    }) =>
      api.post<PartyFeedback>(`/api/v1/interested-party-feedback/${feedback.id}/response`, body, {
        headers: ifMatch(feedback.version),
      }),
    onSuccess: invalidate,
  });
}

export const exportUrl = (lang: 'ja' | 'en') => `/api/v1/interested-parties/export?lang=${lang}`;

export const PARTY_KINDS = [
  'customer',
  'regulator',
  'employee',
  'supplier',
  'shareholder',
  'partner',
  'community',
  'other',
] as const;
export const CHANNELS = ['meeting', 'email', 'survey', 'complaint', 'audit', 'other'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
