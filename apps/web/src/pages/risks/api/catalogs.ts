import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  threatCreateSchema,
  ThreatDto,
  vulnerabilityCreateSchema,
  VulnerabilityDto,
} from '@mamoru/contracts';
import { api } from '../../../api/client';
import { ifMatch, queryString, type ListPage } from '../../../api/types';
import { risksKey } from './methods';

export type { ThreatDto, VulnerabilityDto };
export type ThreatInput = z.input<typeof threatCreateSchema>;
export type VulnerabilityInput = z.input<typeof vulnerabilityCreateSchema>;
export type CatalogKind = 'threats' | 'vulnerabilities';
export type CatalogEntry<K extends CatalogKind> = K extends 'threats'
  ? ThreatDto
  : VulnerabilityDto;

export const catalogsKey = [...risksKey, 'catalogs'] as const;

export interface CatalogFilter {
  q?: string;
  group?: string | null;
  category?: string | null;
  active?: 'true' | 'false' | null;
}

/** Catalogs hold tens to a few hundred entries: read every page so they can be grouped. */
async function readAll<T>(path: string, filter: CatalogFilter, signal: AbortSignal) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 25; i++) {
    const page = await api.get<ListPage<T>>(
      `${path}${queryString({ ...filter, q: filter.q?.trim(), limit: 200, cursor })}`,
      { signal },
    );
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

export function useCatalog<K extends CatalogKind>(kind: K, filter: CatalogFilter = {}) {
  return useQuery({
    queryKey: [...catalogsKey, kind, filter],
    queryFn: ({ signal }) => readAll<CatalogEntry<K>>(`/api/v1/${kind}`, filter, signal),
    staleTime: 30_000,
  });
}

/** Adds an own entry, or changes one read at `version` (If-Match). */
export function useSaveCatalogEntry(kind: CatalogKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id?: string;
      version?: number;
      body: ThreatInput | VulnerabilityInput | { active: boolean };
    }) =>
      input.id
        ? api.patch(`/api/v1/${kind}/${input.id}`, input.body, {
            headers: ifMatch(input.version ?? 0),
          })
        : api.post(`/api/v1/${kind}`, input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogsKey }),
  });
}
