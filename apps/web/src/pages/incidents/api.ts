import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Incident,
  IncidentListItem,
  IncidentLevel,
  IncidentObligation,
  IncidentObligationCreate,
  IncidentObligationUpdate,
  IncidentReport,
  IncidentSettings,
  IncidentSettingsUpdate,
  IncidentStatistics,
  IncidentStatus,
  IncidentType,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  Incident,
  IncidentListItem,
  IncidentLevel,
  IncidentObligation,
  IncidentObligationCreate,
  IncidentObligationUpdate,
  IncidentReport,
  IncidentSettings,
  IncidentSettingsUpdate,
  IncidentStatistics,
  IncidentStatus,
  IncidentType,
};

const V1 = '/api/v1';
/** Everything incident-shaped; whandle's detail hooks live under the same root key. */
export const incidentsKey = ['incidents'] as const;
const settingsKey = ['incident-settings'] as const;
const obligationsKey = ['incident-obligations'] as const;
const statisticsKey = ['incident-statistics'] as const;

export interface IncidentFilter {
  mine?: 'reported' | 'assigned';
  status?: IncidentStatus | null;
  type?: IncidentType | null;
  severity?: IncidentLevel | null;
  unitId?: string | null;
  /** true: open only; false: closed only; null: both. */
  open?: boolean | null;
  q?: string;
}

export function incidentListParams(filter: IncidentFilter) {
  return {
    mine: filter.mine,
    status: filter.status,
    type: filter.type,
    severity: filter.severity,
    unitId: filter.unitId,
    open: filter.open == null ? undefined : String(filter.open),
    q: filter.q?.trim(),
  };
}

/** GET /incidents with keyset "load more". */
export function useIncidentList(filter: IncidentFilter, enabled = true) {
  const params = incidentListParams(filter);
  return useInfiniteQuery({
    queryKey: [...incidentsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<IncidentListItem>>(
        `${V1}/incidents${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** POST /incidents: 201 a new incident, 200 merged into an open one (externalRef). */
export function useReportIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentReport) =>
      api.post<{ incident: Incident; merged: boolean }>(`${V1}/incidents`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: incidentsKey });
      void client.invalidateQueries({ queryKey: statisticsKey });
    },
  });
}

export function useIncidentStatistics(
  query: { from?: string; to?: string; unitId?: string | null },
  enabled = true,
) {
  const params = { from: query.from, to: query.to, unitId: query.unitId };
  return useQuery({
    queryKey: [...statisticsKey, params],
    queryFn: ({ signal }) =>
      api.get<IncidentStatistics>(`${V1}/incident-statistics${queryString(params)}`, { signal }),
    enabled,
  });
}

export function useIncidentSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<IncidentSettings>(`${V1}/incident-settings`, { signal }),
    enabled,
  });
}

/** PATCH /incident-settings with If-Match on the version read (0: no row yet). */
export function useUpdateIncidentSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: IncidentSettingsUpdate }) =>
      api.patch<IncidentSettings>(`${V1}/incident-settings`, body, {
        headers: ifMatch(version),
      }),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      // The triage target and the matrix change what the lists flag.
      void client.invalidateQueries({ queryKey: incidentsKey });
    },
  });
}

export function useObligations(enabled = true) {
  return useQuery({
    queryKey: obligationsKey,
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: IncidentObligation[] }>(`${V1}/incident-obligations`, {
          signal,
        })
      ).items,
    enabled,
  });
}

function useObligationWrite<I, R>(call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: obligationsKey }),
  });
}

export const useCreateObligation = () =>
  useObligationWrite((body: IncidentObligationCreate) =>
    api.post<IncidentObligation>(`${V1}/incident-obligations`, body),
  );

export const useUpdateObligation = () =>
  useObligationWrite(
    ({ obligation, body }: { obligation: IncidentObligation; body: IncidentObligationUpdate }) =>
      api.patch<IncidentObligation>(`${V1}/incident-obligations/${obligation.id}`, body, {
        headers: ifMatch(obligation.version),
      }),
  );

/** Adds the shipped presets not yet present (idempotent). */
export const useLoadObligationPresets = () =>
  useObligationWrite(() =>
    api.post<{ items: IncidentObligation[] }>(`${V1}/incident-obligations/presets`, {}),
  );
