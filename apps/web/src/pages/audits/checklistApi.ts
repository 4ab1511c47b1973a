import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditFinding,
  Checklist,
  ChecklistImportReport,
  ChecklistLine,
  ChecklistResult,
} from '@mamoru/contracts';
import { api, ApiError } from '../../api/client';
import { ifMatch, queryString } from '../../api/types';
import { currentLocale } from '../../i18n';

export type { AuditFinding, Checklist, ChecklistImportReport, ChecklistLine, ChecklistResult };

/** Checklist and findings of one audit; the audit page's tabs share these keys. */
export const checklistKey = (auditId: string) => ['audits', auditId, 'checklist'] as const;
export const findingsKey = (auditId: string) => ['audits', auditId, 'findings'] as const;
const base = (auditId: string) => `/api/v1/audits/${auditId}`;

export function useChecklist(auditId: string) {
  return useQuery({
    queryKey: checklistKey(auditId),
    queryFn: ({ signal }) => api.get<Checklist>(`${base(auditId)}/checklist`, { signal }),
  });
}

export function useFindings(auditId: string) {
  return useQuery({
    queryKey: findingsKey(auditId),
    queryFn: ({ signal }) =>
      api.get<{ items: AuditFinding[] }>(`${base(auditId)}/findings`, { signal }),
    select: (page) => page.items,
  });
}

/** A write on the checklist refreshes it and the findings it may have raised. */
function useAuditWrite<I, O>(auditId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: checklistKey(auditId) }),
        client.invalidateQueries({ queryKey: findingsKey(auditId) }),
      ]),
  });
}

export const useGenerateChecklist = (auditId: string) =>
  useAuditWrite(auditId, () =>
    api.post<{ added: number; checklist: Checklist }>(`${base(auditId)}/checklist/generate`),
  );

export interface LineInput {
  promptJa: string;
  promptEn: string;
}

export const useAddLine = (auditId: string) =>
  useAuditWrite(auditId, (body: LineInput) =>
    api.post<ChecklistLine>(`${base(auditId)}/checklist/lines`, { kind: 'custom', ...body }),
  );

export const useUpdateLine = (auditId: string) =>
  useAuditWrite(auditId, ({ line, body }: { line: ChecklistLine; body: LineInput }) =>
    api.patch<ChecklistLine>(`${base(auditId)}/checklist/lines/${line.id}`, body, {
      headers: ifMatch(line.version),
    }),
  );

export const useRemoveLine = (auditId: string) =>
  useAuditWrite(auditId, (line: ChecklistLine) =>
    api.delete(`${base(auditId)}/checklist/lines/${line.id}`),
  );

export const useReorderLines = (auditId: string) =>
  useAuditWrite(auditId, (lineIds: string[]) =>
    api.put<Checklist>(`${base(auditId)}/checklist/order`, { lineIds }),
  );

export interface ResultInput {
  result: ChecklistResult | null;
  notes: string;
  evidence: { type: string; id: string; label: string }[];
  finding?: { description: string; unitId: string | null; dueDate: string | null };
}

export const useRecordResult = (auditId: string) =>
  useAuditWrite(auditId, ({ line, body }: { line: ChecklistLine; body: ResultInput }) =>
    api.put<ChecklistLine>(`${base(auditId)}/checklist/lines/${line.id}/result`, body, {
      headers: ifMatch(line.version),
    }),
  );

export const useCorrectFinding = (auditId: string) =>
  useAuditWrite(auditId, ({ finding, text }: { finding: AuditFinding; text: string }) =>
    api.post<AuditFinding>(
      `${base(auditId)}/findings/${finding.id}/correction`,
      { correction: text },
      { headers: ifMatch(finding.version) },
    ),
  );

export const useVerifyFinding = (auditId: string) =>
  useAuditWrite(auditId, ({ finding, text }: { finding: AuditFinding; text: string }) =>
    api.post<AuditFinding>(
      `${base(auditId)}/findings/${finding.id}/verification`,
      { note: text },
      { headers: ifMatch(finding.version) },
    ),
  );

export function checklistExportUrl(auditId: string, lang: string) {
  return `${base(auditId)}/checklist/export${queryString({ lang })}`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the filled workbook as the raw body; a dry run only reports. */
export async function sendChecklistImport(
  auditId: string,
  file: File,
  dryRun: boolean,
  csrfToken: string | undefined,
): Promise<ChecklistImportReport> {
  const response = await fetch(
    `${base(auditId)}/checklist/import${queryString({ dryRun: String(dryRun) })}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': currentLocale(),
        'Content-Type': XLSX_TYPE,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
      body: file,
    },
  );
  const body = (await response.json().catch(() => undefined)) as
    (ChecklistImportReport & { title?: string }) | undefined;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      title: body?.title ?? `HTTP ${response.status}`,
      problem: body as never,
    });
  }
  return body as ChecklistImportReport;
}

export interface FindingInput {
  description?: string;
  unitId?: string | null;
  dueDate?: string | null;
}

export const useUpdateFinding = (auditId: string) =>
  useAuditWrite(auditId, ({ finding, body }: { finding: AuditFinding; body: FindingInput }) =>
    api.patch<AuditFinding>(`${base(auditId)}/findings/${finding.id}`, body, {
      headers: ifMatch(finding.version),
    }),
  );
