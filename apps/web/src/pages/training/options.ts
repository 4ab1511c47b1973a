import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListPage } from '../../api/types';

const V1 = '/api/v1';

// ---- choices for the forms (other areas' registers) ---------------------------------------

export interface Option {
  value: string;
  label: string;
}

/** Documents to link as course or session materials (the first 200 of the register). */
export function useDocumentOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['documents', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<{ id: string; code: string; title: string }>>(
          `${V1}/documents?limit=200`,
          { signal },
        )
      ).items.map((d): Option => ({ value: d.id, label: `${d.code} ${d.title}` })),
    enabled,
    staleTime: 60_000,
  });
}

/** The organization's active ISMS roles, for a course's audience. */
export function useIsmsRoleOptions(enabled: boolean, english: boolean) {
  return useQuery({
    queryKey: ['isms-roles', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: { id: string; name: string; nameEn: string }[] }>(
          `${V1}/isms-roles?active=true`,
          { signal },
        )
      ).items,
    enabled,
    staleTime: 60_000,
    select: (roles) =>
      roles.map((r): Option => ({ value: r.id, label: english && r.nameEn ? r.nameEn : r.name })),
  });
}
