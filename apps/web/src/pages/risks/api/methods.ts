import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  RiskMethodDefinition,
  RiskMethodDto,
  riskMethodPresetSchema,
  riskMethodPreviewSchema,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';

export type { RiskMethodDefinition, RiskMethodDto };
export type RiskMethodPreset = z.infer<typeof riskMethodPresetSchema>;
export type RiskMethodPreview = z.infer<typeof riskMethodPreviewSchema>;

export const risksKey = ['risks'] as const;
export const methodsKey = [...risksKey, 'methods'] as const;

/** Every version of the method, newest first (a handful per organization). */
export function useRiskMethods() {
  return useQuery({
    queryKey: methodsKey,
    queryFn: async ({ signal }) => {
      const page = await api.get<ListPage<RiskMethodDto>>(
        `/api/v1/risk-methods${queryString({ limit: 200 })}`,
        { signal },
      );
      return [...page.items].sort((a, b) => b.number - a.number);
    },
  });
}

/** The latest version (being worked on) and the approved one in force. */
export function methodVersions(methods: readonly RiskMethodDto[] | undefined) {
  const list = methods ?? [];
  return {
    latest: list[0] ?? null,
    inForce: list.find((m) => m.status === 'approved') ?? null,
  };
}

/** The full matrix a definition produces, computed by the server (debounced by the caller). */
export function useMethodPreview(definition: RiskMethodDefinition | null) {
  return useQuery({
    queryKey: [...methodsKey, 'preview', definition],
    queryFn: ({ signal }) =>
      api.post<RiskMethodPreview>('/api/v1/risk-methods/preview', definition, { signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useCreateMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name: string;
      preset?: RiskMethodPreset;
      definition?: RiskMethodDefinition;
    }) => api.post<RiskMethodDto>('/api/v1/risk-methods', body),
    onSuccess: () => client.invalidateQueries({ queryKey: methodsKey }),
  });
}

/** Saves a draft read at `method.version` (If-Match; 412 when someone saved meanwhile). */
export function useSaveMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      method: RiskMethodDto;
      body: { name?: string; definition?: RiskMethodDefinition };
    }) =>
      api.patch<RiskMethodDto>(`/api/v1/risk-methods/${input.method.id}`, input.body, {
        headers: ifMatch(input.method.version),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: methodsKey }),
  });
}

/** Sends a saved draft to top management; approving it puts it in force. */
export function useSubmitMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (method: RiskMethodDto) =>
      api.post(
        `/api/v1/risk-methods/${method.id}/approval`,
        {},
        {
          headers: ifMatch(method.version),
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: risksKey }),
  });
}
