import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Audit, AuditStatus, IndependenceConflict, InternalAuditor } from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { Audit, AuditStatus, IndependenceConflict, InternalAuditor };

export const auditsKey = ['audits'] as const;
export const auditorsKey = ['internal-auditors'] as const;

export interface AuditFilter {
  q?: string;
  status?: string | null;
  fiscalYear?: number | null;
  unitId?: string | null;
}

export function useAuditList(filter: AuditFilter) {
  const params = {
    q: filter.q?.trim() || undefined,
    status: filter.status ?? undefined,
    fiscalYear: filter.fiscalYear ?? undefined,
    unitId: filter.unitId ?? undefined,
  };
  return useInfiniteQuery({
    queryKey: [...auditsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<Audit>>(
        `/api/v1/audits${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAudit(id: string) {
  return useQuery({
    queryKey: [...auditsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Audit>(`/api/v1/audits/${id}`, { signal }),
  });
}

/** Conflicts of one audit, or of every audit not yet closed when `auditId` is absent. */
export function useConflicts(auditId?: string) {
  return useQuery({
    queryKey: [...auditsKey, 'conflicts', auditId ?? 'all'],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: IndependenceConflict[] }>(
          auditId ? `/api/v1/audits/${auditId}/conflicts` : '/api/v1/audits/conflicts',
          { signal },
        )
      ).items,
  });
}

export interface AuditInput {
  title: string;
  plannedStart: string;
  plannedEnd: string;
  notes: string;
  auditeeUnitIds: string[];
  scopeProcesses: string[];
  scopeAssetIds: string[];
  scopeDocumentIds: string[];
  requirementIds: string[];
  controlIds: string[];
}

/** Creates an audit, or saves one read at `audit.version` (If-Match). */
export function useSaveAudit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ audit, body }: { audit: Audit | null; body: Partial<AuditInput> }) =>
      audit
        ? api.patch<Audit>(`/api/v1/audits/${audit.id}`, body, {
            headers: ifMatch(audit.version),
          })
        : api.post<Audit>('/api/v1/audits', body),
    onSuccess: () => client.invalidateQueries({ queryKey: auditsKey }),
  });
}

/** Writes on one audit under the version that was read; the audit is refreshed. */
function useAuditWrite<I>(call: (audit: Audit, input: I) => Promise<Audit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ audit, input }: { audit: Audit; input: I }) => call(audit, input),
    onSuccess: () => client.invalidateQueries({ queryKey: auditsKey }),
  });
}

export const useSetTeam = () =>
  useAuditWrite((audit, input: { leadUserId: string | null; memberUserIds: string[] }) =>
    api.put<Audit>(`/api/v1/audits/${audit.id}/team`, input, {
      headers: ifMatch(audit.version),
    }),
  );

export const useRecordNotice = () =>
  useAuditWrite((audit, _input: null) =>
    api.post<Audit>(`/api/v1/audits/${audit.id}/notice`, undefined, {
      headers: ifMatch(audit.version),
    }),
  );

export const useChangeStatus = () =>
  useAuditWrite((audit, status: AuditStatus) =>
    api.post<Audit>(
      `/api/v1/audits/${audit.id}/status`,
      { status },
      { headers: ifMatch(audit.version) },
    ),
  );

export function useAuditors() {
  return useQuery({
    queryKey: auditorsKey,
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<InternalAuditor>>('/api/v1/internal-auditors?limit=200', { signal }))
        .items,
  });
}

export interface AuditorInput {
  userId?: string;
  qualifications: string;
  training: string;
  unitIds: string[];
  evidence: { type: string; id: string; label: string }[];
  active?: boolean;
}

/** Registers an auditor, or saves an entry read at `auditor.version` (If-Match). */
export function useSaveAuditor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ auditor, body }: { auditor: InternalAuditor | null; body: AuditorInput }) =>
      auditor
        ? api.patch<InternalAuditor>(`/api/v1/internal-auditors/${auditor.id}`, body, {
            headers: ifMatch(auditor.version),
          })
        : api.post<InternalAuditor>('/api/v1/internal-auditors', body),
    onSuccess: () => client.invalidateQueries({ queryKey: auditorsKey }),
  });
}
