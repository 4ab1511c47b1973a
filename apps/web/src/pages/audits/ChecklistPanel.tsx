/** The audit page's ChecklistPanel; its content comes with the checklist, findings and report work. */
export function ChecklistPanel({ auditId }: { auditId: string }) {
  void auditId;
  return null;
}
