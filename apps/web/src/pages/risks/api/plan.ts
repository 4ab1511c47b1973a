import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { treatmentActionCreateSchema, TreatmentActionDto } from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';
import { risksKey } from './methods';

export type { TreatmentActionDto };
export type TreatmentActionInput = z.input<typeof treatmentActionCreateSchema>;

export const planKey = [...risksKey, 'plan'] as const;

export interface PlanFilter {
  q?: string | null;
  status?: string | null;
  priority?: string | null;
  ownerUserId?: string | null;
  overdue?: 'true' | null;
  riskId?: string | null;
  sort: 'code' | 'dueDate' | 'priority';
  direction: 'asc' | 'desc';
}

export function useTreatmentPlan(filter: PlanFilter) {
  return useInfiniteQuery({
    queryKey: [...planKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<TreatmentActionDto>>(
        `/api/v1/treatment-plan${queryString({ ...filter, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Creates an action, or changes one read at `version` (If-Match). */
export function useSaveAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: TreatmentActionDto | null; body: TreatmentActionInput }) =>
      input.action
        ? api.patch<TreatmentActionDto>(`/api/v1/treatment-plan/${input.action.id}`, input.body, {
            headers: ifMatch(input.action.version),
          })
        : api.post<TreatmentActionDto>('/api/v1/treatment-plan', input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}
