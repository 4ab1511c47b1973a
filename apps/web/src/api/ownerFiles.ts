import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceFile } from '@mamoru/contracts';
import { api, ApiError } from './client';
import { queryString, type ListPage } from './types';
import { currentLocale } from '../i18n';

/**
 * Evidence files of one owner in the evidence store (e.g. `audit_checklist_line`,
 * `improvement_action`, `nonconformity`): the list and a plain upload.
 */
const filesKey = (type: string, id: string) => ['files', type, id] as const;

export const fileContentUrl = (file: EvidenceFile) => `/api/v1/files/${file.id}/content`;

export function useOwnerFiles(type: string, id: string) {
  return useQuery({
    queryKey: filesKey(type, id),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<EvidenceFile>>(
          `/api/v1/files${queryString({ ownerType: type, ownerId: id, limit: 200 })}`,
          { signal },
        )
      ).items,
  });
}

/** Uploads one file as multipart/form-data, attached to the owner. */
export function useUploadOwnerFile(type: string, id: string, csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await fetch(
        `/api/v1/files${queryString({ ownerType: type, ownerId: id })}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json, application/problem+json',
            'Accept-Language': currentLocale(),
            'X-CSRF-Token': csrfToken,
          },
          body: form,
        },
      );
      const body = (await response.json().catch(() => undefined)) as
        (EvidenceFile & { title?: string }) | undefined;
      if (!response.ok) {
        throw new ApiError({
          status: response.status,
          title: body?.title ?? `HTTP ${response.status}`,
          problem: body as never,
        });
      }
      return body as EvidenceFile;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: filesKey(type, id) }),
  });
}
