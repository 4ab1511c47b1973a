import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  MeasurementCreate,
  MeasurementImportReport,
  Objective,
  ObjectiveCreate,
  ObjectiveMeasurement,
  ObjectiveStatus,
  ObjectiveUpdate,
} from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';

export type {
  MeasurementCreate,
  MeasurementImportReport,
  Objective,
  ObjectiveCreate,
  ObjectiveMeasurement,
  ObjectiveStatus,
  ObjectiveUpdate,
};

const V1 = '/api/v1/objectives';
export const objectivesKey = ['objectives'] as const;

export interface ObjectiveFilter {
  q?: string;
  status?: ObjectiveStatus | null;
  ownerId?: string | null;
  dueBy?: string | null;
}

/** GET /objectives, filtered on the server, with keyset "load more". */
export function useObjectiveList(filter: ObjectiveFilter) {
  const params = {
    q: filter.q?.trim() || undefined,
    status: filter.status,
    ownerId: filter.ownerId,
    dueBy: filter.dueBy,
  };
  return useInfiniteQuery({
    queryKey: [...objectivesKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<Objective>>(
        `${V1}${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useObjective(id: string) {
  return useQuery({
    queryKey: [...objectivesKey, 'one', id],
    queryFn: ({ signal }) => api.get<Objective>(`${V1}/${id}`, { signal }),
  });
}

/** The measurements of one objective, oldest first for the chart (up to 200). */
export function useMeasurements(id: string) {
  return useQuery({
    queryKey: [...objectivesKey, 'measurements', id],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListPage<ObjectiveMeasurement>>(
        `${V1}/${id}/measurements${queryString({ limit: 200 })}`,
        { signal },
      );
      return [...page.items].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
    },
  });
}

/** After any change the list, the objective (its standing) and the measurements are stale. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: objectivesKey });
}

export function useCreateObjective() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ObjectiveCreate) => api.post<Objective>(V1, input),
    onSuccess: invalidate,
  });
}

export function useUpdateObjective(objective: Objective) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (patch: ObjectiveUpdate) =>
      api.patch<Objective>(`${V1}/${objective.id}`, patch, {
        headers: ifMatch(objective.version),
      }),
    onSuccess: invalidate,
  });
}

export function useAddMeasurement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: MeasurementCreate) =>
      api.post<ObjectiveMeasurement>(`${V1}/${id}/measurements`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveMeasurement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { measurementId: string; reason: string }) =>
      api.post<void>(`${V1}/${id}/measurements/${input.measurementId}/removal`, {
        reason: input.reason,
      }),
    onSuccess: invalidate,
  });
}

export function useImportMeasurements(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) =>
      api.post<MeasurementImportReport>(`${V1}/${id}/measurements/import`, input),
    onSuccess: (report) => {
      if (!report.dryRun && report.imported > 0) void invalidate();
    },
  });
}
