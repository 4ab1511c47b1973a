import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImprovementAction,
  Nonconformity,
  NonconformityDetail,
  NonconformityStatistics,
  NonconformityStatus,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { ImprovementAction, Nonconformity, NonconformityDetail, NonconformityStatus };

export const nonconformitiesKey = ['nonconformities'] as const;

export interface NonconformityFilter {
  q?: string;
  source?: string | null;
  status?: string | null;
  severity?: string | null;
  kind?: string | null;
  overdue?: boolean;
  open?: boolean;
}

/** One page of up to 200 (the board shows them by step; the list pages with a cursor). */
export function useNonconformityList(filter: NonconformityFilter, cursor?: string) {
  const params = {
    q: filter.q?.trim() || undefined,
    source: filter.source,
    status: filter.status,
    severity: filter.severity,
    kind: filter.kind,
    overdue: filter.overdue ? 'true' : undefined,
    open: filter.open ? 'true' : undefined,
    limit: 200,
    cursor,
  };
  return useQuery({
    queryKey: [...nonconformitiesKey, 'list', params],
    queryFn: ({ signal }) =>
      api.get<ListPage<Nonconformity>>(`/api/v1/nonconformities${queryString(params)}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useNonconformity(id: string) {
  return useQuery({
    queryKey: [...nonconformitiesKey, 'one', id],
    queryFn: ({ signal }) =>
      api.get<NonconformityDetail>(`/api/v1/nonconformities/${id}`, { signal }),
  });
}

export function useCreateNonconformity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<NonconformityDetail>('/api/v1/nonconformities', body),
    onSuccess: () => client.invalidateQueries({ queryKey: nonconformitiesKey }),
  });
}

export type NcStep = 'containment' | 'analysis' | 'evaluation' | 'actions' | 'close';

/** A workflow step on the nonconformity read at `nc.version` (If-Match). */
export function useNcStep(step: NcStep) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ nc, body }: { nc: NonconformityDetail; body: unknown }) =>
      api.post<NonconformityDetail>(`/api/v1/nonconformities/${nc.id}/${step}`, body, {
        headers: ifMatch(nc.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: nonconformitiesKey }),
  });
}

/** Implementation or effectiveness review of an action read at `action.version`. */
export function useActionStep(step: 'implementation' | 'review') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: ImprovementAction; body: unknown }) =>
      api.post<NonconformityDetail>(`/api/v1/improvement-actions/${action.id}/${step}`, body, {
        headers: ifMatch(action.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: nonconformitiesKey }),
  });
}

export function useNonconformityStatistics() {
  return useQuery({
    queryKey: [...nonconformitiesKey, 'statistics'],
    queryFn: ({ signal }) =>
      api.get<NonconformityStatistics>('/api/v1/nonconformities/statistics', { signal }),
  });
}

/** The export's address: the list's filters, the format and the language. */
export function exportUrl(filter: NonconformityFilter, format: 'xlsx' | 'pdf', lang: 'ja' | 'en') {
  return `/api/v1/nonconformities/export${queryString({
    q: filter.q?.trim() || undefined,
    source: filter.source,
    status: filter.status,
    severity: filter.severity,
    overdue: filter.overdue ? 'true' : undefined,
    open: filter.open ? 'true' : undefined,
    format,
    lang,
  })}`;
}
