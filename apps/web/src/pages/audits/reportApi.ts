import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditReport, AuditReportUpdate } from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch } from '../../api/types';

export type { AuditReport, AuditReportUpdate };

/** Shares its root with the audit pages, so an audit's refresh refreshes its report too. */
export const auditReportKey = (auditId: string) => ['audits', auditId, 'report'] as const;
const reportUrl = (auditId: string) => `/api/v1/audits/${auditId}/report`;

export function useAuditReport(auditId: string) {
  return useQuery({
    queryKey: auditReportKey(auditId),
    queryFn: ({ signal }) => api.get<AuditReport>(reportUrl(auditId), { signal }),
  });
}

/** Writes sent with the version read (If-Match; 412 when someone saved meanwhile). */
function useReportWrite<I>(call: (report: AuditReport, input: I) => Promise<AuditReport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ report, input }: { report: AuditReport; input: I }) => call(report, input),
    onSuccess: (report) => {
      client.setQueryData(auditReportKey(report.auditId), report);
      // The audit's own status and the conformity view follow the report.
      void client.invalidateQueries({ queryKey: ['audits'] });
      void client.invalidateQueries({ queryKey: ['conformity'] });
    },
  });
}

export const useSaveReport = () =>
  useReportWrite<AuditReportUpdate>((report, body) =>
    api.patch<AuditReport>(reportUrl(report.auditId), body, {
      headers: ifMatch(report.version),
    }),
  );

export const useApproveReport = () =>
  useReportWrite<void>((report) =>
    api.post<AuditReport>(`${reportUrl(report.auditId)}/approve`, undefined, {
      headers: ifMatch(report.version),
    }),
  );

export const useAcknowledgeReport = () =>
  useReportWrite<void>((report) =>
    api.post<AuditReport>(`${reportUrl(report.auditId)}/acknowledge`, undefined, {
      headers: ifMatch(report.version),
    }),
  );

export const reportExportUrl = (auditId: string, format: 'pdf' | 'xlsx', lang: 'ja' | 'en') =>
  `${reportUrl(auditId)}/export?format=${format}&lang=${lang}`;
