import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  CONTROL_CHECK_RESULT_FILE_OWNER,
  type CheckDueFilter,
  type ControlCheck,
  type ControlCheckCreate,
  type ControlCheckResultCreate,
  type ControlCheckResultDto,
  type ControlCheckUpdate,
  type ControlDetail,
  type ControlList,
  type ControlListItem,
  type ControlNonconformityRaise,
  type ControlOperationPut,
  type EvidenceFile,
} from '@mamoru/contracts';
import { api, ApiError } from '../../api/client';
import { ifMatch, queryString, type ListPage } from '../../api/types';
import { currentLocale } from '../../i18n';

export type { ControlCheck, ControlCheckResultDto, ControlDetail, ControlListItem };

const V1 = '/api/v1';
export const controlsKey = ['controls'] as const;
const checksKey = ['control-checks'] as const;

const enc = encodeURIComponent;

export interface ControlFilter {
  q?: string;
  /** An operation status, or 'unset' for controls without one. */
  status?: string | null;
  ownerId?: string | null;
  due?: CheckDueFilter | null;
}

/** The register of applicable controls of the current SoA, page by page. */
export function useControlList(filter: ControlFilter) {
  const params = {
    q: filter.q?.trim(),
    status: filter.status,
    ownerId: filter.ownerId,
    due: filter.due,
  };
  return useInfiniteQuery({
    queryKey: [...controlsKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ControlList>(
        `${V1}/controls${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export interface CheckFilter {
  due?: CheckDueFilter | null;
  /** 'me': the caller's own checks. */
  checkerId?: string | null;
}

/** The checks board: checks due or overdue, all or the caller's own. */
export function useCheckList(filter: CheckFilter) {
  const params = { due: filter.due, checkerId: filter.checkerId, active: 'true' };
  return useInfiniteQuery({
    queryKey: [...checksKey, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<ControlCheck>>(
        `${V1}/control-checks${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useControlDetail(controlId: string) {
  return useQuery({
    queryKey: [...controlsKey, 'one', controlId],
    queryFn: ({ signal }) => api.get<ControlDetail>(`${V1}/controls/${enc(controlId)}`, { signal }),
  });
}

/** Writes that change a control's page: they refresh the register, the page and the board. */
function useControlWrite<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: controlsKey }),
        client.invalidateQueries({ queryKey: checksKey }),
      ]);
    },
  });
}

/** Saves the operation read at `version` (If-Match; 0 creates it). */
export const useSaveOperation = (controlId: string) =>
  useControlWrite(({ version, body }: { version: number; body: ControlOperationPut }) =>
    api.put(`${V1}/controls/${enc(controlId)}/operation`, body, { headers: ifMatch(version) }),
  );

export const useCreateCheck = (controlId: string) =>
  useControlWrite((body: ControlCheckCreate) =>
    api.post<ControlCheck>(`${V1}/controls/${enc(controlId)}/checks`, body),
  );

export const useUpdateCheck = () =>
  useControlWrite(({ check, body }: { check: ControlCheck; body: ControlCheckUpdate }) =>
    api.patch<ControlCheck>(`${V1}/control-checks/${check.id}`, body, {
      headers: ifMatch(check.version),
    }),
  );

/** Records a result; the check's next due date moves on from the date performed. */
export const useRecordResult = () =>
  useControlWrite(({ check, body }: { check: ControlCheck; body: ControlCheckResultCreate }) =>
    api.post<{ result: ControlCheckResultDto; check: ControlCheck }>(
      `${V1}/control-checks/${check.id}/results`,
      body,
    ),
  );

export const useRaiseNonconformity = () =>
  useControlWrite(
    ({ result, body }: { result: ControlCheckResultDto; body: ControlNonconformityRaise }) =>
      api.post<{ nonconformityId: string; code: string; resultId: string }>(
        `${V1}/control-check-results/${result.id}/nonconformity`,
        body,
      ),
  );

/** Uploads one evidence file of a check result (multipart, like the other owners' files). */
export async function uploadResultFile(resultId: string, file: File, csrfToken: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = queryString({ ownerType: CONTROL_CHECK_RESULT_FILE_OWNER, ownerId: resultId });
  const response = await fetch(`${V1}/files${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': currentLocale(),
      'X-CSRF-Token': csrfToken,
    },
    body: form,
  });
  const body = (await response.json().catch(() => undefined)) as
    (EvidenceFile & { title?: string }) | undefined;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      title: `${file.name}: ${body?.title ?? `HTTP ${response.status}`}`,
      problem: body as never,
    });
  }
  return body as EvidenceFile;
}

export const exportUrl = (format: 'xlsx' | 'pdf', lang: 'ja' | 'en') =>
  `${V1}/controls/export.${format}${queryString({ lang })}`;
