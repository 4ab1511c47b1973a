import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceFile } from '@mamoru/contracts';
import { api, ApiError } from '../../api/client';
import { queryString, type ListPage } from '../../api/types';
import { currentLocale } from '../../i18n';

/** Evidence files of a checklist line (owner type `audit_checklist_line` in the evidence store). */
const OWNER = 'audit_checklist_line';
const lineFilesKey = (lineId: string) => ['files', OWNER, lineId] as const;

export const lineFileUrl = (file: EvidenceFile) => `/api/v1/files/${file.id}/content`;

export function useLineFiles(lineId: string) {
  return useQuery({
    queryKey: lineFilesKey(lineId),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<EvidenceFile>>(
          `/api/v1/files${queryString({ ownerType: OWNER, ownerId: lineId, limit: 200 })}`,
          { signal },
        )
      ).items,
  });
}

/** Uploads one file as multipart/form-data into the evidence store, attached to the line. */
export function useUploadLineFile(lineId: string, csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await fetch(
        `/api/v1/files${queryString({ ownerType: OWNER, ownerId: lineId })}`,
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
    onSuccess: () => client.invalidateQueries({ queryKey: lineFilesKey(lineId) }),
  });
}
