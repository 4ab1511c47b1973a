import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Communication,
  CommunicationCreate,
  Improvement,
  ImprovementCreate,
  ImprovementDecision,
  ImprovementImplementation,
  PreventiveProposal,
  ProposalDecision,
  Suggestion,
  SuggestionResult,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { Communication, Improvement, PreventiveProposal };

const improvementsKey = ['improvements'] as const;
const communicationsKey = ['improvement-communications'] as const;
const proposalsKey = ['preventive-proposals'] as const;

/** A keyset-paged list of the area, filtered by the address's parameters. */
function usePagedList<T>(
  key: readonly string[],
  path: string,
  params: Record<string, string | null | undefined>,
) {
  return useInfiniteQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<T>>(`${path}${queryString({ ...params, limit: 50, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useImprovementList = (params: Record<string, string | null | undefined>) =>
  usePagedList<Improvement>(improvementsKey, '/api/v1/improvements', params);

export function useImprovement(id: string) {
  return useQuery({
    queryKey: [...improvementsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Improvement>(`/api/v1/improvements/${id}`, { signal }),
  });
}

export type ImprovementInput = Omit<ImprovementCreate, 'evidence'>;

export function useCreateImprovement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImprovementInput) => api.post<Improvement>('/api/v1/improvements', body),
    onSuccess: () => client.invalidateQueries({ queryKey: improvementsKey }),
  });
}

/** Writes on one improvement read at its version (If-Match; 412 when changed meanwhile). */
function useImprovementWrite<I>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ improvement, input }: { improvement: Improvement; input: I }) =>
      api.post<Improvement>(`/api/v1/improvements/${improvement.id}/${path}`, input, {
        headers: ifMatch(improvement.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: improvementsKey }),
  });
}
export const useDecideImprovement = () => useImprovementWrite<ImprovementDecision>('decision');
export const useImplementImprovement = () =>
  useImprovementWrite<Partial<ImprovementImplementation>>('implementation');

export function useSuggest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Suggestion) =>
      api.post<SuggestionResult>('/api/v1/improvements/suggestions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: improvementsKey }),
  });
}

export const useCommunicationList = (params: Record<string, string | null | undefined>) =>
  usePagedList<Communication>(communicationsKey, '/api/v1/improvement-communications', params);

export type CommunicationInput = Omit<CommunicationCreate, 'attachments'>;

export function useRecordCommunication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CommunicationInput) =>
      api.post<Communication>('/api/v1/improvement-communications', body),
    onSuccess: () => client.invalidateQueries({ queryKey: communicationsKey }),
  });
}

export const useProposalList = (params: Record<string, string | null | undefined>) =>
  usePagedList<PreventiveProposal>(proposalsKey, '/api/v1/preventive-proposals', params);

export function useDecideProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ proposal, input }: { proposal: PreventiveProposal; input: ProposalDecision }) =>
      api.post<PreventiveProposal>(`/api/v1/preventive-proposals/${proposal.id}/decision`, input, {
        headers: ifMatch(proposal.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: proposalsKey }),
  });
}
