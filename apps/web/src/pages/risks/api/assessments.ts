import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  riskAssessmentCreateSchema,
  riskAssessmentDiffSchema,
  riskAssessmentSchema,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { queryString, type ListPage } from '../../../api/types';
import { risksKey } from './methods';

export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
export type RiskAssessmentInput = z.input<typeof riskAssessmentCreateSchema>;
export type RiskAssessmentDiff = z.infer<typeof riskAssessmentDiffSchema>;
export type DiffChange = RiskAssessmentDiff['items'][number]['change'];

export const assessmentsKey = [...risksKey, 'assessments'] as const;

/** Every run, newest first. */
export function useAssessments() {
  return useQuery({
    queryKey: assessmentsKey,
    queryFn: async ({ signal }) => {
      const page = await api.get<ListPage<RiskAssessment>>(
        `/api/v1/risk-assessments${queryString({ limit: 200 })}`,
        { signal },
      );
      return [...page.items].sort((a, b) => b.number - a.number);
    },
  });
}

/** Records the register as a new dated run, starting from the last one. */
export function useCreateAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskAssessmentInput) =>
      api.post<RiskAssessment>('/api/v1/risk-assessments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentsKey }),
  });
}

/** What changed between two runs, page by page. */
export function useAssessmentDiff(
  from: string | null,
  to: string | null,
  change: DiffChange | null,
) {
  return useInfiniteQuery({
    queryKey: [...assessmentsKey, 'diff', from, to, change],
    queryFn: ({ pageParam, signal }) =>
      api.get<RiskAssessmentDiff>(
        `/api/v1/risk-assessments/diff${queryString({ from, to, change, limit: 100, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!from && !!to && from !== to,
    placeholderData: keepPreviousData,
  });
}
