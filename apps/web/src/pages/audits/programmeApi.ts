import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPlanning,
  AuditProgramme,
  AuditProgrammeUpdate,
  AuditsDashboard,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type { AuditPlanning, AuditProgramme, AuditProgrammeUpdate, AuditsDashboard };

/** Queries of the audit programme and dashboard; every change invalidates them all. */
const programmeKey = ['audit-programmes'] as const;

export function useProgrammes(fiscalYear: number) {
  return useQuery({
    queryKey: [...programmeKey, 'list', fiscalYear],
    queryFn: ({ signal }) =>
      api.get<ListPage<AuditProgramme>>(
        `/api/v1/audit-programmes${queryString({ fiscalYear, limit: 200 })}`,
        { signal },
      ),
  });
}

export function usePlanning(programmeId: string | undefined) {
  return useQuery({
    queryKey: [...programmeKey, programmeId, 'planning'],
    queryFn: ({ signal }) =>
      api.get<AuditPlanning>(`/api/v1/audit-programmes/${programmeId}/planning`, { signal }),
    enabled: Boolean(programmeId),
  });
}

export function useAuditsDashboard() {
  return useQuery({
    queryKey: [...programmeKey, 'dashboard'],
    queryFn: ({ signal }) =>
      api.get<AuditsDashboard>('/api/v1/audit-programmes/dashboard', { signal }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: programmeKey });
}

export function useCreateProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (fiscalYear: number) =>
      api.post<AuditProgramme>('/api/v1/audit-programmes', { fiscalYear }),
    onSuccess: invalidate,
  });
}

/** Saves the latest version: a draft in place, an approved one into the next draft. */
export function useSaveProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { programme: AuditProgramme; body: AuditProgrammeUpdate }) =>
      api.patch<AuditProgramme>(`/api/v1/audit-programmes/${input.programme.id}`, input.body, {
        headers: ifMatch(input.programme.version),
      }),
    onSuccess: invalidate,
  });
}

export function useSubmitProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (programme: AuditProgramme) =>
      api.post<AuditProgramme>(
        `/api/v1/audit-programmes/${programme.id}/approval`,
        {},
        { headers: ifMatch(programme.version) },
      ),
    onSuccess: invalidate,
  });
}
