import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  residualAcceptanceSchema,
  RiskDetailDto,
  RiskDto,
  RiskListItemDto,
  riskGenerateRequestSchema,
  riskHeatmapSchema,
  riskJobSchema,
  RiskTreatmentInput,
  riskUpdateSchema,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';
import { risksKey } from './methods';

export type { RiskDetailDto, RiskDto, RiskListItemDto, RiskTreatmentInput };
export type RiskJob = z.infer<typeof riskJobSchema>;
export type RiskHeatmap = z.infer<typeof riskHeatmapSchema>;
export type RiskGenerateRequest = z.input<typeof riskGenerateRequestSchema>;
export type RiskUpdate = z.input<typeof riskUpdateSchema>;
export type ResidualAcceptance = z.infer<typeof residualAcceptanceSchema>;

export const registerKey = [...risksKey, 'register'] as const;

/** The register's filter, as URL search parameters and as the list, heat map and export take it. */
export const FILTER_KEYS = [
  'q',
  'assetId',
  'assetCategory',
  'threatId',
  'vulnerabilityId',
  'level',
  'evaluation',
  'status',
  'ownerUserId',
  'treatmentOption',
  'residualAcceptance',
  'likelihood',
  'impact',
  'controlId',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type RiskFilter = Partial<Record<FilterKey, string>>;
export type RiskSort = 'code' | 'value' | 'residualValue' | 'updatedAt';

const PAGE = 50;

export function useRiskList(filter: RiskFilter, sort: RiskSort, direction: 'asc' | 'desc') {
  const params = { ...filter, sort, direction };
  return useInfiniteQuery({
    queryKey: [...registerKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<RiskListItemDto>>(
        `/api/v1/risks${queryString({ ...params, limit: PAGE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRisk(id: string | null) {
  return useQuery({
    queryKey: [...registerKey, 'one', id],
    queryFn: ({ signal }) => api.get<RiskDetailDto>(`/api/v1/risks/${id}`, { signal }),
    enabled: !!id,
  });
}

/** Changes the assessment of a risk read at `risk.version` (If-Match). */
export function useUpdateRisk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { risk: RiskDto; body: RiskUpdate }) =>
      api.patch<RiskDetailDto>(`/api/v1/risks/${input.risk.id}`, input.body, {
        headers: ifMatch(input.risk.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}

/** The treatment decision and planned residual risk (If-Match). */
export function useSaveTreatment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { risk: RiskDto; body: RiskTreatmentInput }) =>
      api.put<RiskDetailDto>(`/api/v1/risks/${input.risk.id}/treatment`, input.body, {
        headers: ifMatch(input.risk.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}

/** Asks top management to approve knowingly retaining a risk above the acceptable level. */
export function useRequestRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (risk: RiskDto) =>
      api.post(`/api/v1/risks/${risk.id}/retention`, {}, { headers: ifMatch(risk.version) }),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}

/** Sends residual risks to top management (explicit ones, or every decided one not yet accepted). */
export function useRequestResidualAcceptance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { riskIds?: string[]; note: string; authorizeOperation: boolean }) =>
      api.post<ResidualAcceptance>('/api/v1/risks/residual-acceptances', body),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}

export function useResidualAcceptances() {
  return useQuery({
    queryKey: [...registerKey, 'residual-acceptances'],
    queryFn: ({ signal }) =>
      api.get<ListPage<ResidualAcceptance>>(
        `/api/v1/risks/residual-acceptances${queryString({ limit: 20 })}`,
        { signal },
      ),
  });
}

const running = (job: RiskJob | undefined) => job?.status === 'queued' || job?.status === 'running';

/** Starts a bulk generation; small runs may come back finished, larger ones are polled. */
export function useGenerateRisks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskGenerateRequest) => api.post<RiskJob>('/api/v1/risks/generate', body),
    onSuccess: (job) => {
      if (!running(job)) void client.invalidateQueries({ queryKey: registerKey });
    },
  });
}

/** Polls a job once a second until it has finished. */
export function useRiskJob(initial: RiskJob | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...risksKey, 'job', initial?.id],
    queryFn: async ({ signal }) => {
      const job = await api.get<RiskJob>(`/api/v1/risks/jobs/${initial!.id}`, { signal });
      if (!running(job)) void client.invalidateQueries({ queryKey: registerKey });
      return job;
    },
    enabled: !!initial && running(initial),
    initialData: initial ?? undefined,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

export function useHeatmap(filter: RiskFilter, residual: boolean) {
  const { likelihood: _l, impact: _i, ...rest } = filter;
  return useQuery({
    queryKey: [...registerKey, 'heatmap', rest, residual],
    queryFn: ({ signal }) =>
      api.get<RiskHeatmap>(
        `/api/v1/risks/heatmap${queryString({ ...rest, residual: residual ? 'true' : 'false' })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
