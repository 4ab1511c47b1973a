import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from './client';
import {
  queryString,
  type AuditEvent,
  type AuditVerification,
  type ListPage,
  type SecurityEvent,
  type SecurityEventKind,
} from './types';

export const auditKey = ['audit'] as const;

export interface AuditFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** ISO instants */
  from?: string | undefined;
  to?: string | undefined;
}

/** The query string of a filter, shared by the list and the CSV export. */
export function auditFilterQuery(
  filter: AuditFilter,
  extra: Record<string, string | number | undefined> = {},
) {
  return queryString({
    actorId: filter.actorId,
    entityType: filter.entityType,
    entityId: filter.entityId,
    from: filter.from,
    to: filter.to,
    ...extra,
  });
}

export function auditCsvUrl(filter: AuditFilter) {
  return `/api/v1/audit/events.csv${auditFilterQuery(filter)}`;
}

/** Audit events newest first, page by page. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...auditKey, 'events', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<AuditEvent>>(
        `/api/v1/audit/events${auditFilterQuery(filter, { limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Recomputes the hash chain on the server. */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => api.get<AuditVerification>('/api/v1/audit/verify'),
  });
}

export interface SecurityEventFilter {
  kind?: SecurityEventKind | undefined;
  userId?: string | undefined;
  /** ISO instants */
  from?: string | undefined;
  to?: string | undefined;
}

/** Failed log-ins and refused requests of the organization, newest first, page by page. */
export function useSecurityEvents(filter: SecurityEventFilter) {
  return useInfiniteQuery({
    queryKey: [...auditKey, 'security', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<SecurityEvent>>(
        `/api/v1/audit/security-events${queryString({ ...filter, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
