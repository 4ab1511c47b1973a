import { useQuery } from '@tanstack/react-query';
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
