import { useQuery } from '@tanstack/react-query';
export type { ApprovalSummary } from '@mamoru/contracts';
import type { ApprovalSummary } from '@mamoru/contracts';
import { api } from './client';
import { queryString, type Approval, type ListPage } from './types';

export const approvalsKey = ['approvals'] as const;

/** Pending requests the signed-in user may decide now (the "waiting for me" inbox). */
export function useWaitingApprovals(enabled: boolean) {
  return useQuery({
    queryKey: [...approvalsKey, 'mine'],
    queryFn: ({ signal }) =>
      api.get<ListPage<Approval>>(`/api/v1/approvals${queryString({ mine: 'true', limit: 100 })}`, {
        signal,
      }),
    enabled,
    staleTime: 30_000,
  });
}

/** What one approval asks to approve: the object, a link to it, the requester and the changes. */
export function useApprovalSummary(approvalId: string) {
  return useQuery({
    queryKey: [...approvalsKey, 'summary', approvalId],
    queryFn: ({ signal }) =>
      api.get<ApprovalSummary>(`/api/v1/approvals/${approvalId}/summary`, { signal }),
  });
}
