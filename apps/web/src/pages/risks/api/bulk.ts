import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  actionProposalSchema,
  actionsFromTreatmentSchema,
  riskBulkTreatmentResultSchema,
  riskBulkTreatmentSchema,
  riskSelectionSchema,
  TreatmentActionDto,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { queryString } from '../../../api/types';
import { risksKey } from './methods';
import type { RiskFilter } from './register';

export type RiskSelection = z.infer<typeof riskSelectionSchema>;
export type BulkTreatmentInput = z.input<typeof riskBulkTreatmentSchema>;
export type BulkTreatmentResult = z.infer<typeof riskBulkTreatmentResultSchema>;
export type ActionProposal = z.infer<typeof actionProposalSchema>;
export type ActionsFromTreatment = z.input<typeof actionsFromTreatmentSchema>;

/** What the register's filter selects now (count and the tag a bulk treatment confirms). */
export function useRiskSelection(filter: RiskFilter & { open?: string }) {
  return useQuery({
    queryKey: [...risksKey, 'selection', filter],
    queryFn: ({ signal }) =>
      api.get<RiskSelection>(`/api/v1/risks/selection${queryString(filter)}`, { signal }),
    // The tag must be the one shown: no silent refresh under the person's eyes.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useBulkTreatment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkTreatmentInput) =>
      api.post<BulkTreatmentResult>('/api/v1/risks/bulk-treatment', body),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}

/** The treatment actions the decisions on these risks imply, not yet in the plan. */
export function useActionProposals(riskIds: string[], enabled = true) {
  return useQuery({
    queryKey: [...risksKey, 'proposals', riskIds],
    queryFn: () =>
      api
        .post<{ items: ActionProposal[] }>('/api/v1/treatment-plan/proposals', { riskIds })
        .then((r) => r.items),
    enabled: enabled && riskIds.length > 0,
  });
}

export function useCreateProposedActions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionsFromTreatment) =>
      api
        .post<{ items: TreatmentActionDto[] }>('/api/v1/treatment-plan/from-treatment', body)
        .then((r) => r.items),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}
