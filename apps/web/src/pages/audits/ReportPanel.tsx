/** The audit page's ReportPanel; its content comes with the checklist, findings and report work. */
export function ReportPanel({ auditId }: { auditId: string }) {
  void auditId;
  return null;
}
