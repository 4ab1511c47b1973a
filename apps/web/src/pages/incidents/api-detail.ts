import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Incident,
  IncidentNotification,
  IncidentNotificationCreate,
  IncidentObligation,
  IncidentRaise,
  IncidentRaised,
  IncidentRisk,
  IncidentSettings,
  IncidentTransition,
  IncidentTriage,
  IncidentUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { Incident, IncidentObligation, IncidentSettings };

/** Every incident query starts with this key, so the list refreshes after a change here. */
export const incidentsKey = ['incidents'] as const;
const oneKey = (id: string) => [...incidentsKey, 'one', id] as const;

export function useIncident(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<Incident>(`/api/v1/incidents/${id}`, { signal }),
  });
}

export function useIncidentSettings(enabled = true) {
  return useQuery({
    queryKey: ['incident-settings'],
    queryFn: ({ signal }) => api.get<IncidentSettings>('/api/v1/incident-settings', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** The obligations (inactive ones too, the modal offers only active ones). */
export function useIncidentObligations(enabled = true) {
  return useQuery({
    queryKey: ['incident-obligations'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: IncidentObligation[] }>('/api/v1/incident-obligations', { signal }))
        .items,
    enabled,
  });
}

/** Writes that answer with the incident: the cache takes it, the list refreshes. */
function useIncidentWrite<T>(request: (incident: Incident, body: T) => Promise<Incident>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ incident, body }: { incident: Incident; body: T }) => request(incident, body),
    onSuccess: (incident) => {
      client.setQueryData(oneKey(incident.id), incident);
      void client.invalidateQueries({ queryKey: [...incidentsKey, 'list'] });
    },
  });
}

const base = (incident: Incident) => `/api/v1/incidents/${incident.id}`;

/** Saves fields of the incident read at its version (If-Match; 412 when stale). */
export const useUpdateIncident = () =>
  useIncidentWrite<IncidentUpdate>((incident, body) =>
    api.patch<Incident>(base(incident), body, { headers: ifMatch(incident.version) }),
  );

export const useTriageIncident = () =>
  useIncidentWrite<IncidentTriage>((incident, body) =>
    api.post<Incident>(`${base(incident)}/triage`, body, { headers: ifMatch(incident.version) }),
  );

export const useTransitionIncident = () =>
  useIncidentWrite<IncidentTransition>((incident, body) =>
    api.post<Incident>(`${base(incident)}/transitions`, body, {
      headers: ifMatch(incident.version),
    }),
  );

export const useAddTimelineEntry = () =>
  useIncidentWrite<{ kind: 'action' | 'note'; at?: string; text: string }>((incident, body) =>
    api.post<Incident>(`${base(incident)}/timeline`, body),
  );

/** Writes that answer with something else: the incident is read again. */
function useIncidentSideWrite<T, R>(request: (incident: Incident, body: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ incident, body }: { incident: Incident; body: T }) => request(incident, body),
    onSuccess: (_result, { incident }) =>
      client.invalidateQueries({ queryKey: oneKey(incident.id) }),
  });
}

export const useRecordNotification = () =>
  useIncidentSideWrite<IncidentNotificationCreate, IncidentNotification>((incident, body) =>
    api.post<IncidentNotification>(`${base(incident)}/notifications`, body),
  );

export const useSetIncidentRisks = () =>
  useIncidentSideWrite<{ riskIds: string[] }, { items: IncidentRisk[] }>((incident, body) =>
    api.put<{ items: IncidentRisk[] }>(`${base(incident)}/risks`, body),
  );

export const useRequestReassessment = () =>
  useIncidentSideWrite<{ riskIds?: string[] }, { items: IncidentRisk[] }>((incident, body) =>
    api.post<{ items: IncidentRisk[] }>(`${base(incident)}/reassessment`, body),
  );

export const useRaiseFromIncident = () =>
  useIncidentSideWrite<IncidentRaise, IncidentRaised>((incident, body) =>
    api.post<IncidentRaised>(`${base(incident)}/raise`, body),
  );

/** Options for pickers, searched by the server (the first 50 matches). */
function useOptions<T>(path: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incident-pickers', path, q],
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<T>>(`${path}${queryString({ q: q.trim(), limit: 50 })}`, { signal }))
        .items,
    enabled,
    staleTime: 30_000,
  });
}

export interface RiskOption {
  id: string;
  code: string;
  asset: { code: string; name: string };
  threat: { name: { ja: string; en: string } };
}
export const useRiskOptions = (q: string, enabled: boolean) =>
  useOptions<RiskOption>('/api/v1/risks', q, enabled);

export interface AssetOption {
  id: string;
  code: string;
  name: { ja: string; en: string };
}
export const useAssetOptions = (q: string, enabled: boolean) =>
  useOptions<AssetOption>('/api/v1/assets', q, enabled);

export interface UserOption {
  id: string;
  displayName: string;
}
export const useUserOptions = (q: string, enabled: boolean) =>
  useOptions<UserOption>('/api/v1/users', q, enabled);
